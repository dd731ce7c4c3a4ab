# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Institution calendar and the single deadline function of the suite.

Romanian legal holidays (Codul muncii art. 139(1), as amended by Law 52/2023) are
computed for any year from fixed dates and the Orthodox Easter; the administrator adds
bridge days per company (`cic.holiday`). Deadlines (spec R-CAL-3):

* ``free_days`` (zile libere, CPC art. 181): neither the start nor the end day counts,
  ``roll(D + n + 1)``;
* ``calendar``: ``roll(D + n)``;
* ``working_days``: n working days counted from the day after D.

``roll(x)`` is the first working day on or after x.

Deadline arithmetic runs on a :class:`WorkingDayIndex` (the sorted working days of a
span of years, cached per company), so a deadline costs one cache look-up and a
binary search instead of a walk day by day.
"""

import datetime
from bisect import bisect_left, bisect_right

import pytz
from dateutil.easter import EASTER_ORTHODOX, easter
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models, tools

INSTITUTION_TZ = "Europe/Bucharest"

COUNT_MODES = [
    ("free_days", "Free days (CPC art. 181)"),
    ("calendar", "Calendar days"),
    ("working_days", "Working days"),
]

# (month, day, name) of the fixed legal holidays.
FIXED_HOLIDAYS = [
    (1, 1, "Anul Nou"),
    (1, 2, "Anul Nou"),
    (1, 6, "Boboteaza"),
    (1, 7, "Soborul Sf. Ioan Botezătorul"),
    (1, 24, "Ziua Unirii Principatelor Române"),
    (5, 1, "Ziua Muncii"),
    (6, 1, "Ziua Copilului"),
    (8, 15, "Adormirea Maicii Domnului"),
    (11, 30, "Sf. Andrei"),
    (12, 1, "Ziua Națională a României"),
    (12, 25, "Crăciunul"),
    (12, 26, "Crăciunul"),
]
# (offset from Orthodox Easter Sunday, name) of the moveable legal holidays.
EASTER_HOLIDAYS = [
    (-2, "Vinerea Mare"),
    (0, "Paștele"),
    (1, "Paștele"),
    (49, "Rusaliile"),
    (50, "Rusaliile"),
]


def legal_holidays(year):
    """Return ``{date: name}`` of the Romanian legal holidays of ``year``."""
    days = {datetime.date(year, m, d): name for m, d, name in FIXED_HOLIDAYS}
    sunday = easter(year, EASTER_ORTHODOX)
    for offset, name in EASTER_HOLIDAYS:
        days.setdefault(sunday + datetime.timedelta(days=offset), name)
    return days


def institution_today(record):
    """Field default: today's date in the institution's time zone.

    Use it instead of ``fields.Date.context_today``, which gives the *user's* date
    (the UTC date for a user, the cron or OdooBot without a time zone): a legal
    date is the institution's, also between 22:00 and 24:00 UTC.
    """
    return record.env["cic.calendar"].today()


class WorkingDayIndex:
    """The working days (as ordinals) of the years ``first``..``last``."""

    __slots__ = ("first", "last", "days")

    def __init__(self, first_year, last_year, non_working):
        self.first = datetime.date(first_year, 1, 1).toordinal()
        self.last = datetime.date(last_year, 12, 31).toordinal()
        self.days = [
            ordinal
            for ordinal in range(self.first, self.last + 1)
            if (ordinal + 6) % 7 < 5  # Monday..Friday (ordinal 1 is a Monday)
            and datetime.date.fromordinal(ordinal) not in non_working
        ]

    def roll(self, ordinal):
        """First working day on or after ``ordinal``, or None outside the span."""
        if not self.first <= ordinal <= self.last:
            return None
        i = bisect_left(self.days, ordinal)
        return self.days[i] if i < len(self.days) else None

    def add(self, ordinal, n):
        """``n`` working days after (before, if negative) ``ordinal``, or None."""
        if not self.first <= ordinal <= self.last:
            return None
        if n == 0:
            return ordinal
        if n > 0:
            i = bisect_right(self.days, ordinal) + n - 1
        else:
            i = bisect_left(self.days, ordinal) + n
        return self.days[i] if 0 <= i < len(self.days) else None


class CicCalendar(models.AbstractModel):
    _name = "cic.calendar"
    _description = "Institution calendar and deadlines"

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    @api.model
    def local_date(self, value):
        """Institution-local (Europe/Bucharest) date of a date or a UTC datetime."""
        if not value:
            return value
        if isinstance(value, str):
            value = (
                fields.Datetime.to_datetime(value)
                if len(value) > 10
                else (fields.Date.to_date(value))
            )
        if isinstance(value, datetime.datetime):
            utc = pytz.utc.localize(value) if value.tzinfo is None else value
            return utc.astimezone(pytz.timezone(INSTITUTION_TZ)).date()
        return value

    @api.model
    def today(self):
        """Today's date in the institution's time zone."""
        return self.local_date(fields.Datetime.now())

    def _company(self, company):
        return company or self.env.company

    # ------------------------------------------------------------------
    # Non-working days
    # ------------------------------------------------------------------
    @api.model
    def non_working_days(self, year, company=None, for_deadline=True):
        """Legal holidays plus the company's extra days off for ``year``.

        With ``for_deadline`` (the default), extra days whose ``counts_for_deadline``
        is off are left out: they close the office but do not move deadlines.
        Weekends are not listed. Cached per company and year.
        """
        return self._non_working_days(year, self._company(company).id, for_deadline)

    @tools.ormcache("year", "company_id", "for_deadline")
    def _non_working_days(self, year, company_id, for_deadline):
        domain = [
            ("company_id", "=", company_id),
            ("date", ">=", datetime.date(year, 1, 1)),
            ("date", "<=", datetime.date(year, 12, 31)),
        ]
        if for_deadline:
            domain.append(("counts_for_deadline", "=", True))
        extra = self.env["cic.holiday"].sudo().search(domain).mapped("date")
        return frozenset(legal_holidays(year)) | frozenset(extra)

    @tools.ormcache("company_id", "year")
    def _working_day_index(self, company_id, year):
        """Deadline index of the years around ``year`` (a year before, two after)."""
        non_working = set()
        for span_year in range(year - 1, year + 3):
            non_working |= self._non_working_days(span_year, company_id, True)
        return WorkingDayIndex(year - 1, year + 2, non_working)

    def _index_for(self, day, company):
        return self._working_day_index(self._company(company).id, day.year)

    @api.model
    def is_working_day(self, day, company=None, for_deadline=True):
        """True unless ``day`` is a weekend, a legal holiday or an extra day off."""
        day = self.local_date(day)
        if day.weekday() >= 5:
            return False
        return day not in self.non_working_days(day.year, company, for_deadline)

    @api.model
    def roll(self, day, company=None):
        """First working day on or after ``day`` (CPC art. 181(2))."""
        day = self.local_date(day)
        found = self._index_for(day, company).roll(day.toordinal())
        if found:
            return datetime.date.fromordinal(found)
        while not self.is_working_day(day, company):
            day += datetime.timedelta(days=1)
        return day

    @api.model
    def add_working_days(self, day, n, company=None):
        """Move ``n`` working days from ``day`` (backwards if ``n`` is negative).

        ``day`` itself is not counted; with ``n == 0`` it is returned unchanged.
        """
        day = self.local_date(day)
        found = self._index_for(day, company).add(day.toordinal(), n)
        if found:
            return datetime.date.fromordinal(found)
        step = datetime.timedelta(days=1 if n >= 0 else -1)
        remaining = abs(n)
        while remaining:
            day += step
            if self.is_working_day(day, company):
                remaining -= 1
        return day

    @api.model
    def working_days_between(self, start, end, company=None):
        """Number of working days after ``start`` up to and including ``end``."""
        start, end = self.local_date(start), self.local_date(end)
        count, day = 0, start
        while day < end:
            day += datetime.timedelta(days=1)
            count += self.is_working_day(day, company)
        return count

    # ------------------------------------------------------------------
    # Deadlines
    # ------------------------------------------------------------------
    @api.model
    def due_date(self, start_date, days, mode, company=None):
        """The last day on which an act is still in time (spec R-CAL-3).

        :param start_date: the registration date D (date, or UTC datetime)
        :param days: the term n in days
        :param mode: ``free_days``, ``calendar`` or ``working_days``
        """
        return self.due_dates([(start_date, days, mode)], company)[0]

    @api.model
    def due_date_months(self, start_date, months, company=None):
        """The last day of a term of ``months`` calendar months from D (CPC art.
        181(1) pct. 3 and (2)): the day of the last month with D's number, or that
        month's last day when it has no such day (31 Jan + 1 month = 28/29 Feb),
        moved to the next working day when it is not one."""
        start = self.local_date(start_date)
        return self.roll(start + relativedelta(months=months), company)

    @api.model
    def due_dates(self, terms, company=None):
        """``due_date`` of many ``(start_date, days, mode)`` at once.

        One index look-up per year met instead of one per term: recomputing the
        deadlines of a large recordset costs about a microsecond per term.
        """
        company = self._company(company)
        indexes = {}
        result = []
        for start_date, days, mode in terms:
            # A plain date needs no time-zone conversion (the common case).
            start = (
                start_date
                if type(start_date) is datetime.date
                else self.local_date(start_date)
            )
            index = indexes.get(start.year)
            if index is None:
                index = indexes[start.year] = self._index_for(start, company)
            found = self._due_on_index(index, start.toordinal(), days, mode)
            result.append(
                datetime.date.fromordinal(found)
                if found
                else self._due_date_slow(start, days, mode, company)
            )
        return result

    @staticmethod
    def _due_on_index(index, ordinal, days, mode):
        if mode == "free_days":
            return index.roll(ordinal + days + 1)
        if mode == "calendar":
            return index.roll(ordinal + days)
        if mode == "working_days":
            return index.add(ordinal, days)
        raise ValueError(f"Unknown counting mode {mode!r}")

    def _due_date_slow(self, start, days, mode, company):
        """Day-by-day computation, for terms that leave the index's years."""
        if mode == "free_days":
            return self.roll(start + datetime.timedelta(days=days + 1), company)
        if mode == "calendar":
            return self.roll(start + datetime.timedelta(days=days), company)
        return self.add_working_days(start, days, company)
