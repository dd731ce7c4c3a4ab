# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The institution's own accounts (Treasury and banks) are Romanian IBANs (R-ID-3).

An account number of one of the companies' own contacts is where fees and taxes are
paid: it is checked with the shared helper ``res.partner._cic_normalize_iban``
(``^RO\\d{2}[A-Z]{4}[A-Z0-9]{16}$`` plus the ISO 13616 mod-97 check) and stored in
its compact form. Accounts of other contacts (a citizen's refund account) are left
to the standard rules.
"""

from odoo import api, models


class ResPartnerBank(models.Model):
    _inherit = "res.partner.bank"

    @api.model
    def _cic_institution_partner_ids(self):
        """Contacts of the companies (the institution's own accounts)."""
        return set(self.env["res.company"].sudo().search([]).partner_id.ids)

    @api.model
    def _cic_normalize_vals(self, vals, partner_id):
        if vals.get("acc_number") and partner_id in self._cic_institution_partner_ids():
            vals["acc_number"] = self.env["res.partner"]._cic_normalize_iban(
                vals["acc_number"]
            )
        return vals

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._cic_normalize_vals(vals, vals.get("partner_id"))
        return super().create(vals_list)

    def write(self, vals):
        if "acc_number" in vals and len(self.partner_id) == 1:
            vals = self._cic_normalize_vals(
                dict(vals), vals.get("partner_id", self.partner_id.id)
            )
        return super().write(vals)

    @api.constrains("acc_number", "partner_id")
    def _check_cic_institution_iban(self):
        institution = self._cic_institution_partner_ids()
        for account in self.filtered(lambda a: a.partner_id.id in institution):
            self.env["res.partner"]._cic_normalize_iban(account.acc_number)
