# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re

from odoo.tests import tagged

from .common import CicPortalHttpCase


@tagged("post_install", "-at_install")
class TestAudienceBooking(CicPortalHttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.official = cls._weekday_official(
            "cic_portal_test_mayor", "Primar Test Portal"
        )

    def _book(self, subject):
        page = self.url_open(f"/cic/audience?official_id={self.official.id}")
        csrf = self._csrf()
        token = page.text.split('name="form_token" value="')[1].split('"')[0]
        slot = re.search(r'name="slot"[^>]*value="([^"]+)"', page.text).group(1)
        data = {
            "csrf_token": csrf,
            "form_token": token,
            "official_id": self.official.id,
            "slot": slot,
            "subject": subject,
            "consent": "1",
        }
        first = self.url_open("/cic/audience/book", data=data, allow_redirects=False)
        second = self.url_open("/cic/audience/book", data=data, allow_redirects=False)
        return first, second

    def test_book_once_and_isolation(self):
        self.authenticate("cic_portal_a", "cic_portal_a")
        first, second = self._book("Audiență test izolare")
        self.assertEqual(first.status_code, 303)
        self.assertEqual(first.headers["Location"], second.headers["Location"])
        audience = self.env["cic.audience.request"].search(
            [("subject", "=", "Audiență test izolare")]
        )
        self.assertEqual(len(audience), 1)
        self.assertEqual(audience.state, "scheduled")
        self.assertEqual(audience.channel, "online")
        # Another citizen can neither see nor cancel it.
        self.authenticate("cic_portal_b", "cic_portal_b")
        view = self.url_open(f"/my/audiences/{audience.id}", allow_redirects=False)
        self.assertEqual(view.status_code, 303)
        cancel = self.url_open(
            f"/my/audiences/{audience.id}/cancel",
            data={"csrf_token": self._csrf()},
            allow_redirects=False,
        )
        self.assertEqual(cancel.status_code, 303)
        self.assertEqual(audience.state, "scheduled")
        listing = self.url_open("/my/audiences")
        self.assertNotIn("Audiență test izolare", listing.text)

    def test_visitor_must_log_in_to_book(self):
        page = self.url_open(f"/cic/audience?official_id={self.official.id}")
        self.assertNotIn("o_cic_audience_form", page.text)
        response = self.url_open(
            "/cic/audience/book",
            data={"csrf_token": self._csrf()},
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 303)
        self.assertIn("/web/login", response.headers["Location"])
