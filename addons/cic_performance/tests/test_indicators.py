# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import CicPerformanceCase, d


@tagged("post_install", "-at_install")
class TestIndicators(CicPerformanceCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env["res.company"].create({"name": "Perf town"})
        cls.env = cls.env(
            context=dict(cls.env.context, allowed_company_ids=[cls.company.id])
        )
        Activity = cls.env["cic.participation.activity"]
        for day, kind, people in (
            (d(2025, 3, 3), "public_meeting", 40),
            (d(2025, 3, 20), "public_meeting", 25),
            (d(2025, 3, 25), "focus_group", 12),
            (d(2025, 4, 2), "poll", 300),
        ):
            Activity.create(
                {
                    "name": "Topic",
                    "date": day,
                    "activity_type": kind,
                    "attendance": people,
                    "company_id": cls.company.id,
                }
            )
        cls.Indicator = cls.env["cic.kpi.indicator"]

    def indicator(self, source, **vals):
        return self.Indicator.create(
            {
                "code": f"test_{source}",
                "name": source,
                "kind": "computed",
                "compute_source": source,
                "company_id": self.company.id,
                **vals,
            }
        )

    def test_participation_indicators(self):
        methods = self.indicator("participation_methods", target=3)
        activities = self.indicator("participation_activities")
        attendance = self.indicator("participation_attendance")
        self.Indicator._cic_compute_period("month", d(2025, 3, 15), self.company)
        value = lambda ind: ind.value_ids.filtered(  # noqa: E731
            lambda v: v.period_type == "month" and v.period_start == d(2025, 3, 1)
        )
        self.assertEqual(value(methods).value, 2)
        self.assertFalse(value(methods).target_reached)
        self.assertEqual(value(activities).value, 3)
        self.assertEqual(value(attendance).value, 77)
        self.Indicator._cic_compute_period("year", d(2025, 3, 15), self.company)
        yearly = methods.value_ids.filtered(lambda v: v.period_type == "year")
        self.assertEqual(yearly.value, 3)
        self.assertTrue(yearly.target_reached)
        # recomputing updates the same value
        self.Indicator._cic_compute_period("year", d(2025, 6, 1), self.company)
        self.assertEqual(
            len(methods.value_ids.filtered(lambda v: v.period_type == "year")), 1
        )

    def test_reports(self):
        # services offered: the portal's catalogue (cic_portal test_kpi_indicators)
        report = self.env["cic.annual.report"].create(
            {"year": 2025, "company_id": self.company.id}
        )
        self.assertEqual(len(report.section_ids), 5)
        with self.assertRaises(UserError):
            report.action_publish()
        report.section_ids[0].body = "<p>Economia orașului a crescut.</p>"
        report.action_publish()
        reports = self.indicator("reports_issued")
        self.assertEqual(
            reports._cic_compute_value(
                report.date_published, report.date_published, self.company
            ),
            1,
        )

    def test_manual_value_and_bad_input(self):
        manual = self.Indicator.create(
            {
                "code": "test_training",
                "name": "Training hours",
                "target": 16,
                "company_id": self.company.id,
            }
        )
        value = self.env["cic.kpi.value"].create(
            {
                "indicator_id": manual.id,
                "period_type": "semester",
                "period_start": d(2025, 8, 14),
                "value": 20,
                "target": 16,
                "company_id": self.company.id,
            }
        )
        self.assertEqual(value.period_start, d(2025, 7, 1))
        self.assertEqual(value.period_end, d(2025, 12, 31))
        self.assertTrue(value.target_reached)
        with self.assertRaises(UserError):
            self.Indicator.create(
                {
                    "code": "x",
                    "name": "x",
                    "kind": "computed",
                    "company_id": self.company.id,
                }
            )
        with self.assertRaises(ValidationError):
            self.env["cic.participation.activity"].create(
                {"name": "x", "attendance": -1, "company_id": self.company.id}
            )

    def test_annual_report_pdf(self):
        report = self.env["cic.annual.report"].create(
            {"year": 2025, "company_id": self.company.id}
        )
        report.section_ids[0].body = "<p>Secțiune</p>"
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("cic_performance.action_report_cic_annual", report.ids)[
                0
            ]
            .decode()
        )
        self.assertIn("Secțiune", html)
        self.assertIn("Topic", html)
