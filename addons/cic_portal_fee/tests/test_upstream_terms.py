# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestUpstreamTerms(TransactionCase):
    """The finance user's payment list in Romanian heads the payment's status
    "Stare", not "Județ" (Odoo's account ro.po translates the shared msgid "State"
    as the address's county), also after Odoo reloads its catalogues."""

    def _status_label(self, user):
        Payment = self.env["account.payment"].with_user(user).with_context(lang="ro_RO")
        return Payment.fields_get(["state"], ["string"])["state"]["string"]

    def test_payment_status_in_romanian(self):
        self.env["res.lang"]._activate_lang("ro_RO")
        finance = new_test_user(
            self.env,
            login="cic_terms_finance",
            groups="cic_portal_fee.group_cic_finance",
            lang="ro_RO",
        )
        # As after `-u all --i18n-overwrite` or installing Romanian later.
        self.env["ir.module.module"]._load_module_terms(
            ["account"], ["ro_RO"], overwrite=True
        )
        self.env.registry.clear_cache()
        self.assertEqual(self._status_label(finance), "Stare")
