# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Who filed an online request on behalf of an organisation (OG 27/2002 art. 2).

When a legal person files online from an account bound to its CUI, the registry
entry's petitioner (``partner_id``) is the organisation, so that the registry and
its reports count it as a legal person. Any other filing quoting an organisation
keeps its name and CUI as typed, until a clerk attaches it (issue 14, point 10).
The natural person who filed it for the organisation is kept here: the name of
the representative and, when logged in, the citizen's own contact, who then
follows the entry and sees it among his requests.
"""

from odoo import api, fields, models
from odoo.exceptions import AccessError


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
    cic_quoted_org_name = fields.Char(
        string="Organisation (as typed)",
        readonly=True,
        copy=False,
        help="Organisation named on the online form. Unless the form came from an "
        "account bound to its CUI, the organisation is not the petitioner and does "
        "not see the request on its portal until a clerk attaches it.",
    )
    cic_quoted_org_cui = fields.Char(string="CUI (as typed)", readonly=True, copy=False)

    @api.model_create_multi
    def create(self, vals_list):
        tickets = super().create(vals_list)
        for ticket in tickets.filtered("cic_filed_by_partner_id"):
            ticket.message_subscribe(partner_ids=ticket.cic_filed_by_partner_id.ids)
        return tickets

    def action_cic_attach_quoted_organisation(self):
        """Clerk: the filing is verified as the organisation's own. The
        organisation named on the form (found by its CUI, or created) becomes
        the petitioner, and its portal accounts see the request."""
        if not self.env.user.has_group("cic_registry.group_cic_clerk"):
            raise AccessError(
                self.env._("Only the CIC clerks attach a request to an organisation.")
            )
        self.check_access("write")
        Partner = self.env["res.partner"].sudo()
        for ticket in self.filtered("cic_quoted_org_cui"):
            organisation = Partner._cic_portal_organisation(
                ticket.cic_quoted_org_name or ticket.cic_quoted_org_cui,
                ticket.cic_quoted_org_cui,
            )
            ticket.sudo().partner_id = organisation
            ticket.message_post(
                body=self.env._(
                    "Attached to the organisation %(name)s by %(user)s.",
                    name=organisation.display_name,
                    user=self.env.user.name,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

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
