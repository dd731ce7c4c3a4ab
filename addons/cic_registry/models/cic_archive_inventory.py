# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from .cic_calendar import institution_today


class CicArchiveInventory(models.Model):
    """Year-end inventory of a department's files and their handover to the
    institution's archive (Law 16/1996, Annex 2: inventory and handover minute).

    One line per file: the registry entries of the year grouped by file indicator.
    """

    _name = "cic.archive.inventory"
    _description = "Archive inventory"
    _inherit = ["mail.thread"]
    _order = "year desc, team_id"

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    year = fields.Integer(
        required=True,
        default=lambda self: institution_today(self).year - 1,
        tracking=True,
    )
    team_id = fields.Many2one(
        "helpdesk.ticket.team", string="Department", required=True, tracking=True
    )
    line_ids = fields.One2many(
        "cic.archive.inventory.line", "inventory_id", string="Files", copy=False
    )
    file_count = fields.Integer(compute="_compute_totals")
    page_count = fields.Integer(compute="_compute_totals")
    unfiled_count = fields.Integer(
        string="Entries without file",
        compute="_compute_unfiled_count",
        help="Registry entries of the year and department without a file indicator.",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("handed_over", "Handed over")],
        default="draft",
        required=True,
        tracking=True,
    )
    handover_date = fields.Date(tracking=True)
    minute_number = fields.Char(string="Minute number", tracking=True)
    handed_by_id = fields.Many2one(
        "res.users", string="Handed over by", domain=[("share", "=", False)]
    )
    received_by_id = fields.Many2one(
        "res.users", string="Received by (archive)", domain=[("share", "=", False)]
    )

    _sql_constraints = [
        (
            "year_team_uniq",
            "unique(company_id, year, team_id)",
            "There is already an inventory for this department and year.",
        )
    ]

    @api.depends("team_id.name", "year")
    def _compute_name(self):
        for inventory in self:
            inventory.name = self.env._(
                "Inventory %(year)s - %(team)s",
                year=inventory.year,
                team=inventory.team_id.name or "",
            )

    @api.depends("line_ids.page_count")
    def _compute_totals(self):
        for inventory in self:
            inventory.file_count = len(inventory.line_ids)
            inventory.page_count = sum(inventory.line_ids.mapped("page_count"))

    def _ticket_domain(self):
        self.ensure_one()
        return [
            ("company_id", "=", self.company_id.id),
            ("team_id", "=", self.team_id.id),
            ("cic_file_year", "=", self.year),
            ("cic_registration_date", "!=", False),
        ]

    def _compute_unfiled_count(self):
        for inventory in self:
            inventory.unfiled_count = self.env["helpdesk.ticket"].search_count(
                inventory._ticket_domain() + [("cic_file_indicator", "=", False)]
            )

    def action_compute_lines(self):
        """(Re)build one line per file from the registry entries of the year."""
        for inventory in self:
            inventory._check_draft()
            tickets = self.env["helpdesk.ticket"].search(
                inventory._ticket_domain() + [("cic_file_indicator", "!=", False)]
            )
            inventory.line_ids = [fields.Command.clear()] + [
                fields.Command.create(vals) for vals in inventory._line_vals(tickets)
            ]

    def _line_vals(self, tickets):
        """Group entries by file indicator, in nomenclator order."""
        files = {}
        for ticket in tickets:
            files.setdefault(ticket.cic_file_indicator, self.env["helpdesk.ticket"])
            files[ticket.cic_file_indicator] |= ticket
        ordered = sorted(
            files.items(),
            key=lambda item: (
                item[1].cic_nomenclator_entry_id[:1].sequence,
                item[0],
            ),
        )
        vals_list = []
        for number, (indicator, file_tickets) in enumerate(ordered, start=1):
            entry = file_tickets.cic_nomenclator_entry_id[:1]
            calendar = self.env["cic.calendar"]
            dates = [
                calendar.local_date(moment)
                for moment in file_tickets.mapped("cic_registration_date")
            ]
            vals_list.append(
                {
                    "sequence": number,
                    "indicator": indicator,
                    "entry_id": entry.id,
                    "summary": entry.name or indicator,
                    "date_from": min(dates),
                    "date_to": max(dates),
                    "page_count": sum(file_tickets.mapped("cic_page_count")),
                    "ticket_count": len(file_tickets),
                }
            )
        return vals_list

    def action_hand_over(self):
        for inventory in self:
            inventory._check_draft()
            if not inventory.line_ids:
                raise UserError(self.env._("The inventory has no files."))
            if not (inventory.handover_date and inventory.received_by_id):
                raise UserError(
                    self.env._(
                        "Enter the handover date and the archive's receiver before "
                        "handing the files over."
                    )
                )
        self.state = "handed_over"

    def action_reset_to_draft(self):
        self.state = "draft"

    def action_view_unfiled(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Entries without file"),
            "res_model": "helpdesk.ticket",
            "view_mode": "list,form",
            "domain": self._ticket_domain() + [("cic_file_indicator", "=", False)],
        }

    def _check_draft(self):
        self.ensure_one()
        if self.state != "draft":
            raise UserError(
                self.env._("The inventory was handed over and cannot be changed.")
            )
