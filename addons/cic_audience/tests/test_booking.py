# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

import psycopg2

from odoo.exceptions import UserError, ValidationError
from odoo.tools import mute_logger

from .common import NEXT_TUESDAY, NOW, TUESDAY, CicAudienceCase, utc


class TestAudienceBooking(CicAudienceCase):
    def _ics_messages(self, request, template_xmlid):
        """Messages posted from the template (subject rendered in the citizen's
        language, whatever it is) that carry an .ics file."""
        template = self.env.ref(template_xmlid)
        subject = template._render_field("subject", request.ids, compute_lang=True)[
            request.id
        ]
        return request.message_ids.filtered(
            lambda m: m.subject == subject
            and any(a.name.endswith(".ics") for a in m.attachment_ids)
        )

    def test_request_is_registered(self):
        request = self._request()
        self.assertTrue(request.cic_registration_number)
        self.assertTrue(request.cic_registration_date)
        self.assertEqual(request.state, "draft")

    def test_booking_creates_the_event_and_mails_an_ics(self):
        request = self._book(self._request())
        self.assertEqual(request.state, "scheduled")
        self.assertEqual(
            (request.slot_start, request.slot_stop),
            (utc(TUESDAY, 8), utc(TUESDAY, 8, 30)),
        )
        event = request.event_id
        self.assertTrue(event)
        self.assertEqual(event.start, utc(TUESDAY, 8))
        self.assertEqual(event.user_id, self.user_mayor)
        self.assertEqual(event.partner_ids, self.user_mayor.partner_id | self.citizen_1)
        self.assertIn(self.room_mayor.name, event.location)
        self.assertEqual(event.privacy, "private")
        message = self._ics_messages(
            request, "cic_audience.mail_template_audience_confirmation"
        )
        self.assertEqual(len(message), 1)
        self.assertIn(self.citizen_1, message.partner_ids)
        ics = message.attachment_ids.filtered(lambda a: a.name.endswith(".ics")).raw
        self.assertIn(b"BEGIN:VCALENDAR", ics)
        self.assertIn(b"DTSTART:20300108T080000Z", ics)

    def test_reschedule_moves_event_and_frees_the_old_slot(self):
        request = self._book(self._request())
        event = request.event_id
        self._book(request, day=NEXT_TUESDAY, hour=9)
        self.assertEqual(request.event_id, event)
        self.assertEqual(event.start, utc(NEXT_TUESDAY, 9))
        self.assertIn(
            utc(TUESDAY, 8),
            [s["start"] for s in self.mayor._get_free_slots(TUESDAY, TUESDAY, now=NOW)],
        )
        other = self._book(self._request(partner=self.citizen_2))
        self.assertEqual(other.slot_start, utc(TUESDAY, 8))

    def test_reschedule_to_own_slot_is_allowed(self):
        request = self._book(self._request())
        self._book(request)
        self.assertEqual(request.slot_start, utc(TUESDAY, 8))

    def test_change_limit_before_the_audience(self):
        request = self._book(self._request())
        late = utc(TUESDAY, 8) - timedelta(hours=23)
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            request._cic_cancel("citizen", now=late)
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            request._cic_book_slot(utc(TUESDAY, 9), now=late)
        self.assertEqual(
            (request.state, request.slot_start), ("scheduled", utc(TUESDAY, 8))
        )
        self.env["ir.config_parameter"].set_param("cic_audience.cancel_limit_hours", 12)
        request._cic_cancel("citizen", reason="Nu mai pot veni", now=late)
        self.assertEqual(request.state, "cancel")

    def test_cancel_archives_event_mails_and_frees_slot(self):
        request = self._book(self._request())
        event = request.event_id
        request.action_cancel()
        self.assertEqual(
            (request.state, request.cancelled_by), ("cancel", "institution")
        )
        self.assertFalse(request.slot_booked)
        self.assertFalse(event.active)
        self.assertTrue(
            self._ics_messages(
                request, "cic_audience.mail_template_audience_cancellation"
            )
        )
        self._book(self._request(partner=self.citizen_2))

    def test_reminder_cron(self):
        request = self._book(self._request())
        Request = self.env["cic.audience.request"]
        self.assertNotIn(
            request,
            Request._cron_send_reminders(now=utc(TUESDAY, 8) - timedelta(hours=25)),
        )
        self.assertIn(
            request,
            Request._cron_send_reminders(now=utc(TUESDAY, 8) - timedelta(hours=23)),
        )
        self.assertTrue(request.reminder_sent)
        self.assertTrue(
            self._ics_messages(request, "cic_audience.mail_template_audience_reminder")
        )
        self.assertNotIn(
            request,
            Request._cron_send_reminders(now=utc(TUESDAY, 8) - timedelta(hours=22)),
        )

    def test_request_without_identification_is_refused(self):
        Request = self.env["cic.audience.request"]
        anonymous = self.env["res.partner"].create({"name": "Anonim"})
        count = Request.search_count([])
        with self.assertRaisesRegex(ValidationError, "no e-mail address, phone number"):
            self._request(partner=anonymous)
        with self.assertRaisesRegex(ValidationError, "must identify the citizen"):
            Request.create({"official_id": self.mayor.id, "subject": "Fără nume"})
        self.assertEqual(Request.search_count([]), count)

    def test_official_requiring_a_prior_petition(self):
        self.mayor.requires_petition = True
        request = self._request()
        with self.assertRaisesRegex(UserError, "petition registered beforehand"):
            self._book(request)
        self.assertFalse(request.slot_booked)
        petition = self.env["helpdesk.ticket"].create(
            {
                "name": "Petiție prealabilă",
                "description": "Petiție",
                "partner_id": self.citizen_1.id,
                "cic_procedure_id": self.env.ref("cic_registry.procedure_petition").id,
            }
        )
        request.ticket_id = petition
        self._book(request)
        self.assertEqual(request.state, "scheduled")

    def test_schedule_wizard_lists_and_books(self):
        request = self._request()
        wizard = self.env["cic.audience.schedule"].create(
            {"request_id": request.id, "date_from": TUESDAY, "date_to": TUESDAY}
        )
        self.assertEqual(len(wizard.slot_ids), 4)
        wizard.slot_ids[1].action_book()
        self.assertEqual(request.slot_start, utc(TUESDAY, 8, 30))

    def test_schedule_wizard_changes_period(self):
        request = self._request()
        action = request.action_schedule()
        wizard = self.env[action["res_model"]].browse(action["res_id"])
        self.assertTrue(wizard.slot_ids)
        wizard.write({"date_from": NEXT_TUESDAY, "date_to": NEXT_TUESDAY})
        self.assertEqual(wizard.action_refresh()["res_id"], wizard.id)
        self.assertEqual(len(wizard.slot_ids), 4)
        wizard.slot_ids.sorted("start")[-1].action_book()
        self.assertEqual(request.slot_start, utc(NEXT_TUESDAY, 9, 30))

    def _force_slot(self, request, start, stop):
        """Write a booking directly, without the Python checks."""
        with (
            self.assertRaises(psycopg2.errors.ExclusionViolation),
            mute_logger("odoo.sql_db"),
            self.env.cr.savepoint(),
        ):
            request.write(
                {
                    "slot_start": start,
                    "slot_stop": stop,
                    "state": "scheduled",
                    "seat": 1,
                }
            )
            request.flush_recordset()

    def test_database_refuses_double_booking(self):
        """PostgreSQL itself refuses a second booking of the official's seat, or
        of the room by another official at an overlapping time."""
        first = self._book(self._request())
        other = self._request(partner=self.citizen_2)
        self._force_slot(other, first.slot_start, first.slot_stop)
        self._force_slot(other, utc(TUESDAY, 8, 15), utc(TUESDAY, 8, 45))
        deputy_request = self._request(official=self.deputy, partner=self.citizen_2)
        deputy_request.room_id = self.room_mayor
        self._force_slot(deputy_request, utc(TUESDAY, 8, 15), utc(TUESDAY, 8, 45))
