# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestAudienceTours(HttpCase):
    def test_clerk_schedules_a_request(self):
        clerk = new_test_user(
            self.env,
            login="aud_tour_clerk",
            name="Grefier tur",
            groups="cic_registry.group_cic_clerk",
        )
        official_user = new_test_user(
            self.env,
            login="aud_tour_official",
            name="Primar tur",
            groups="base.group_user",
        )
        # Every working day 08:00-18:00, so a free slot exists whatever today is.
        official = self.env["cic.audience.official"].create(
            {
                "user_id": official_user.id,
                "slot_duration": 30,
                "programme_line_ids": [
                    (0, 0, {"dayofweek": str(d), "hour_from": 8.0, "hour_to": 18.0})
                    for d in range(5)
                ],
            }
        )
        citizen = self.env["res.partner"].create(
            {"name": "Cetățean tur", "email": "tur@example.com"}
        )
        request = self.env["cic.audience.request"].create(
            {"official_id": official.id, "partner_id": citizen.id, "subject": "Tur"}
        )
        self.start_tour(
            f"/odoo/action-cic_audience.cic_audience_request_action/{request.id}",
            "cic_audience_schedule_tour",
            login=clerk.login,
        )
        self.assertEqual(request.state, "scheduled")
        self.assertTrue(request.event_id)
