# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from .common import CicPortalHttpCase


@tagged("post_install", "-at_install")
class TestRating(CicPortalHttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.closed_stage = cls.env["helpdesk.ticket.stage"].search(
            [("closed", "=", True)], limit=1
        )
        cls.ticket = cls._make_request(cls.portal_a.partner_id, name="Dosar de evaluat")

    def _rate(self, ticket, rating, token=None):
        self.authenticate("cic_portal_a", "cic_portal_a")
        csrf = self._csrf()
        url = (
            f"/my/requests/{ticket.id}/rate?access_token={token or ticket.access_token}"
        )
        return self.url_open(
            url,
            data={"csrf_token": csrf, "rating": rating, "comment": "Mulțumesc"},
            allow_redirects=False,
        )

    def test_open_request_cannot_be_rated(self):
        response = self._rate(self.ticket, "5")
        self.assertIn("rating_refused", response.headers["Location"])
        self.assertFalse(self.ticket.cic_rating_ids)

    def test_closed_request_rated_once(self):
        self.ticket.stage_id = self.closed_stage
        response = self._rate(self.ticket, "4")
        self.assertIn("rating_saved", response.headers["Location"])
        self.assertEqual(self.ticket.cic_rating_ids.rating, 4)
        self.assertEqual(
            self.ticket.cic_rating_ids.partner_id, self.portal_a.partner_id
        )
        again = self._rate(self.ticket, "1")
        self.assertIn("rating_refused", again.headers["Location"])
        self.assertEqual(self.ticket.cic_rating_ids.rating, 4)

    def test_rating_out_of_range_refused(self):
        self.ticket.stage_id = self.closed_stage
        response = self._rate(self.ticket, "6")
        self.assertIn("rating_refused", response.headers["Location"])
        self.assertFalse(self.ticket.cic_rating_ids)

    def test_other_citizen_cannot_rate(self):
        other = self._make_request(self.portal_b.partner_id, name="Dosar străin")
        other.stage_id = self.closed_stage
        self.authenticate("cic_portal_a", "cic_portal_a")
        csrf = self._csrf()
        response = self.url_open(
            f"/my/requests/{other.id}/rate",
            data={"csrf_token": csrf, "rating": "1"},
            allow_redirects=False,
        )
        self.assertEqual(response.headers["Location"].split("?")[0][-3:], "/my")
        self.assertFalse(other.cic_rating_ids)
