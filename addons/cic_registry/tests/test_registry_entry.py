# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Registry entries (R-REG-2..4, R-REG-7, R-CAL-6, R-PET-6)."""

import datetime
from unittest.mock import patch

from odoo import fields
from odoo.exceptions import AccessError, ValidationError

from .common import CicRegistryCase, d

# Wed 1 Apr 2026, 09:00 in Bucharest (UTC+3).
APRIL_1 = datetime.datetime(2026, 4, 1, 6, 0)


class TestRegistryEntry(CicRegistryCase):
    def create_at(self, when, procedure="foi_request", **vals):
        with patch.object(fields.Datetime, "now", return_value=when):
            return self.create_entry(procedure, **vals)

    def test_legal_due_date_and_basis(self):
        entry = self.create_at(APRIL_1)
        self.assertEqual(entry.cic_legal_due_date, d(2026, 4, 14))
        self.assertIn("Legea 544/2001 art. 7(1)", entry.cic_due_basis)
        self.assertIn("10", entry.cic_due_basis)
        self.assertIn("free days", entry.cic_due_basis)
        petition = self.create_at(APRIL_1, "petition")
        self.assertEqual(petition.cic_legal_due_date, d(2026, 5, 4))
        self.assertIn("OG 27/2002", petition.cic_due_basis)

    def test_no_term_no_due_date(self):
        entry = self.create_at(APRIL_1, "internal")
        self.assertTrue(entry.cic_registration_number)
        self.assertEqual(entry.cic_direction, "internal")
        self.assertFalse(entry.cic_legal_due_date)
        self.assertFalse(entry.cic_due_basis)

    def test_internal_due_date_margin(self):
        entry = self.create_at(APRIL_1)
        # Legal due Tue 14 Apr 2026 minus 2 WDs across Easter -> Wed 8 Apr.
        self.assertEqual(entry.cic_internal_due_date, d(2026, 4, 8))
        self.company.cic_internal_margin_days = 0
        other = self.create_at(APRIL_1)
        self.assertEqual(other.cic_internal_due_date, d(2026, 4, 14))
        other.cic_internal_due_date = d(2026, 4, 10)
        self.assertEqual(other.cic_internal_due_date, d(2026, 4, 10))

    def test_overdue_compute_and_search(self):
        old = self.create_at(datetime.datetime(2020, 3, 2, 8, 0))
        fresh = self.create_entry("foi_request")
        self.assertTrue(old.cic_is_overdue)
        self.assertFalse(fresh.cic_is_overdue)
        Ticket = self.env["helpdesk.ticket"]
        overdue = Ticket.search([("cic_is_overdue", "=", True)])
        self.assertIn(old, overdue)
        self.assertNotIn(fresh, overdue)
        self.assertIn(fresh, Ticket.search([("cic_is_overdue", "=", False)]))
        closed = self.env["helpdesk.ticket.stage"].search(
            [("closed", "=", True)], limit=1
        )
        old.stage_id = closed
        self.assertFalse(old.cic_is_overdue)
        self.assertNotIn(old, Ticket.search([("cic_is_overdue", "=", True)]))

    def test_register_columns(self):
        entry = self.create_entry(
            cic_sender_ref="1234/AB",
            cic_sender_date=d(2026, 3, 30),
            cic_page_count=4,
            cic_annex_count=2,
            cic_file_indicator="II-3",
        )
        self.assertEqual(entry.team_id, self.team)
        self.assertEqual(entry.cic_direction, "incoming")
        self.assertEqual(
            (entry.cic_sender_ref, entry.cic_page_count, entry.cic_annex_count),
            ("1234/AB", 4, 2),
        )

    def test_corrections_are_audited(self):
        entry = self.create_entry(cic_page_count=3)
        entry.with_user(self.clerk).write({"cic_page_count": 5, "cic_sender_ref": "77"})
        logs = self.env["cic.audit.log"].search(
            [("res_model", "=", "helpdesk.ticket"), ("res_id", "=", entry.id)]
        )
        self.assertEqual(len(logs), 2)
        pages = logs.filtered(lambda log: log.field_name == "Pages")
        self.assertEqual((pages.old_value, pages.new_value), ("3", "5"))
        self.assertEqual(pages.user_id, self.clerk)
        self.assertTrue(pages.date)

    def test_audit_log_read_only(self):
        entry = self.create_entry(cic_page_count=3)
        entry.cic_page_count = 4
        log = self.env["cic.audit.log"].search([("res_id", "=", entry.id)], limit=1)
        self.assertTrue(log.with_user(self.clerk).read(["old_value"]))
        for user in (self.clerk, self.env.ref("base.user_admin")):
            with self.assertRaises(AccessError):
                log.with_user(user).write({"new_value": "x"})
            with self.assertRaises(AccessError):
                log.with_user(user).unlink()
            with self.assertRaises(AccessError):
                self.env["cic.audit.log"].with_user(user).create(
                    {
                        "event": "x",
                        "res_model": "helpdesk.ticket",
                        "user_id": user.id,
                        "date": fields.Datetime.now(),
                    }
                )
        with self.assertRaises(AccessError):
            log.with_user(self.staff).read(["old_value"])

    def test_join_to_first_entry(self):
        first = self.create_entry()
        second = self.create_entry(cic_joined_to_id=first.id)
        self.assertEqual(first.cic_joined_ids, second)
        with self.assertRaises(ValidationError):
            self.create_entry(cic_joined_to_id=second.id)
        with self.assertRaises(ValidationError):
            first.cic_joined_to_id = first

    def test_team_default_procedure(self):
        self.team.cic_procedure_id = self.procedure["petition"]
        entry = self.create_entry(procedure=None)
        self.assertFalse(entry.cic_procedure_id)  # explicitly without procedure
        vals = {"name": "Sesizare", "description": "x", "team_id": self.team.id}
        entry = self.env["helpdesk.ticket"].create(vals)
        self.assertEqual(entry.cic_procedure_id, self.procedure["petition"])
        self.assertTrue(entry.cic_registration_number)

    def test_email_submission_registered_and_acknowledged(self):
        self.team.cic_procedure_id = self.procedure["petition"]
        msg = {
            "subject": "Sesizare groapă în asfalt",
            "body": "<p>Pe strada Lalelelor este o groapă.</p>",
            "email_from": "maria.cetateanu@example.com",
            "from": "maria.cetateanu@example.com",
            "to": "cic@example.com",
            "author_id": False,
            "message_id": "<cic-test-1@example.com>",
        }
        entry = self.env["helpdesk.ticket"].message_new(
            msg, custom_values={"team_id": self.team.id}
        )
        self.assertEqual(entry.cic_procedure_id, self.procedure["petition"])
        self.assertTrue(entry.cic_registration_number)
        self.assertEqual(
            entry.channel_id,
            self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_email"),
        )
        self.assertTrue(entry.cic_acknowledgement_pending, "queued at registration")
        self.env["helpdesk.ticket"]._cron_cic_send_acknowledgements()
        self.assertFalse(entry.cic_acknowledgement_pending)
        mails = self.env["mail.mail"].search(
            [("model", "=", "helpdesk.ticket"), ("res_id", "=", entry.id)]
        )
        ack = mails.filtered(lambda m: entry.cic_registration_number in m.subject)
        self.assertTrue(ack, "the sender gets the number back by e-mail")
        recipients = ack.recipient_ids.mapped("email") + [ack.email_to or ""]
        self.assertIn("maria.cetateanu@example.com", " ".join(recipients))

    def test_counter_entry_not_acknowledged(self):
        entry = self.create_entry()
        self.assertFalse(entry.cic_acknowledgement_pending)
        self.env["helpdesk.ticket"]._cron_cic_send_acknowledgements()
        ack = self.env["mail.message"].search(
            [
                ("model", "=", "helpdesk.ticket"),
                ("res_id", "=", entry.id),
                ("subject", "ilike", entry.cic_registration_number),
            ]
        )
        self.assertFalse(ack)
