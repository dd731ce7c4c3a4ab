# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from .common import CicPortalHttpCase

GENERIC = "No request matches this number and access code."


@tagged("post_install", "-at_install")
class TestTracking(CicPortalHttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ticket = cls._make_request(cls.portal_a.partner_id, name="Urmărire test")

    def _track(self, number, code):
        return self.url_open(f"/cic/track?number={number}&code={code}")

    def test_track_with_number_and_code(self):
        response = self._track(
            self.ticket.cic_registration_number, self.ticket.cic_access_code
        )
        self.assertIn("o_cic_track_result", response.text)
        self.assertIn(self.ticket.stage_id.name, response.text)

    def test_code_is_normalised(self):
        code = self.ticket.cic_access_code.replace("-", "").lower()
        response = self._track(self.ticket.cic_registration_number, code)
        self.assertIn("o_cic_track_result", response.text)

    def test_wrong_code_gives_generic_message(self):
        other = self._make_request(self.portal_b.partner_id, name="Alt dosar")
        response = self._track(
            self.ticket.cic_registration_number, other.cic_access_code
        )
        self.assertNotIn("o_cic_track_result", response.text)
        self.assertIn(GENERIC, response.text)
        unknown = self._track("999999/01.01.2000", self.ticket.cic_access_code)
        self.assertIn(GENERIC, unknown.text)

    def test_lockout_after_repeated_failures(self):
        self.env["ir.config_parameter"].sudo().set_param(
            "cic_portal.track_max_failures", 3
        )
        for _i in range(3):
            self._track(self.ticket.cic_registration_number, "AAAA-AAAA-AAAA")
        response = self._track(
            self.ticket.cic_registration_number, self.ticket.cic_access_code
        )
        self.assertNotIn("o_cic_track_result", response.text)
        self.assertIn("Too many unsuccessful attempts", response.text)

    def test_access_codes_are_unique_and_long(self):
        other = self._make_request(self.portal_b.partner_id, name="Alt cod")
        self.assertNotEqual(self.ticket.cic_access_code, other.cic_access_code)
        self.assertEqual(len(self.ticket.cic_access_code.replace("-", "")), 12)
        self.assertGreaterEqual(len(self.ticket.access_token), 32)
