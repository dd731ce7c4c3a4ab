# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Legal dates are the institution's (Europe/Bucharest) date, whoever stamps them.

Between 22:00 and 24:00 UTC the date in Bucharest is already the next day: a user
without a time zone (or the cron, OdooBot) must not record the UTC date."""

import datetime

from freezegun import freeze_time

from .common import d
from .workflow_common import CicWorkflowCase

# Sunday 6 December 2026, 22:30 UTC = Monday 7 December, 00:30 in Bucharest.
LATE_EVENING_UTC = "2026-12-06 22:30:00"
BUCHAREST_DAY = d(2026, 12, 7)
USER_TIME_ZONES = (False, "Europe/Bucharest")


class TestInstitutionDate(CicWorkflowCase):
    def clerk_in(self, tz):
        self.clerk.tz = tz
        return self.clerk

    def published_draft(self):
        """A draft whose consultation (30 working days) is long over."""
        draft = (
            self.env["cic.transparency.draft"]
            .with_user(self.clerk)
            .create({"name": "Proiect HCL privind taxele locale 2027"})
        )
        with freeze_time(datetime.datetime(2026, 9, 1, 9)):
            draft.with_user(self.clerk).action_publish()
        return draft

    def test_calendar_today_is_the_bucharest_date(self):
        with freeze_time(LATE_EVENING_UTC):
            self.assertEqual(self.calendar.today(), BUCHAREST_DAY)

    def test_draft_submission_and_adoption_dates(self):
        for tz in USER_TIME_ZONES:
            with self.subTest(tz=tz):
                draft = self.published_draft()
                clerk = self.clerk_in(tz)
                with freeze_time(LATE_EVENING_UTC):
                    draft.with_user(clerk).action_submit()
                    draft.with_user(clerk).action_adopt()
                self.assertEqual(draft.submission_date, BUCHAREST_DAY)
                self.assertEqual(draft.adoption_date, BUCHAREST_DAY)

    def test_meeting_notice_and_minutes_dates(self):
        for tz in USER_TIME_ZONES:
            with self.subTest(tz=tz):
                clerk = self.clerk_in(tz)
                meeting = (
                    self.env["cic.transparency.meeting"]
                    .with_user(clerk)
                    .create(
                        {"name": "Ședința ordinară", "meeting_date": d(2026, 12, 17)}
                    )
                )
                with freeze_time(LATE_EVENING_UTC):
                    meeting.with_user(clerk).action_publish_notice()
                    meeting.with_user(clerk).action_mark_held()
                    meeting.with_user(clerk).write({"minutes": "<p>Adoptat.</p>"})
                    meeting.with_user(clerk).action_publish_minutes()
                self.assertEqual(meeting.notice_publication_date, BUCHAREST_DAY)
                self.assertEqual(meeting.minutes_publication_date, BUCHAREST_DAY)
