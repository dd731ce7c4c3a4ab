# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Who filed an online request on behalf of an organisation (OG 27/2002 art. 2).

When a legal person files online, the registry entry's petitioner
(``partner_id``) is the organisation, so that the registry and its reports count
it as a legal person. The natural person who filed it is kept here: the name of
the representative and, when logged in, the citizen's own contact, who then
follows the entry and sees it among his requests.
"""

from odoo import api, fields, models


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    cic_representative_name = fields.Char(
        string="Representative",
        help="Name of the person who filed the request on behalf of the "
        "organisation.",
    )
    cic_filed_by_partner_id = fields.Many2one(
        "res.partner",
        string="Filed by",
        index="btree_not_null",
        ondelete="set null",
        readonly=True,
        copy=False,
        help="Portal account that filed the request for the organisation.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        tickets = super().create(vals_list)
        for ticket in tickets.filtered("cic_filed_by_partner_id"):
            ticket.message_subscribe(partner_ids=ticket.cic_filed_by_partner_id.ids)
        return tickets

    # ------------------------------------------------------------ anonymisation
    def _cic_anonymise_vals(self):
        """The representative's name and the filer's contact are personal data
        of the entry too (R-GDPR-2)."""
        return dict(
            super()._cic_anonymise_vals(),
            cic_representative_name=False,
            cic_filed_by_partner_id=False,
        )

    def _cic_anonymise_partners(self):
        return super()._cic_anonymise_partners() | self.cic_filed_by_partner_id

    def _cic_personal_values(self, partners):
        values = super()._cic_personal_values(partners)
        values.update(
            name.strip()
            for name in self.sudo().mapped("cic_representative_name")
            if name and len(name.strip()) >= 4
        )
        return values
