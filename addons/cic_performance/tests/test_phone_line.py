# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The citizen's phone line (R-KPI-3): a channel whose number is a company setting
(no number is built in: "984" is UNVERIFIED), with its own count in the KPIs, the
indicators' report, the snapshots and the KPI report of a period, read by the KPI
users (the department's staff, the auditor)."""

from odoo.tests import Form, new_test_user, tagged

from .common import CicPerformanceCase, d


@tagged("post_install", "-at_install")
class TestPhoneLine(CicPerformanceCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.phone_line = cls.env.ref("cic_registry.helpdesk_ticket_channel_phone_line")
        cls.auditor = new_test_user(
            cls.env, login="perf_phone_auditor", groups="cic_registry.group_cic_auditor"
        )
        cls.manager = new_test_user(
            cls.env,
            login="perf_phone_manager",
            groups="cic_registry.group_cic_manager,base.group_system",
        )
        call = {"channel_id": cls.phone_line.id}
        # March 2025: two calls and a counter petition in A, one call in B; a call
        # of April is outside the period.
        cls.a1 = cls.entry(d(2025, 3, 3), d(2025, 4, 2), **call)
        cls.a2 = cls.entry(
            d(2025, 3, 10), d(2025, 4, 9), answered=d(2025, 3, 20), **call
        )
        cls.a3 = cls.entry(d(2025, 3, 12), d(2025, 4, 11))
        cls.b1 = cls.entry(d(2025, 3, 17), d(2025, 4, 16), team=cls.team_b, **call)
        cls.b2 = cls.entry(d(2025, 4, 1), d(2025, 5, 1), team=cls.team_b, **call)

    def test_number_is_a_company_setting(self):
        company = self.env["res.company"].create({"name": "Primăria Nouă"})
        self.assertFalse(company.cic_phone_line_number, "no number is built in")
        settings = Form(self.env["res.config.settings"].with_user(self.manager))
        settings.cic_phone_line_number = "0251 984"
        settings.save().execute()
        self.assertEqual(self.env.company.cic_phone_line_number, "0251 984")
        self.assertTrue(self.phone_line.cic_phone_line)
        self.assertTrue(self.phone_line.cic_verbal)
        channel = self.phone_line.with_user(self.manager)
        self.assertEqual(channel.display_name, f"{channel.name} (0251 984)")
        self.env.company.cic_phone_line_number = "021 9866"
        channel.invalidate_recordset(["display_name"])
        self.assertEqual(channel.display_name, f"{channel.name} (021 9866)")

    def test_counts_of_the_phone_line(self):
        march = (d(2025, 3, 1), d(2025, 3, 31))
        teams = (self.team_a | self.team_b).ids
        service = self.env["cic.kpi.service"]
        as_auditor = service.with_user(self.auditor)._cic_figures(
            *march, team_ids=teams
        )
        self.assertEqual(as_auditor["entries"], 4)
        self.assertEqual(as_auditor["phone_line"], 3)
        # Department staff count their own department's calls only.
        as_staff_a = service.with_user(self.staff_a)._cic_figures(*march)
        self.assertEqual(as_staff_a["phone_line"], 2)
        as_staff_b = service.with_user(self.staff_b)._cic_figures(*march)
        self.assertEqual(as_staff_b["phone_line"], 1)
        self.assertEqual(
            service.with_user(self.auditor)._cic_figures(
                d(2025, 4, 1), d(2025, 4, 30), team_ids=teams
            )["phone_line"],
            1,
        )
        # The same channel through the channel filter of the KPIs.
        by_channel = service.with_user(self.auditor)._cic_figures(
            *march, team_ids=teams, channel_ids=self.phone_line.ids
        )
        self.assertEqual(by_channel["entries"], 3)
        self.assertEqual(by_channel["answered"], 1)

    def test_indicator_rows(self):
        rows = (
            self.env["cic.kpi.report"]
            .with_user(self.staff_a)
            .search([("phone_line_count", "=", 1)])
        )
        self.assertEqual(rows.ticket_id, self.a1 | self.a2)
        groups = (
            self.env["cic.kpi.report"]
            .with_user(self.auditor)
            ._read_group(
                [("team_id", "in", (self.team_a | self.team_b).ids)],
                ["team_id"],
                ["phone_line_count:sum"],
            )
        )
        self.assertEqual(dict(groups), {self.team_a: 2, self.team_b: 2})

    def test_snapshot_and_period_report(self):
        snapshots = self.env["cic.kpi.snapshot"]._cic_refresh_period(
            "month", d(2025, 3, 15), self.env.company
        )
        by_team = {s.team_id: s for s in snapshots}
        self.assertEqual(by_team[self.team_a].phone_line, 2)
        self.assertEqual(by_team[self.team_b].phone_line, 1)
        self.assertEqual(
            self.env["cic.kpi.snapshot"]
            .with_user(self.staff_a)
            .browse(by_team[self.team_a].id)
            .phone_line,
            2,
        )
        export = (
            self.env["cic.kpi.export"]
            .with_user(self.auditor)
            .create(
                {
                    "period_type": "month",
                    "day": d(2025, 3, 15),
                    "team_ids": [(6, 0, self.team_a.ids)],
                }
            )
        )
        lines = {label: value for label, value, _kind in export._cic_lines()}
        self.assertEqual(lines["Received on the citizen's phone line"], 2)
