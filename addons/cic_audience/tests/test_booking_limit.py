# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A citizen holds at most ``cic_audience.max_open_bookings`` open audiences
(issue 14, point 7); the portal booking route calls this check."""

from odoo.exceptions import UserError

from .common import CicAudienceCase


class TestOpenBookingLimit(CicAudienceCase):
    def _check(self, partner):
        self.env["cic.audience.request"]._cic_check_open_bookings(partner)

    def test_limit_counts_open_requests_of_the_citizen(self):
        self.assertEqual(
            self.env["res.config.settings"].create({}).cic_audience_max_open_bookings,
            2,
            "default limit",
        )
        first = self._book(self._request(subject="Prima"))
        self._check(self.citizen_1)
        self._request(subject="A doua")
        with self.assertRaises(UserError):
            self._check(self.citizen_1)
        self._check(self.citizen_2)  # another citizen is not concerned
        # A cancelled or held audience frees a place.
        first._cic_cancel("citizen")
        self._check(self.citizen_1)

    def test_limit_is_a_setting(self):
        self.env["ir.config_parameter"].sudo().set_param(
            "cic_audience.max_open_bookings", 1
        )
        self._request(subject="Singura")
        with self.assertRaises(UserError):
            self._check(self.citizen_1)
