# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError


class HelpdeskTicket(models.Model):
    """Archive side of registry entries: nomenclator file and retention only.

    This is a second `_inherit = "helpdesk.ticket"` class, kept apart from the core
    registry class in `helpdesk_ticket.py`. It holds only the nomenclator file
    indicator (R-REG-3, R-REG-5), the retention date (R-REG-6) and the
    anonymisation done after a selection commission decision (R-GDPR-2).
    """

    _inherit = "helpdesk.ticket"

    cic_nomenclator_entry_id = fields.Many2one(
        "cic.nomenclator.entry",
        string="Nomenclator file",
        compute="_compute_cic_nomenclator_entry_id",
        store=True,
        readonly=False,
        index=True,
        tracking=True,
        domain="[('company_id', '=', company_id)]",
        help="File of the archive nomenclator the document goes into. Defaults "
        "from the procedure and department.",
    )
    # Declared in helpdesk_ticket.py as a plain register column; here it follows
    # the nomenclator file when one is chosen and stays free text otherwise
    # (legacy registers).
    cic_file_indicator = fields.Char(
        compute="_compute_cic_file_indicator", store=True, readonly=False
    )
    cic_file_year = fields.Integer(
        string="File year",
        compute="_compute_cic_file_year",
        store=True,
        help="Year of registration: files are created per calendar year.",
    )
    cic_destroy_eligible_date = fields.Date(
        string="Retention expires",
        compute="_compute_cic_destroy_eligible_date",
        store=True,
        help="31 December of the file year plus the retention term; empty for "
        "permanent files. Nothing is deleted automatically.",
    )
    cic_archive_selection_id = fields.Many2one(
        "cic.archive.selection",
        string="Selection decision",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )
    cic_anonymised_date = fields.Datetime(
        string="Anonymised on", readonly=True, copy=False
    )

    @api.depends("cic_registration_date", "create_date")
    def _compute_cic_file_year(self):
        calendar = self.env["cic.calendar"]
        for ticket in self:
            moment = ticket.cic_registration_date or ticket.create_date
            # local (Bucharest) year: 1 January 00:30 belongs to the new year
            day = calendar.local_date(moment) if moment else calendar.today()
            ticket.cic_file_year = day.year

    @api.depends("cic_procedure_id", "team_id", "company_id", "cic_file_year")
    def _compute_cic_nomenclator_entry_id(self):
        entry_model = self.env["cic.nomenclator.entry"]
        for ticket in self:
            if ticket.cic_nomenclator_entry_id:
                continue
            ticket.cic_nomenclator_entry_id = entry_model._cic_default_entry(
                ticket.cic_file_year or fields.Date.today().year,
                ticket.company_id or self.env.company,
                procedure=ticket.cic_procedure_id,
                team=ticket.team_id,
            )

    @api.depends("cic_nomenclator_entry_id")
    def _compute_cic_file_indicator(self):
        for ticket in self:
            if ticket.cic_nomenclator_entry_id:
                ticket.cic_file_indicator = ticket.cic_nomenclator_entry_id.indicator

    @api.depends(
        "cic_nomenclator_entry_id.retention_type",
        "cic_nomenclator_entry_id.retention_years",
        "cic_file_year",
    )
    def _compute_cic_destroy_eligible_date(self):
        for ticket in self:
            entry = ticket.cic_nomenclator_entry_id
            ticket.cic_destroy_eligible_date = (
                entry._cic_destroy_eligible_date(ticket.cic_file_year)
                if entry
                else False
            )

    # ------------------------------------------------------------ anonymisation
    def _cic_anonymise_vals(self):
        """Values that erase the petitioner's data from the entry. Other modules
        extend this with their own personal-data fields."""
        return {
            "partner_id": False,
            "partner_name": self.env._("Anonymised petitioner"),
            "partner_email": False,
            "description": Markup("<p>%s</p>")
            % self.env._("Content removed after the selection commission's decision."),
            "notes": False,
        }

    def _cic_anonymise(self, selection):
        """Erase personal data of these entries after the commission decision
        `selection` (R-GDPR-2). The registry columns (number, date, summary,
        department, file) stay, as the register itself is kept."""
        if selection.state != "decided":
            raise UserError(
                self.env._(
                    "Personal data can be anonymised only after a recorded "
                    "decision of the selection commission."
                )
            )
        tickets = self.sudo().filtered(lambda t: not t.cic_anonymised_date)
        partners = tickets.partner_id
        for ticket in tickets:
            ticket.write(
                dict(
                    ticket._cic_anonymise_vals(),
                    cic_anonymised_date=fields.Datetime.now(),
                    cic_archive_selection_id=selection.id,
                )
            )
        tickets._cic_anonymise_messages(partners)
        partners._cic_anonymise_if_unused()
        return tickets

    def _cic_anonymise_messages(self, partners):
        """Remove the petitioner from the chatter: followers, authors, bodies
        and attachments of messages they wrote."""
        if not self:
            return
        self.message_unsubscribe(partner_ids=partners.ids)
        messages = (
            self.env["mail.message"]
            .sudo()
            .search(
                [
                    ("model", "=", self._name),
                    ("res_id", "in", self.ids),
                    "|",
                    ("author_id", "in", partners.ids),
                    ("message_type", "in", ("email", "comment")),
                ]
            )
        )
        messages.attachment_ids.unlink()
        messages.write(
            {
                "body": False,
                "author_id": False,
                "email_from": False,
                "partner_ids": [fields.Command.clear()],
            }
        )
        self.env["ir.attachment"].sudo().search(
            [("res_model", "=", self._name), ("res_id", "in", self.ids)]
        ).unlink()
