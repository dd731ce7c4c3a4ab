# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""An audience request's registration number and date are set by the server:
the clerk can neither send them with a new request nor change them (R-REG-2)."""

import datetime

from freezegun import freeze_time

from odoo.exceptions import UserError

from .common import CicAudienceCase

FORGED = (
    {"cic_registration_date": "2020-01-01 10:00:00"},
    {"cic_registration_number": "1/01.01.2020"},
    {"cic_registration_seq": 999999},
    {"cic_registration_year": 2020},
)


class TestAudienceRegistrationFields(CicAudienceCase):
    def clerk_request(self, **values):
        return (
            self.env["cic.audience.request"]
            .with_user(self.clerk)
            .create(
                {
                    "official_id": self.mayor.id,
                    "partner_id": self.citizen_1.id,
                    "subject": "Autorizație de construire",
                    "topic_id": self.topic.id,
                    **values,
                }
            )
        )

    def test_refused_on_create(self):
        before = self.env["cic.audience.request"].search_count([])
        for vals in FORGED:
            with self.assertRaises(UserError):
                self.clerk_request(**vals)
        self.assertEqual(self.env["cic.audience.request"].search_count([]), before)
        with freeze_time("2026-04-01 09:00:00"):
            request = self.clerk_request()
        self.assertEqual(
            request.cic_registration_date, datetime.datetime(2026, 4, 1, 9)
        )
        self.assertTrue(request.cic_registration_number)

    def test_refused_on_write(self):
        request = self.clerk_request()
        before = request.read(
            ["cic_registration_number", "cic_registration_date", "cic_registration_seq"]
        )
        for vals in FORGED:
            with self.assertRaises(UserError):
                request.with_user(self.clerk).write(vals)
        request.invalidate_recordset()
        self.assertEqual(
            request.read(
                [
                    "cic_registration_number",
                    "cic_registration_date",
                    "cic_registration_seq",
                ]
            ),
            before,
        )
