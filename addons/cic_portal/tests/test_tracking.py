# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re

from odoo.tests import tagged

from .common import CicPortalHttpCase

ERROR_RE = re.compile(r'o_cic_track_error"[^>]*>([^<]+)<')


@tagged("post_install", "-at_install")
class TestTracking(CicPortalHttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ticket = cls._make_request(cls.portal_a.partner_id, name="Urmărire test")

    def _track(self, number, code):
        return self.url_open(f"/cic/track?number={number}&code={code}")

    def _error(self, response):
        """The message shown instead of a result (in the website's language)."""
        self.assertNotIn("o_cic_track_result", response.text)
        return ERROR_RE.search(response.text).group(1).strip()

    def test_track_with_number_and_code(self):
        response = self._track(
            self.ticket.cic_registration_number, self.ticket.cic_access_code
        )
        self.assertIn("o_cic_track_result", response.text)
        # The page is in the website's language (Romanian in the demo database).
        stage = self.ticket.stage_id
        names = {stage.with_context(lang=lang).name for lang in ("en_US", "ro_RO")}
        self.assertTrue(any(name in response.text for name in names), names)

    def test_code_is_normalised(self):
        code = self.ticket.cic_access_code.replace("-", "").lower()
        response = self._track(self.ticket.cic_registration_number, code)
        self.assertIn("o_cic_track_result", response.text)

    def test_wrong_code_gives_generic_message(self):
        other = self._make_request(self.portal_b.partner_id, name="Alt dosar")
        response = self._track(
            self.ticket.cic_registration_number, other.cic_access_code
        )
        unknown = self._track("999999/01.01.2000", self.ticket.cic_access_code)
        # Same answer whether the number exists or not: nothing to enumerate.
        self.assertEqual(self._error(response), self._error(unknown))
        self.assertNotIn(self.ticket.name, response.text)

    def test_lockout_after_repeated_failures(self):
        self.env["ir.config_parameter"].sudo().set_param(
            "cic_portal.track_max_failures", 3
        )
        for _i in range(3):
            failed = self._track(self.ticket.cic_registration_number, "AAAA-AAAA-AAAA")
        response = self._track(
            self.ticket.cic_registration_number, self.ticket.cic_access_code
        )
        # Even the right code is refused while locked, with the lock-out message.
        self.assertNotEqual(self._error(response), self._error(failed))

    def test_access_codes_are_unique_and_long(self):
        other = self._make_request(self.portal_b.partner_id, name="Alt cod")
        self.assertNotEqual(self.ticket.cic_access_code, other.cic_access_code)
        self.assertEqual(len(self.ticket.cic_access_code.replace("-", "")), 12)
        self.assertGreaterEqual(len(self.ticket.access_token), 32)
