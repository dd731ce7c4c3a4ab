# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.model
    def _cic_portal_organisation(self, name, cui, vals=None):
        """The organisation an online form names: the contact with this CUI,
        reused unchanged (a form never rewrites a known contact), or a new
        legal person made of ``name``, ``cui`` and the form's ``vals``.

        Raises a ValidationError for an invalid CUI. Callers on the portal call it
        with sudo, after validating the form.
        """
        number, _vat_payer = self._cic_normalize_cui(cui)
        organisation = self.search(
            [("cic_cui", "=", number), ("cic_person_type", "=", "legal")],
            order="id",
            limit=1,
        )
        if organisation:
            return organisation.commercial_partner_id
        return self.create(
            {
                **(vals or {}),
                "name": name.strip(),
                "is_company": True,
                "cic_person_type": "legal",
                "cic_cui": cui,
            }
        )
