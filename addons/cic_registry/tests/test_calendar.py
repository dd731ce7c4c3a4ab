# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Institution calendar and deadlines: spec R-CAL-1..5, R-PET-5, R-544-3, R-TD-1."""

import datetime

from ..models.cic_calendar import legal_holidays
from .common import CicRegistryCase, d


class TestCalendar(CicRegistryCase):
    def due(self, start, days, mode="free_days", company=None):
        return self.calendar.due_date(start, days, mode, company=company)

    def add_bridge_day(self, day, counts=True, company=None):
        return self.env["cic.holiday"].create(
            {
                "name": "Zi liberă (punte)",
                "date": day,
                "counts_for_deadline": counts,
                "company_id": (company or self.company).id,
            }
        )

    # R-CAL-1 -----------------------------------------------------------
    def test_r_cal_1_holidays_2026(self):
        days = self.calendar.non_working_days(2026)
        for day in (
            d(2026, 1, 1),
            d(2026, 1, 2),
            d(2026, 1, 6),
            d(2026, 1, 7),
            d(2026, 1, 24),
            d(2026, 4, 10),
            d(2026, 4, 12),
            d(2026, 4, 13),
            d(2026, 5, 1),
            d(2026, 5, 31),
            d(2026, 6, 1),
            d(2026, 8, 15),
            d(2026, 11, 30),
            d(2026, 12, 1),
            d(2026, 12, 25),
            d(2026, 12, 26),
        ):
            self.assertIn(day, days)
        self.assertNotIn(d(2026, 4, 14), days)
        self.assertNotIn(d(2026, 4, 11), days)
        # 1 June 2026 is both Ziua Copilului and Rusalii (2nd day): 16 dates.
        self.assertEqual(len(legal_holidays(2026)), 16)

    def test_r_cal_1_moveable_holidays_2025_2027(self):
        days_2025 = self.calendar.non_working_days(2025)
        for day in (d(2025, 4, 18), d(2025, 4, 20), d(2025, 4, 21)):
            self.assertIn(day, days_2025)
        for day in (d(2025, 6, 8), d(2025, 6, 9)):
            self.assertIn(day, days_2025)
        self.assertEqual(len(legal_holidays(2025)), 17)
        days_2027 = self.calendar.non_working_days(2027)
        for day in (d(2027, 4, 30), d(2027, 5, 2), d(2027, 5, 3)):
            self.assertIn(day, days_2027)
        for day in (d(2027, 6, 20), d(2027, 6, 21)):
            self.assertIn(day, days_2027)

    def test_is_working_day(self):
        self.assertTrue(self.calendar.is_working_day(d(2026, 4, 14)))
        self.assertFalse(self.calendar.is_working_day(d(2026, 4, 13)))  # Easter Mon
        self.assertFalse(self.calendar.is_working_day(d(2026, 3, 7)))  # Saturday
        self.assertFalse(self.calendar.is_working_day(d(2026, 3, 8)))  # Sunday
        self.assertTrue(self.calendar.is_working_day(d(2026, 3, 9)))

    # R-CAL-2 -----------------------------------------------------------
    def test_r_cal_2_bridge_day_moves_deadline(self):
        # 3 Aug 2026 + 11 = Fri 14 Aug 2026, a working day before 15 Aug.
        self.assertEqual(self.due(d(2026, 8, 3), 10), d(2026, 8, 14))
        self.add_bridge_day(d(2026, 8, 14))
        self.assertFalse(self.calendar.is_working_day(d(2026, 8, 14)))
        self.assertEqual(self.due(d(2026, 8, 3), 10), d(2026, 8, 17))

    def test_r_cal_2_bridge_day_not_counting_for_deadlines(self):
        self.add_bridge_day(d(2026, 8, 14), counts=False)
        self.assertEqual(self.due(d(2026, 8, 3), 10), d(2026, 8, 14))
        self.assertTrue(self.calendar.is_working_day(d(2026, 8, 14)))
        self.assertFalse(
            self.calendar.is_working_day(d(2026, 8, 14), for_deadline=False)
        )
        self.assertIn(
            d(2026, 8, 14), self.calendar.non_working_days(2026, for_deadline=False)
        )
        self.assertNotIn(d(2026, 8, 14), self.calendar.non_working_days(2026))

    def test_r_cal_2_bridge_day_per_company(self):
        other = self.env["res.company"].create({"name": "Primăria Alta"})
        self.add_bridge_day(d(2026, 8, 14), company=other)
        self.assertEqual(self.due(d(2026, 8, 3), 10), d(2026, 8, 14))
        self.assertEqual(self.due(d(2026, 8, 3), 10, company=other), d(2026, 8, 17))

    def test_r_cal_2_bridge_day_removed(self):
        bridge = self.add_bridge_day(d(2026, 8, 14))
        self.assertEqual(self.due(d(2026, 8, 3), 10), d(2026, 8, 17))
        bridge.unlink()
        self.assertEqual(self.due(d(2026, 8, 3), 10), d(2026, 8, 14))

    def test_bridge_day_in_working_day_count(self):
        # Thu 13 Aug 2026 + 1 WD = Fri 14 Aug, or Mon 17 Aug with the bridge day.
        self.assertEqual(
            self.calendar.add_working_days(d(2026, 8, 13), 1), d(2026, 8, 14)
        )
        self.add_bridge_day(d(2026, 8, 14))
        self.assertEqual(
            self.calendar.add_working_days(d(2026, 8, 13), 1), d(2026, 8, 17)
        )

    # R-CAL-3 / R-CAL-4 / R-CAL-5 --------------------------------------
    def test_r_cal_4_law_544_ten_days(self):
        for start, expected in (
            (d(2026, 3, 2), d(2026, 3, 13)),
            (d(2026, 4, 1), d(2026, 4, 14)),
            (d(2026, 5, 20), d(2026, 6, 2)),
            (d(2026, 12, 15), d(2026, 12, 28)),
        ):
            with self.subTest(start=start):
                self.assertEqual(self.due(start, 10), expected)

    def test_r_cal_5_thirty_days(self):
        self.assertEqual(self.due(d(2026, 3, 2), 30), d(2026, 4, 2))
        self.assertEqual(self.due(d(2026, 4, 1), 30), d(2026, 5, 4))

    def test_r_cal_3_calendar_mode(self):
        # roll(D + n): 2 Mar + 30 = Wed 1 Apr 2026; 1 Apr + 10 = Sat 11 Apr -> Tue 14.
        self.assertEqual(self.due(d(2026, 3, 2), 30, "calendar"), d(2026, 4, 1))
        self.assertEqual(self.due(d(2026, 4, 1), 10, "calendar"), d(2026, 4, 14))

    def test_r_cal_3_unknown_mode(self):
        with self.assertRaises(ValueError):
            self.due(d(2026, 3, 2), 10, "months")

    def test_datetime_start_uses_bucharest_date(self):
        # 31 Mar 2026 22:30 UTC is 1 Apr 2026 01:30 in Bucharest (UTC+3).
        start = datetime.datetime(2026, 3, 31, 22, 30)
        self.assertEqual(self.calendar.local_date(start), d(2026, 4, 1))
        self.assertEqual(self.due(start, 10), d(2026, 4, 14))

    # R-PET-5 -----------------------------------------------------------
    def test_r_pet_5_forwarding_five_days(self):
        petition = self.procedure["petition"]
        self.assertEqual(petition.forward_term_days, 5)
        self.assertEqual(
            self.due(d(2026, 3, 2), petition.forward_term_days, petition.count_mode),
            d(2026, 3, 9),
        )

    # R-544-3 -----------------------------------------------------------
    def test_r_544_3_refusal_extension_dates(self):
        foi = self.procedure["foi_request"]
        start = d(2026, 4, 1)
        self.assertEqual(self.due(start, foi.refusal_term_days), d(2026, 4, 7))
        self.assertEqual(foi.due_date(start), d(2026, 4, 14))
        self.assertEqual(foi.due_date(start, extended=True), d(2026, 5, 4))

    def test_r_544_7_complaint_fifteen_days(self):
        # 1 Apr 2026 + 16 = Fri 17 Apr 2026.
        self.assertEqual(
            self.procedure["foi_complaint"].due_date(d(2026, 4, 1)), d(2026, 4, 17)
        )

    # R-TD-1 ------------------------------------------------------------
    def test_r_td_1_thirty_working_days(self):
        # From Mon 2 Mar 2026: 21 WDs in March, 3 on 1-3 Apr, 4 on 6-9 Apr
        # (10 and 13 Apr are Easter holidays), 14 and 15 Apr -> Wed 15 Apr 2026.
        self.assertEqual(self.due(d(2026, 3, 2), 30, "working_days"), d(2026, 4, 15))
        self.assertEqual(
            self.calendar.add_working_days(d(2026, 3, 2), 30), d(2026, 4, 15)
        )
        self.assertEqual(
            self.calendar.working_days_between(d(2026, 3, 2), d(2026, 4, 15)), 30
        )

    # Edge cases --------------------------------------------------------
    def test_year_boundary(self):
        # 22 Dec 2026 + 11 = Sat 2 Jan 2027 (holiday) -> Mon 4 Jan 2027.
        self.assertEqual(self.due(d(2026, 12, 22), 10), d(2027, 1, 4))
        self.assertEqual(
            self.calendar.add_working_days(d(2026, 12, 30), 3), d(2027, 1, 5)
        )
        # 6 and 7 Jan 2027 are holidays: Tue 5 Jan + 1 WD = Fri 8 Jan.
        self.assertEqual(
            self.calendar.add_working_days(d(2027, 1, 5), 1), d(2027, 1, 8)
        )
        self.assertEqual(
            self.calendar.add_working_days(d(2027, 1, 8), -1), d(2027, 1, 5)
        )

    def test_leap_day_2028(self):
        self.assertTrue(self.calendar.is_working_day(d(2028, 2, 29)))
        self.assertEqual(self.due(d(2028, 2, 19), 10, "calendar"), d(2028, 2, 29))
        self.assertEqual(self.due(d(2028, 2, 18), 10), d(2028, 2, 29))
        self.assertEqual(self.due(d(2028, 2, 29), 30), d(2028, 3, 31))
        self.assertEqual(
            self.calendar.add_working_days(d(2028, 2, 28), 1), d(2028, 2, 29)
        )

    def test_working_days_across_easter_and_pentecost(self):
        self.assertEqual(
            self.calendar.add_working_days(d(2026, 4, 9), 1), d(2026, 4, 14)
        )
        self.assertEqual(
            self.calendar.add_working_days(d(2026, 4, 14), -2), d(2026, 4, 8)
        )
        self.assertEqual(
            self.calendar.add_working_days(d(2026, 5, 29), 1), d(2026, 6, 2)
        )
        self.assertEqual(
            self.calendar.add_working_days(d(2025, 6, 6), 1), d(2025, 6, 10)
        )
        self.assertEqual(
            self.calendar.working_days_between(d(2026, 4, 9), d(2026, 4, 14)), 1
        )
        self.assertEqual(
            self.calendar.add_working_days(d(2026, 4, 9), 0), d(2026, 4, 9)
        )

    def test_index_matches_day_by_day_walk(self):
        """The cached working-day index gives the same deadlines as walking day by
        day, across year ends, Easter, Pentecost and a bridge day; the batch
        ``due_dates`` agrees with ``due_date``."""
        self.add_bridge_day(d(2026, 8, 14))
        terms = [
            (d(2025, 12, 1) + datetime.timedelta(days=offset), days, mode)
            for offset in range(0, 400, 3)
            for days in (5, 10, 15, 30, 45)
            for mode in ("free_days", "calendar", "working_days")
        ]
        walked = [
            self.calendar._due_date_slow(start, days, mode, self.company)
            if mode != "working_days"
            else self._walk_working_days(start, days)
            for start, days, mode in terms
        ]
        self.assertEqual(self.calendar.due_dates(terms, self.company), walked)
        self.assertEqual(self.calendar.due_date(*terms[7], self.company), walked[7])

    def test_terms_beyond_the_index_years(self):
        # 1,000 working days reach past the cached years: the slow path answers.
        far = self.calendar.due_date(d(2026, 1, 5), 1000, "working_days")
        self.assertEqual(far, self._walk_working_days(d(2026, 1, 5), 1000))
        self.assertTrue(self.calendar.is_working_day(far))

    def _walk_working_days(self, day, n):
        while n:
            day += datetime.timedelta(days=1)
            n -= self.calendar.is_working_day(day)
        return day
