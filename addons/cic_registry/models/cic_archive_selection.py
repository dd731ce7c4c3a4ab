# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from .cic_calendar import institution_today


class CicArchiveSelection(models.Model):
    """Decision of the selection commission on files whose retention expired.

    Law 16/1996: expired files are never deleted automatically. The clerk loads the
    candidates (the list for the commission), the commission's decision number and
    date are recorded, and only then can the petitioners' personal data of the
    selected entries be anonymised (R-REG-6, R-GDPR-2).
    """

    _name = "cic.archive.selection"
    _description = "Archive selection decision"
    _inherit = ["mail.thread"]
    _order = "reference_date desc, id desc"

    name = fields.Char(
        required=True,
        default=lambda self: self.env._("Selection of expired files"),
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    reference_date = fields.Date(
        string="Expired by",
        required=True,
        default=institution_today,
        help="Files whose retention expired on or before this date are candidates.",
    )
    team_id = fields.Many2one(
        "helpdesk.ticket.team",
        string="Department",
        help="Leave empty to select the files of all departments.",
    )
    commission_members = fields.Text(string="Commission members")
    decision_number = fields.Char(tracking=True)
    decision_date = fields.Date(tracking=True)
    state = fields.Selection(
        [
            ("draft", "Candidates"),
            ("decided", "Decided"),
            ("done", "Anonymised"),
        ],
        default="draft",
        required=True,
        tracking=True,
    )
    ticket_ids = fields.Many2many(
        "helpdesk.ticket",
        string="Registry entries",
        domain="[('cic_destroy_eligible_date', '<=', reference_date)]",
    )
    ticket_count = fields.Integer(compute="_compute_ticket_count")
    anonymised_date = fields.Datetime(readonly=True, copy=False)

    @api.depends("ticket_ids")
    def _compute_ticket_count(self):
        for selection in self:
            selection.ticket_count = len(selection.ticket_ids)

    def _candidate_domain(self):
        self.ensure_one()
        domain = [
            ("company_id", "=", self.company_id.id),
            ("cic_destroy_eligible_date", "<=", self.reference_date),
            ("cic_anonymised_date", "=", False),
        ]
        if self.team_id:
            domain.append(("team_id", "=", self.team_id.id))
        return domain

    def action_load_candidates(self):
        """Fill the list with the entries of every expired file."""
        for selection in self:
            selection._check_state("draft")
            tickets = self.env["helpdesk.ticket"].search(selection._candidate_domain())
            selection.ticket_ids = [fields.Command.set(tickets.ids)]

    def action_decide(self):
        for selection in self:
            selection._check_state("draft")
            if not (selection.decision_number and selection.decision_date):
                raise UserError(
                    self.env._(
                        "Record the number and date of the commission's decision."
                    )
                )
            if not selection.ticket_ids:
                raise UserError(self.env._("No registry entry is selected."))
            not_expired = selection.ticket_ids.filtered(
                lambda t, s=selection: not t.cic_destroy_eligible_date
                or t.cic_destroy_eligible_date > s.reference_date
            )
            if not_expired:
                raise UserError(
                    self.env._(
                        "These entries are not past their retention term: %(numbers)s",
                        numbers=", ".join(not_expired.mapped("display_name")),
                    )
                )
        self.state = "decided"

    def action_anonymise(self):
        """Anonymise the petitioners' data of the selected entries."""
        for selection in self:
            selection._check_state("decided")
            selection.ticket_ids._cic_anonymise(selection)
            selection.write({"state": "done", "anonymised_date": fields.Datetime.now()})

    def action_reset_to_draft(self):
        for selection in self:
            selection._check_state("decided")
        self.state = "draft"

    def _check_state(self, state):
        self.ensure_one()
        if self.state != state:
            raise UserError(
                self.env._(
                    "This action is not possible in the state %(state)s.",
                    state=dict(self._fields["state"]._description_selection(self.env))[
                        self.state
                    ],
                )
            )

    def _cic_files(self):
        """Selected entries grouped by file (year, department, file) for the
        commission's list."""
        self.ensure_one()
        files = {}
        for ticket in self.ticket_ids.sorted(
            lambda t: (
                t.cic_file_year,
                t.team_id.name or "",
                t.cic_file_indicator or "",
            )
        ):
            key = (
                ticket.cic_file_year,
                ticket.team_id,
                ticket.cic_nomenclator_entry_id,
            )
            files.setdefault(key, self.env["helpdesk.ticket"])
            files[key] |= ticket
        return [
            {
                "year": year,
                "team": team,
                "entry": entry,
                "tickets": tickets,
                "eligible_date": max(tickets.mapped("cic_destroy_eligible_date")),
            }
            for (year, team, entry), tickets in files.items()
        ]
