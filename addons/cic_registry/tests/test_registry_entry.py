# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Registry entries (R-REG-2..4, R-REG-7, R-CAL-6, R-PET-6)."""

import datetime
from unittest.mock import patch

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user

from .common import CicRegistryCase, d

SECRETARY_GROUP = "cic_registry.group_cic_secretary"
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
        """A Law 544 request registered on Mon 2 Mar 2026 is due on Fri 13 Mar
        2026 (R-CAL-4): not overdue on that last day, overdue from Sat 14 Mar."""
        request = self.create_at(datetime.datetime(2026, 3, 2, 8, 0))
        self.assertEqual(request.cic_legal_due_date, d(2026, 3, 13))
        Ticket = self.env["helpdesk.ticket"]
        with freeze_time("2026-03-13 20:00:00"):  # 22:00 in Bucharest
            request.invalidate_recordset(["cic_is_overdue"])
            self.assertFalse(request.cic_is_overdue)
            self.assertNotIn(request, Ticket.search([("cic_is_overdue", "=", True)]))
            self.assertIn(request, Ticket.search([("cic_is_overdue", "=", False)]))
        with freeze_time("2026-03-13 22:30:00"):  # 00:30 on the 14th in Bucharest
            request.invalidate_recordset(["cic_is_overdue"])
            self.assertTrue(request.cic_is_overdue)
            self.assertIn(request, Ticket.search([("cic_is_overdue", "=", True)]))
            self.assertNotIn(request, Ticket.search([("cic_is_overdue", "=", False)]))
            closed = self.env["helpdesk.ticket.stage"].search(
                [("closed", "=", True)], limit=1
            )
            request.stage_id = closed
            self.assertFalse(request.cic_is_overdue)
            self.assertNotIn(request, Ticket.search([("cic_is_overdue", "=", True)]))

    def test_register_columns(self):
        """The art. 9 columns of an entry the clerk registers and resolves through
        the workflow: what the clerk types on registration, and what the
        workflow fills (file indicator, department, dispatch date, resolution,
        recipient), not values this test writes itself (R-REG-3)."""
        nomenclator = self.env["cic.nomenclator"].create(
            {
                "name": "Nomenclator coloane",
                "year": 2026,
                "version": 71,
                "approval_act": "Dispoziția nr. 2/2026",
                "approval_date": "2026-01-05",
                "entry_ids": [
                    (
                        0,
                        0,
                        {
                            "indicator": "REG-9",
                            "name": "Petiții",
                            "retention_type": "years",
                            "retention_years": 3,
                            "procedure_ids": [(6, 0, self.procedure["petition"].ids)],
                        },
                    )
                ],
            }
        )
        nomenclator.action_approve()
        secretary = new_test_user(
            self.env, login="cic_columns_secretary", groups=SECRETARY_GROUP
        )
        authority = self.env["res.partner"].create(
            {
                "name": "Consiliul Județean Exemplu",
                "is_company": True,
                "email": "registratura@cj-exemplu.example.com",
            }
        )
        values = {
            "name": "Groapă în asfalt",
            "description": "<p>Vă rog să reparați strada.</p>",
            "partner_id": self.partner.id,
            "cic_procedure_id": self.procedure["petition"].id,
            "cic_petition_type": "complaint",
            "cic_sender_ref": "1234/AB",
            "cic_sender_date": d(2026, 3, 30),
            "cic_page_count": 4,
            "cic_annex_count": 2,
        }
        clerk_tickets = self.env["helpdesk.ticket"].with_user(self.clerk)
        with freeze_time("2026-04-01 09:00:00"):
            answered = clerk_tickets.create(dict(values))
            forwarded = clerk_tickets.create(dict(values, name="Drum județean"))
            answered._cic_assign(self.team, self.staff, False)
        with freeze_time("2026-04-10 09:00:00"):
            answered.with_user(self.staff).write(
                {
                    "cic_answer_body": "<p>Strada a fost reparată.</p>",
                    "cic_answer_legal_basis": "OG 27/2002 art. 8; HCL 12/2026",
                }
            )
            answered.with_user(self.head).action_cic_approve_department()
            answered.with_user(secretary).action_cic_approve_head()
            answered.action_cic_dispatch_answer()
            forwarded._cic_forward(authority, "Drum de interes județean.")
        for entry in (answered, forwarded):
            self.assertEqual(entry.cic_registration_date.date(), d(2026, 4, 1))
            self.assertEqual(
                (
                    entry.cic_sender_ref,
                    entry.cic_sender_date,
                    entry.cic_page_count,
                    entry.cic_annex_count,
                ),
                ("1234/AB", d(2026, 3, 30), 4, 2),
            )
            self.assertEqual(entry.cic_direction, "incoming")
            self.assertEqual(entry.cic_file_indicator, "REG-9")
            self.assertEqual(entry.cic_dispatch_date, d(2026, 4, 10))
        self.assertEqual(answered.team_id, self.team)
        self.assertEqual(answered.cic_recipient_id, self.partner)
        self.assertEqual(answered.cic_resolution, "Answered")
        self.assertEqual(forwarded.cic_recipient_id, authority)
        self.assertEqual(
            forwarded.cic_resolution, "Redirected to the competent authority"
        )
        # The register book prints what the workflow filled.
        rows = self.env["cic.report.registry.book"]._cic_rows(
            {
                "company_id": self.env.company.id,
                "date_from": d(2026, 4, 1),
                "date_to": d(2026, 4, 1),
            }
        )
        row = next(r for r in rows if r[6] == answered.name)
        # dispatch date, resolution, recipient, joined to, file indicator
        self.assertEqual(
            row[8:],
            [d(2026, 4, 10), "Answered", self.partner.name, None, "REG-9"],
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
        self.env["helpdesk.ticket"]._cron_cic_send_deferred_mail()
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
        self.env["helpdesk.ticket"]._cron_cic_send_deferred_mail()
        ack = self.env["mail.message"].search(
            [
                ("model", "=", "helpdesk.ticket"),
                ("res_id", "=", entry.id),
                ("subject", "ilike", entry.cic_registration_number),
            ]
        )
        self.assertFalse(ack)
