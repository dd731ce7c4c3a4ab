# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""How a registry entry is named and listed.

- A registered entry is known by its registration number ("Nr. 1/11.12.2025"),
  not by the helpdesk ticket reference (HT00009), which stays secondary; a legacy
  entry (helpdesk_ticket_legacy.py) by its original number and date.
- The petitioner's name column of the lists (``partner_name``) follows the contact
  chosen on the entry; helpdesk_mgmt fills it only in the form's onchange, so
  entries created otherwise (counter wizard, import, demo, RPC) showed an empty
  column while the form showed the contact.
"""

from odoo import api, fields, models


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    _rec_names_search = ["cic_registration_number", "number", "name"]

    partner_name = fields.Char(
        compute="_compute_partner_name",
        store=True,
        readonly=False,
        precompute=True,
        help="Name of the petitioner as written in the register; it follows the "
        "contact chosen on the entry.",
    )

    @api.depends("partner_id")
    def _compute_partner_name(self):
        # A name given without a contact (anonymous petition, an imported register
        # line, an anonymised entry) is kept.
        for ticket in self.filtered("partner_id"):
            ticket.partner_name = ticket.partner_id.name

    @api.depends(
        "number",
        "name",
        "cic_registration_number",
        "cic_legacy_number",
        "cic_legacy_date",
    )
    @api.depends_context("lang")
    def _compute_display_name(self):
        for ticket in self:
            if ticket.cic_is_legacy and not ticket.cic_registration_number:
                ticket.display_name = (
                    f"{ticket._cic_legacy_display_number()} - {ticket.name}"
                )
                continue
            label = ticket.number
            if ticket.cic_registration_number:
                label = self.env._(
                    "No. %(number)s", number=ticket.cic_registration_number
                )
            ticket.display_name = f"{label} - {ticket.name}" if ticket.name else label
