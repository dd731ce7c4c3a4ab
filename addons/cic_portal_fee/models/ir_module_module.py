# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

# Labels that Odoo's own catalogues translate wrongly for the CIC's screens: the
# account module's ro.po shares the msgid "State" of the payment's status with the
# address's state, so the finance user's payment list headed its status "Județ".
CIC_UPSTREAM_TERMS = {
    ("account.payment", "state"): {"ro_RO": "Stare"},
}


class IrModuleModule(models.Model):
    _inherit = "ir.module.module"

    def _load_module_terms(
        self, modules, langs, overwrite=False, imported_module=False
    ):
        """After Odoo loads a catalogue (install, update, a language installed later,
        ``--i18n-overwrite``), put back the CIC's correction of its wrong labels."""
        result = super()._load_module_terms(
            modules, langs, overwrite=overwrite, imported_module=imported_module
        )
        self._cic_fix_upstream_terms(langs)
        return result

    def _cic_fix_upstream_terms(self, langs):
        Fields = self.env["ir.model.fields"].sudo()
        for (model, name), terms in CIC_UPSTREAM_TERMS.items():
            field = Fields._get(model, name)
            for lang, term in terms.items():
                if field and lang in langs:
                    field.with_context(lang=lang).field_description = term
