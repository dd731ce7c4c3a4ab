# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Data-subject requests (R-GDPR-3): one calendar month from receipt (GDPR art.
12(3); CPC art. 181(1) pct. 3 and (2)), an extension by at most two further months
with a reasoned notice sent within the first month, recorded by the action only; the
privacy notice and DPO contact are company settings only administrators change."""

import ast

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from .common import d
from .workflow_common import CicWorkflowCase

REASON = "Cererea privește 14 registre, din care 9 în arhiva din Exemplu."


@tagged("post_install", "-at_install")
class TestGdprRequests(HttpCase, CicWorkflowCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.admin_user = new_test_user(
            cls.env, login="cic_gdpr_admin", groups="base.group_system"
        )

    def gdpr_request(self, received, **vals):
        """A request registered by the clerk on ``received`` (the server's today)."""
        vals.setdefault("partner_id", self.petitioner.id)
        vals.setdefault("name", "Acces la datele mele din registratură")
        vals.setdefault("cic_gdpr_right", "access")
        with freeze_time(f"{received.isoformat()} 09:00:00"):
            return self.create_entry("gdpr_request", as_user=self.clerk, **vals)

    def extend(self, ticket, today, months=2, reason=REASON):
        with freeze_time(f"{today.isoformat()} 09:00:00"):
            return ticket.with_user(self.clerk)._cic_gdpr_extend(months, reason)

    def rpc(self, model, method, *args, **kwargs):
        return self.make_jsonrpc_request(
            "/web/dataset/call_kw",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )

    # ------------------------------------------------------------------
    # One month from receipt
    # ------------------------------------------------------------------
    def test_one_month_due_date_vectors(self):
        """Hand-computed: the same day of the next month; a month without that day
        ends on its last day; a non-working last day moves to the next working
        day (CPC art. 181(2))."""
        vectors = [
            (d(2026, 3, 2), d(2026, 4, 2)),  # Mon -> Thu 2 Apr
            (d(2026, 1, 31), d(2026, 3, 2)),  # 28 Feb 2026 is a Saturday -> Mon 2 Mar
            (d(2028, 1, 31), d(2028, 2, 29)),  # leap year: Tue 29 Feb 2028
            (d(2027, 1, 30), d(2027, 3, 1)),  # Sun 28 Feb 2027 -> Mon 1 Mar
            (d(2026, 3, 31), d(2026, 4, 30)),  # April has no 31st: Thu 30 Apr
            (d(2026, 3, 13), d(2026, 4, 14)),  # Mon 13 Apr 2026 is Easter Monday
        ]
        for received, due in vectors:
            with self.subTest(received=received):
                ticket = self.gdpr_request(received)
                self.assertEqual(
                    self.calendar.local_date(ticket.cic_registration_date), received
                )
                self.assertEqual(ticket.cic_legal_due_date, due)
                self.assertEqual(ticket.cic_gdpr_notice_due_date, due)
                self.assertIn("2016/679 art. 12(3)", ticket.cic_due_basis)
                self.assertIn("1 month", ticket.cic_due_basis)
                self.assertIn("CPC art. 181", ticket.cic_due_basis)
                self.assertIn("12(3)", ticket.cic_gdpr_notice_due_basis)

    def test_not_thirty_days(self):
        """1 Feb 2027 + one month is Mon 1 Mar 2027, not 30 days (Wed 3 Mar)."""
        ticket = self.gdpr_request(d(2027, 2, 1))
        self.assertEqual(ticket.cic_legal_due_date, d(2027, 3, 1))
        with freeze_time("2027-03-02 09:00:00"):
            self.assertTrue(ticket.cic_is_overdue)

    # ------------------------------------------------------------------
    # Extension (art. 12(3))
    # ------------------------------------------------------------------
    def test_extension_by_two_months_with_notice_to_the_person(self):
        ticket = self.gdpr_request(d(2026, 3, 2))
        with freeze_time("2026-04-01 09:00:00"):
            wizard = Form(
                self.env["cic.gdpr.extend"]
                .with_user(self.clerk)
                .with_context(default_ticket_id=ticket.id)
            )
            self.assertEqual(wizard.notice_date, d(2026, 4, 1))
            self.assertEqual(wizard.notice_due_date, d(2026, 4, 2))
            wizard.months = "1"
            # Sat 2 May 2026 -> Mon 4 May
            self.assertEqual(wizard.new_due_date, d(2026, 5, 4))
            wizard.months = "2"
            self.assertEqual(wizard.new_due_date, d(2026, 6, 2))
            wizard.reason = REASON
            wizard.save().action_confirm()
        self.assertEqual(ticket.cic_extension_months, 2)
        self.assertEqual(ticket.cic_extension_date, d(2026, 4, 1))
        self.assertEqual(ticket.cic_extension_reason, REASON)
        self.assertEqual(ticket.cic_extended_by_id, self.clerk)
        self.assertEqual(ticket.cic_legal_due_date, d(2026, 6, 2))
        self.assertIn("3 month(s)", ticket.cic_due_basis)
        self.assertIn("extended under", ticket.cic_due_basis)
        # the notice: a registered letter to the person, e-mailed, dated today
        notice = self.letters(ticket, "extension_notice")
        self.assertEqual(len(notice), 1)
        self.assertEqual(notice.partner_id, self.petitioner)
        self.assertEqual(notice.cic_dispatch_date, d(2026, 4, 1))
        self.assertEqual(notice.cic_registration_number, ticket.cic_registration_number)
        self.assertIn(REASON, notice.description)
        self.assertIn("02.06.2026", notice.description)
        sent = notice.message_ids.filtered(
            lambda m: m.message_type == "comment" and self.petitioner in m.partner_ids
        )
        self.assertTrue(sent, "the notice is e-mailed to the person")
        # audited under the clerk
        audit = self.env["cic.audit.log"].search(
            [
                ("res_model", "=", "helpdesk.ticket"),
                ("res_id", "=", ticket.id),
                ("field_name", "=", "Extension (months)"),
            ]
        )
        self.assertEqual(len(audit), 1)
        self.assertEqual(audit.user_id, self.clerk)
        self.assertEqual(audit.new_value, "2")

    def test_notice_by_letter_when_the_person_has_no_email(self):
        by_post = self.env["res.partner"].create(
            {"name": "Gheorghe Pop", "street": "Str. Morii 4", "city": "Exemplu"}
        )
        ticket = self.gdpr_request(d(2026, 3, 2), partner_id=by_post.id)
        self.extend(ticket, d(2026, 3, 20), months=1)
        notice = self.letters(ticket, "extension_notice")
        self.assertEqual(notice.partner_id, by_post)
        self.assertEqual(notice.cic_dispatch_date, d(2026, 3, 20))
        self.assertEqual(ticket.cic_legal_due_date, d(2026, 5, 4))

    def test_third_month_refused(self):
        ticket = self.gdpr_request(d(2026, 3, 2))
        with self.assertRaises(UserError):
            self.extend(ticket, d(2026, 3, 10), months=3)
        self.assertFalse(ticket.cic_extension_months)
        self.assertFalse(self.letters(ticket, "extension_notice"))
        self.extend(ticket, d(2026, 3, 10), months=2)
        with self.assertRaises(UserError):
            self.extend(ticket, d(2026, 3, 11), months=1)
        self.assertEqual(ticket.cic_extension_months, 2)
        self.assertEqual(ticket.cic_legal_due_date, d(2026, 6, 2))
        self.assertEqual(len(self.letters(ticket, "extension_notice")), 1)

    def test_extension_after_the_first_month_refused(self):
        """Received Sat 31 Jan 2026: the first month runs to Mon 2 Mar (rolled);
        on Tue 3 Mar the extension is refused, on 2 Mar it is still in time."""
        late = self.gdpr_request(d(2026, 1, 31))
        with self.assertRaises(UserError):
            self.extend(late, d(2026, 3, 3))
        self.assertFalse(late.cic_extension_months)
        self.assertFalse(late.cic_extension_date)
        self.assertEqual(late.cic_legal_due_date, d(2026, 3, 2))
        self.assertFalse(self.letters(late, "extension_notice"))
        in_time = self.gdpr_request(d(2026, 1, 31))
        self.extend(in_time, d(2026, 3, 2))
        self.assertEqual(in_time.cic_legal_due_date, d(2026, 4, 30))

    def test_extension_without_reason_refused(self):
        ticket = self.gdpr_request(d(2026, 3, 2))
        for reason in ("", "   ", False):
            with self.subTest(reason=reason), self.assertRaises(UserError):
                self.extend(ticket, d(2026, 3, 5), reason=reason)
        self.assertFalse(ticket.cic_extension_months)
        self.assertFalse(self.letters(ticket, "extension_notice"))

    def test_extension_only_by_the_cic_and_only_for_gdpr_requests(self):
        ticket = self.gdpr_request(d(2026, 3, 2))
        with freeze_time("2026-03-05 09:00:00"), self.assertRaises(AccessError):
            ticket.with_user(self.staff)._cic_gdpr_extend(1, REASON)
        petition = self.petition()
        with self.assertRaises(UserError):
            petition.with_user(self.clerk)._cic_gdpr_extend(1, REASON)
        self.assertFalse(ticket.cic_extension_months)

    def test_clerk_cannot_forge_the_extension_over_rpc(self):
        """The clerk writes the extension fields himself (on write and on create),
        with the context a workflow action would have: refused."""
        ticket = self.gdpr_request(d(2026, 3, 2))
        self.authenticate(self.clerk.login, self.clerk.login)
        forged = {
            "cic_extension_months": 2,
            "cic_extension_date": "2026-03-05",
            "cic_extension_reason": "forged",
        }
        with mute_logger("odoo.http"), self.assertRaises(JsonRpcException) as caught:
            self.rpc(
                "helpdesk.ticket",
                "write",
                [ticket.id],
                {"cic_extension_months": 2},
                context={"cic_workflow_write": True},
            )
        self.assertEqual(str(caught.exception), "odoo.exceptions.AccessError")
        with mute_logger("odoo.http"), self.assertRaises(JsonRpcException) as caught:
            self.rpc(
                "helpdesk.ticket",
                "create",
                {
                    "name": "forged",
                    "partner_id": self.petitioner.id,
                    "cic_procedure_id": self.procedure["gdpr_request"].id,
                    "cic_gdpr_right": "erasure",
                    **forged,
                },
            )
        self.assertEqual(str(caught.exception), "odoo.exceptions.AccessError")
        ticket.invalidate_recordset()
        self.assertFalse(ticket.cic_extension_months)
        self.assertEqual(ticket.cic_legal_due_date, d(2026, 4, 2))
        self.assertFalse(
            self.env["helpdesk.ticket"].search([("name", "=", "forged")]),
        )

    def test_gdpr_requests_menu_lists_only_gdpr_requests(self):
        gdpr = self.gdpr_request(d(2026, 3, 2), cic_gdpr_right="erasure")
        petition = self.petition()
        action = self.env.ref("cic_registry.action_cic_gdpr_requests")
        found = (
            self.env["helpdesk.ticket"]
            .with_user(self.clerk)
            .search(ast.literal_eval(action.domain))
        )
        self.assertIn(gdpr, found)
        self.assertNotIn(petition, found)

    # ------------------------------------------------------------------
    # Privacy notice and DPO contact (company settings)
    # ------------------------------------------------------------------
    def test_privacy_settings_admin_only(self):
        settings = (
            self.env["res.config.settings"]
            .with_user(self.admin_user)
            .create(
                {
                    "cic_dpo_name": "Responsabil Test",
                    "cic_dpo_email": "dpo.test@example.com",
                    "cic_dpo_phone": "0268000111",
                    "cic_privacy_notice": "<p>Notă de informare test</p>",
                }
            )
        )
        settings.execute()
        company = self.env.company
        self.assertEqual(company.cic_dpo_email, "dpo.test@example.com")
        self.assertIn("Notă de informare test", company.cic_privacy_notice)
        with self.assertRaises(AccessError):
            company.with_user(self.clerk).write({"cic_dpo_email": "x@example.com"})
        with self.assertRaises(AccessError):
            self.env["res.config.settings"].with_user(self.clerk).create(
                {"cic_dpo_email": "x@example.com"}
            ).execute()
        self.authenticate(self.clerk.login, self.clerk.login)
        with mute_logger("odoo.http"), self.assertRaises(JsonRpcException) as caught:
            self.rpc(
                "res.company",
                "write",
                [company.id],
                {"cic_privacy_notice": "<p>forged</p>", "cic_dpo_email": "x@e.com"},
            )
        self.assertEqual(str(caught.exception), "odoo.exceptions.AccessError")
        company.invalidate_recordset()
        self.assertEqual(company.cic_dpo_email, "dpo.test@example.com")
        self.assertNotIn("forged", company.cic_privacy_notice)

    def test_dpo_email_validated(self):
        with self.assertRaises(ValidationError):
            self.env.company.with_user(self.admin_user).write(
                {"cic_dpo_email": "not an address"}
            )
