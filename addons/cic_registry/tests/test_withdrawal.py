# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Withdrawal of an entry by its petitioner (retragere): recorded as such, the
deadline stops, counted as withdrawn in the reports (issue 14, point 5)."""

import datetime

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .report_common import CicReportCase

D = datetime.date


@tagged("post_install", "-at_install")
class TestWithdrawal(CicReportCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.citizen = new_test_user(
            cls.env, login="cic_wd_citizen", groups="base.group_portal",
            name="Ion Retras", company_id=cls.company.id,
            company_ids=[(6, 0, cls.company.ids)],
        )  # fmt: skip
        cls.other = new_test_user(
            cls.env, login="cic_wd_other", groups="base.group_portal",
            name="Alt Cetățean", company_id=cls.company.id,
            company_ids=[(6, 0, cls.company.ids)],
        )  # fmt: skip
        # identified petitioner (OG 27/2002 art. 7): his petitions run a term
        cls.citizen.partner_id.write({"street": "Str. Retragerii 3", "city": "Exemplu"})
        cls.staff = cls._user("cic_wd_staff", "cic_registry.group_cic_department")
        cls.old = cls.entry(
            "petition", D(2024, 3, 1), partner_id=cls.citizen.partner_id.id
        )
        cls.new = cls.entry(
            "petition", D(2024, 3, 4), partner_id=cls.citizen.partner_id.id
        )

    def test_citizen_withdraws_own_entry(self):
        self.assertTrue(self.old.cic_is_overdue)
        self.old.with_user(self.citizen).action_cic_withdraw()
        self.assertEqual(self.old.cic_closure_reason, "withdrawn")
        self.assertTrue(self.old.stage_id.closed)
        self.assertEqual(self.old.cic_withdrawn_by_id, self.citizen)
        self.assertTrue(self.old.cic_withdrawal_date)
        self.assertFalse(self.old.cic_is_overdue)
        self.assertTrue(self.old.cic_kpi_excluded)
        self.assertFalse(self.old.activity_ids)
        note = self.old.message_ids.filtered(
            lambda m: m.subtype_id == self.env.ref("mail.mt_note")
            and self.citizen.name in (m.body or "")
        )
        self.assertTrue(note)
        # No reminder nor escalation for it any more.
        self.env["helpdesk.ticket"]._cron_cic_deadline_reminders()
        self.assertFalse(self.old.activity_ids)
        # Withdrawn once: a second withdrawal is refused.
        with self.assertRaises(UserError):
            self.old.with_user(self.citizen).action_cic_withdraw()

    def test_who_may_withdraw(self):
        """Another citizen and a department member cannot; nobody writes the
        withdrawal fields directly; the CIC records a written withdrawal."""
        for user in (self.other, self.staff):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.new.with_user(user).action_cic_withdraw()
        with mute_logger("odoo.models"), self.assertRaises(AccessError):
            self.new.with_user(self.clerk).write(
                {"cic_withdrawal_date": datetime.datetime(2024, 3, 5)}
            )
        self.assertFalse(self.new.cic_closure_reason)
        self.new.with_user(self.clerk).action_cic_withdraw()
        self.assertEqual(self.new.cic_closure_reason, "withdrawn")
        self.assertEqual(self.new.cic_withdrawn_by_id, self.clerk)

    def test_reports_count_withdrawn(self):
        (self.old | self.new).with_user(self.citizen).action_cic_withdraw()
        self.env.flush_all()  # the reports read the register in SQL
        petitions = self.wizard(report_type="petitions", year=2024, semester="1")
        overview = {
            row[0]: row[1]
            for table in petitions._cic_document()["tables"][:1]
            for row in table["rows"]
        }
        self.assertEqual(overview["Registered"], 2)
        self.assertEqual(overview["Withdrawn by the petitioner"], 2)
        self.assertEqual(overview["Pending"], 0)
        self.assertEqual(overview["Answered late"], 0)
        foi = self.entry(
            "foi_request",
            D(2024, 3, 1),
            partner_id=self.citizen.partner_id.id,
            cic_foi_authority="Primăria",
            cic_foi_signed=True,
            cic_foi_reply_address="Str. Florilor 1",
        )
        foi.with_user(self.citizen).action_cic_withdraw()
        self.env.flush_all()
        figures = self.env["cic.report.foi"]._cic_run(
            self.env["cic.report.foi"]._cic_year_domain(
                self.company.id, 2024, "foi_request"
            ),
            lambda t, _q: self.env["cic.report.foi"]._cic_request_measures(t),
        )
        self.assertEqual(figures["withdrawn"], 1)
        self.assertEqual(figures["pending"], 0)
