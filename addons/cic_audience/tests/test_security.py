# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tools import mute_logger

from .common import CicAudienceCase


class TestAudienceSecurity(CicAudienceCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.req_mayor = cls.env["cic.audience.request"].create(
            {
                "official_id": cls.mayor.id,
                "partner_id": cls.citizen_1.id,
                "subject": "Cerere 1",
            }
        )
        cls.req_deputy = cls.env["cic.audience.request"].create(
            {
                "official_id": cls.deputy.id,
                "partner_id": cls.citizen_2.id,
                "subject": "Cerere 2",
            }
        )
        cls.both = cls.req_mayor | cls.req_deputy

    def _visible(self, user):
        return (
            self.env["cic.audience.request"]
            .with_user(user)
            .search([("id", "in", self.both.ids)])
        )

    def test_officials_see_their_own_audiences(self):
        self.assertEqual(self._visible(self.user_mayor), self.req_mayor)
        self.assertEqual(self._visible(self.user_deputy), self.req_deputy)
        with (
            self.assertRaises(AccessError),
            mute_logger("odoo.addons.base.models.ir_rule"),
        ):
            self.req_deputy.with_user(self.user_mayor).read(["subject"])

    def test_official_records_the_outcome_of_their_audience(self):
        self.req_mayor.with_user(self.user_mayor).write(
            {"minute": "<p>Proces-verbal</p>"}
        )
        with (
            self.assertRaises(AccessError),
            mute_logger("odoo.addons.base.models.ir_rule"),
        ):
            self.req_deputy.with_user(self.user_mayor).write({"minute": "<p>x</p>"})

    def test_clerk_sees_all(self):
        self.assertEqual(self._visible(self.clerk), self.both)
        request = (
            self.env["cic.audience.request"]
            .with_user(self.clerk)
            .create(
                {
                    "official_id": self.mayor.id,
                    "partner_id": self.citizen_2.id,
                    "subject": "Ghișeu",
                }
            )
        )
        self.assertTrue(request.cic_registration_number)

    def test_citizens_see_only_their_own_requests(self):
        self.assertEqual(self._visible(self.portal_1), self.req_mayor)
        self.assertEqual(self._visible(self.portal_2), self.req_deputy)
        with (
            self.assertRaises(AccessError),
            mute_logger("odoo.addons.base.models.ir_rule"),
        ):
            self.req_deputy.with_user(self.portal_1).read(["subject"])

    def test_citizen_cannot_change_a_request(self):
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.req_mayor.with_user(self.portal_1).write({"subject": "Altceva"})
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.env["cic.audience.request"].with_user(self.portal_1).create(
                {
                    "official_id": self.mayor.id,
                    "partner_id": self.citizen_1.id,
                    "subject": "x",
                }
            )

    def test_only_published_programmes_are_public(self):
        self.deputy.published = False
        Official = self.env["cic.audience.official"]
        officials = self.mayor | self.deputy
        for user in (self.portal_1, self.env.ref("base.public_user")):
            visible = Official.with_user(user).search([("id", "in", officials.ids)])
            self.assertEqual(visible, self.mayor)
            lines = (
                self.env["cic.audience.programme.line"]
                .with_user(user)
                .search([("official_id", "in", officials.ids)])
            )
            self.assertEqual(lines, self.mayor.programme_line_ids)
        self.assertEqual(
            Official.with_user(self.user_mayor).search([("id", "in", officials.ids)]),
            officials,
        )

    def test_free_slots_for_a_citizen(self):
        """The portal reads the free slots as the citizen, without seeing who
        booked the others."""
        from .common import NOW, TUESDAY, utc

        self._book(self.req_deputy)
        slots = self.mayor.with_user(self.portal_1)._get_free_slots(
            TUESDAY, TUESDAY, now=NOW
        )
        self.assertEqual(len(slots), 4)
        slots = self.deputy.with_user(self.portal_1)._get_free_slots(
            TUESDAY, TUESDAY, now=NOW
        )
        self.assertEqual(slots[0]["start"], utc(TUESDAY, 8))
        self.assertEqual(slots[0]["remaining"], 1)
