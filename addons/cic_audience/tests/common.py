# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, datetime

from odoo.tests import TransactionCase, new_test_user

# Fixed dates far from today so the tests do not depend on the clock:
# Tuesday 1 January 2030 is a public holiday, Tuesdays 8 and 15 January are
# working days. Bucharest is UTC+2 in January: 10:00 local is 08:00 UTC.
NOW = datetime(2029, 12, 20, 9, 0)
HOLIDAY_TUESDAY = date(2030, 1, 1)
TUESDAY = date(2030, 1, 8)
NEXT_TUESDAY = date(2030, 1, 15)


def utc(day, hour, minute=0):
    """Naive UTC datetime of ``hour:minute`` UTC on ``day``."""
    return datetime(day.year, day.month, day.day, hour, minute)


class CicAudienceCase(TransactionCase):
    """Two officials with Tuesday programmes, a clerk, and two citizens with
    portal accounts."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(
            context=dict(
                cls.env.context,
                tracking_disable=True,
                mail_create_nolog=True,
                no_reset_password=True,
            )
        )
        cls.clerk = new_test_user(
            cls.env,
            login="aud_clerk",
            name="Clerk CIC",
            groups="cic_registry.group_cic_clerk",
        )
        cls.user_mayor = new_test_user(
            cls.env, login="aud_mayor", name="Ion Primarul", groups="base.group_user"
        )
        cls.user_deputy = new_test_user(
            cls.env, login="aud_deputy", name="Ana Viceprimar", groups="base.group_user"
        )
        Room = cls.env["cic.audience.room"]
        cls.room_mayor = Room.create(
            {"name": "Cabinet primar test", "location": "Et. 1"}
        )
        cls.room_deputy = Room.create({"name": "Cabinet viceprimar test"})
        cls.mayor = cls._make_official(cls.user_mayor, cls.room_mayor, capacity=1)
        cls.deputy = cls._make_official(cls.user_deputy, cls.room_deputy, capacity=2)
        cls.portal_1 = new_test_user(
            cls.env,
            login="aud_citizen1",
            name="Maria Cetățean",
            email="maria@example.com",
            groups="base.group_portal",
        )
        cls.portal_2 = new_test_user(
            cls.env,
            login="aud_citizen2",
            name="Vasile Cetățean",
            email="vasile@example.com",
            groups="base.group_portal",
        )
        cls.citizen_1 = cls.portal_1.partner_id
        cls.citizen_2 = cls.portal_2.partner_id
        cls.topic = cls.env.ref("cic_audience.topic_urbanism")

    @classmethod
    def _make_official(cls, user, room, capacity):
        """Tuesday 10:00-12:00 (Bucharest), 30-minute slots."""
        return cls.env["cic.audience.official"].create(
            {
                "user_id": user.id,
                "job_title": "Test",
                "slot_duration": 30,
                "capacity": capacity,
                "room_id": room.id,
                "published": True,
                "programme_line_ids": [
                    (0, 0, {"dayofweek": "1", "hour_from": 10.0, "hour_to": 12.0})
                ],
            }
        )

    def _request(self, official=None, partner=None, **values):
        return self.env["cic.audience.request"].create(
            {
                "official_id": (official or self.mayor).id,
                "partner_id": (partner or self.citizen_1).id,
                "subject": values.pop("subject", "Autorizație de construire"),
                "topic_id": self.topic.id,
                **values,
            }
        )

    def _book(self, request, day=TUESDAY, hour=8, minute=0):
        request._cic_book_slot(utc(day, hour, minute), now=NOW)
        return request
