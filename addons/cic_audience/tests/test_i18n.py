# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError

from .common import HOLIDAY_TUESDAY, CicAudienceCase


class TestAudienceRomanian(CicAudienceCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("ro_RO")
        cls.env["ir.module.module"]._load_module_terms(
            ["cic_audience"], ["ro_RO"], overwrite=True
        )
        cls.citizen_1.lang = "ro_RO"

    def test_errors_are_in_romanian(self):
        request = self._request().with_context(lang="ro_RO")
        with self.assertRaisesRegex(UserError, "nu este zi lucrătoare a instituției"):
            self._book(request, day=HOLIDAY_TUESDAY)
        with self.assertRaisesRegex(UserError, "în afara programului de audiențe"):
            self._book(request, hour=11)

    def test_confirmation_mail_is_in_romanian(self):
        request = self._book(self._request())
        message = request.message_ids.filtered(
            lambda m: (m.subject or "").startswith("Audiență programată")
        )
        self.assertEqual(len(message), 1)
        self.assertIn("Bună ziua", message.body)
        self.assertIn("Fișierul de calendar este atașat", message.body)
