# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The petitioner's postal address as given on the document (R-PET-2).

OG 27/2002 art. 7 judges a petition by the identification data *it* carries: a
citizen may give on the form (or on paper) an address his contact does not have.
The entry keeps that address, and the identification check reads it as well as the
contact's, so an identified petition is never classed as anonymous.
"""

from odoo import api, fields, models


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    cic_petitioner_street = fields.Char(
        string="Petitioner's street and number",
        help="Postal address of the petitioner as given on the document (OG 27/2002 "
        "art. 7).",
    )
    cic_petitioner_locality = fields.Char(
        string="Petitioner's locality",
        help="Locality of the petitioner as given on the document (OG 27/2002 art. 7).",
    )

    @api.depends(
        "partner_id.name",
        "partner_id.street",
        "partner_id.city",
        "partner_id.cic_street",
        "partner_id.cic_street_number",
        "partner_id.cic_locality",
        "cic_petitioner_street",
        "cic_petitioner_locality",
    )
    def _compute_cic_identified(self):
        for ticket in self:
            ticket.cic_identified = (
                ticket._cic_partner_identified(ticket.partner_id)
                or ticket._cic_document_identified()
            )

    def _cic_document_identified(self):
        """A named petitioner and the postal address written on the document."""
        self.ensure_one()
        return bool(
            (self.partner_id.name or "").strip()
            and (self.cic_petitioner_street or "").strip()
            and (self.cic_petitioner_locality or "").strip()
        )

    def _cic_audited_fields(self):
        """Identification decides whether the petition is answered: audited."""
        audited = super()._cic_audited_fields()
        return audited + [
            name
            for name in ("cic_petitioner_street", "cic_petitioner_locality")
            if name not in audited
        ]
