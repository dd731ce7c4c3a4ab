# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Registration receipt (QR to the tracking page) and the daily reminder job."""

import datetime
from unittest.mock import patch

from odoo import fields

from .common import CicRegistryCase


class TestReceipt(CicRegistryCase):
    def test_receipt_content_and_qr(self):
        self.env["ir.config_parameter"].sudo().set_param(
            "web.base.url", "https://primaria.example.ro"
        )
        entry = self.create_entry("foi_request")
        # The tracking page and its QR code belong to cic_portal (its
        # test_tracking checks them); the registry prints them when an addon
        # returns a tracking URL.
        html, _type = self.env["ir.actions.report"]._render_qweb_html(
            "cic_registry.action_report_registration_receipt", entry.ids
        )
        html = html.decode()
        self.assertIn(entry.cic_registration_number, html)
        self.assertIn("Legea 544/2001 art. 7(1)", html)


class TestReminders(CicRegistryCase):
    def setUp(self):
        super().setUp()
        self.activity_type = self.env.ref(
            "cic_registry.mail_activity_type_cic_deadline"
        )

    def deadline_activities(self, entry):
        return entry.activity_ids.filtered(
            lambda a: a.activity_type_id == self.activity_type
        )

    def run_cron_on(self, day):
        now = datetime.datetime.combine(day, datetime.time(7, 0))
        with patch.object(fields.Datetime, "now", return_value=now):
            self.env["helpdesk.ticket"]._cron_cic_deadline_reminders()

    def test_due_soon_reminds_assignee_and_cic(self):
        entry = self.create_entry("foi_request", user_id=self.staff.id)
        due = entry.cic_legal_due_date
        far = self.calendar.add_working_days(due, -5)
        self.run_cron_on(far)
        self.assertFalse(self.deadline_activities(entry))
        near = self.calendar.add_working_days(due, -2)
        self.run_cron_on(near)
        activity = self.deadline_activities(entry)
        self.assertEqual(activity.user_id, self.staff)
        self.assertEqual(activity.date_deadline, due)
        note = entry.message_ids.filtered(
            lambda m: m.body and "Legal deadline" in m.body
        )
        self.assertIn(self.clerk.partner_id, note.partner_ids)
        # Running again the next day does not duplicate the reminder.
        self.run_cron_on(self.calendar.add_working_days(near, 1))
        self.assertEqual(len(self.deadline_activities(entry)), 1)

    def test_overdue_escalates_to_head(self):
        entry = self.create_entry("foi_request", user_id=self.staff.id)
        late = entry.cic_legal_due_date + datetime.timedelta(days=3)
        self.run_cron_on(late)
        heads = self.deadline_activities(entry).filtered(
            lambda a: a.user_id == self.head
        )
        self.assertEqual(len(heads), 1)
        self.assertIn("Overdue", heads.summary)

    def test_closed_entries_ignored(self):
        entry = self.create_entry("foi_request", user_id=self.staff.id)
        entry.stage_id = self.env["helpdesk.ticket.stage"].search(
            [("closed", "=", True)], limit=1
        )
        self.run_cron_on(entry.cic_legal_due_date + datetime.timedelta(days=3))
        self.assertFalse(self.deadline_activities(entry))
