# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, timedelta

from odoo.exceptions import UserError, ValidationError

from .common import HOLIDAY_TUESDAY, NOW, TUESDAY, CicAudienceCase, utc


class TestAudienceSlots(CicAudienceCase):
    def _starts(self, official, day_from, day_to=None, now=NOW):
        slots = official._get_free_slots(day_from, day_to or day_from, now=now)
        return [s["start"] for s in slots]

    def test_slots_follow_the_weekly_programme(self):
        """Tuesday 10:00-12:00 Bucharest in 30-minute slots, nothing else."""
        starts = self._starts(
            self.mayor, TUESDAY - timedelta(days=1), TUESDAY + timedelta(days=5)
        )
        self.assertEqual(
            starts,
            [
                utc(TUESDAY, 8),
                utc(TUESDAY, 8, 30),
                utc(TUESDAY, 9),
                utc(TUESDAY, 9, 30),
            ],
        )
        slot = self.mayor._get_free_slots(TUESDAY, TUESDAY, now=NOW)[0]
        self.assertEqual(slot["stop"], utc(TUESDAY, 8, 30))
        self.assertEqual(slot["room_id"], self.room_mayor.id)
        self.assertEqual(slot["remaining"], 1)

    def test_summer_time_shifts_utc(self):
        """In July Bucharest is UTC+3: 10:00 local is 07:00 UTC."""
        july_tuesday = date(2030, 7, 2)
        self.assertEqual(
            self._starts(self.mayor, july_tuesday)[0], utc(july_tuesday, 7)
        )

    def test_public_holiday_is_never_offered(self):
        self.assertEqual(self._starts(self.mayor, HOLIDAY_TUESDAY), [])
        request = self._request()
        with self.assertRaisesRegex(UserError, "not a working day"):
            self._book(request, day=HOLIDAY_TUESDAY)
        self.assertEqual(request.state, "draft")
        self.assertFalse(request.event_id)

    def test_institution_bridge_day_is_never_offered(self):
        self.env["cic.holiday"].create(
            {
                "name": "Zi liberă test",
                "date": TUESDAY,
                "company_id": self.env.company.id,
                "counts_for_deadline": False,
            }
        )
        self.assertEqual(self._starts(self.mayor, TUESDAY), [])

    def test_leave_blocks_the_official_only(self):
        self.env["cic.audience.closure"].create(
            {
                "name": "Concediu",
                "kind": "leave",
                "official_id": self.mayor.id,
                "date_start": utc(TUESDAY, 8, 15),
                "date_stop": utc(TUESDAY, 9),
            }
        )
        self.assertEqual(
            self._starts(self.mayor, TUESDAY), [utc(TUESDAY, 9), utc(TUESDAY, 9, 30)]
        )
        self.assertEqual(len(self._starts(self.deputy, TUESDAY)), 4)
        with self.assertRaisesRegex(UserError, "leave or closure"):
            self._book(self._request(), minute=30)

    def test_closure_without_official_blocks_everyone(self):
        self.env["cic.audience.closure"].create(
            {
                "name": "Ședință de consiliu",
                "kind": "closure",
                "date_start": utc(TUESDAY, 0),
                "date_stop": utc(TUESDAY, 23),
            }
        )
        officials = self.mayor | self.deputy
        self.assertEqual(officials._get_free_slots(TUESDAY, TUESDAY, now=NOW), [])

    def test_capacity_limits_bookings_per_slot(self):
        first = self._book(self._request(official=self.deputy))
        slot = self.deputy._get_free_slots(TUESDAY, TUESDAY, now=NOW)[0]
        self.assertEqual((slot["start"], slot["remaining"]), (utc(TUESDAY, 8), 1))
        second = self._book(self._request(official=self.deputy, partner=self.citizen_2))
        self.assertEqual((first.seat, second.seat), (1, 2))
        self.assertNotIn(utc(TUESDAY, 8), self._starts(self.deputy, TUESDAY))
        third = self._request(official=self.deputy, subject="Altceva")
        with self.assertRaisesRegex(UserError, "already taken"):
            self._book(third)
        self.assertEqual(third.state, "draft")

    def test_validity_period(self):
        self.mayor.date_to = TUESDAY - timedelta(days=1)
        self.assertEqual(self._starts(self.mayor, TUESDAY), [])
        self.mayor.write({"date_to": False, "date_from": TUESDAY + timedelta(days=1)})
        self.assertEqual(self._starts(self.mayor, TUESDAY), [])

    def test_past_slots_are_not_offered(self):
        now = utc(TUESDAY, 8, 45)
        self.assertEqual(
            self._starts(self.mayor, TUESDAY, now=now),
            [utc(TUESDAY, 9), utc(TUESDAY, 9, 30)],
        )
        with self.assertRaisesRegex(UserError, "in the past"):
            self._request()._cic_book_slot(utc(TUESDAY, 8), now=now)

    def test_slot_outside_programme(self):
        request = self._request()
        with self.assertRaisesRegex(UserError, "outside the audience programme"):
            self._book(request, hour=10)
        with self.assertRaisesRegex(UserError, "outside the audience programme"):
            self._book(request, minute=10)
        self.assertFalse(request.slot_booked)

    def test_room_shared_by_two_officials(self):
        """A room used by another official at that time is not offered."""
        self.deputy.room_id = self.room_mayor
        self._book(self._request())
        self.assertNotIn(utc(TUESDAY, 8), self._starts(self.deputy, TUESDAY))
        with self.assertRaisesRegex(UserError, "already taken"):
            self._book(self._request(official=self.deputy, partner=self.citizen_2))

    def test_programme_rejects_weekend_and_overlap(self):
        with self.assertRaises(ValidationError):
            self.mayor.programme_line_ids = [
                (0, 0, {"dayofweek": "5", "hour_from": 9, "hour_to": 10})
            ]
        with self.assertRaises(ValidationError):
            self.mayor.programme_line_ids = [
                (0, 0, {"dayofweek": "1", "hour_from": 11, "hour_to": 13})
            ]

    def test_programme_summary(self):
        self.assertIn("10:00-12:00", self.mayor.programme_summary)
        self.assertIn(self.room_mayor.name, self.mayor.programme_summary)
