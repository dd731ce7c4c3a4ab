# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The manual's "founded complaints against the CIC" from the complaints' findings
(issue 17 point 7), and what has no data source stays a typed value."""

from odoo.tests import tagged

from .common import CicPerformanceCase, d


@tagged("post_install", "-at_install")
class TestFoundedComplaints(CicPerformanceCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.company.cic_kpi_team_id = cls.team_a
        cls.indicator = cls.env.ref("cic_performance.indicator_founded_complaints")

    def complaint(self, about, founded, answered):
        return self.entry(
            d(2025, 2, 3),
            d(2025, 3, 5),
            answered=answered,
            cic_petition_type="complaint",
            cic_complaint_about_team_id=about.id,
            cic_complaint_founded=founded,
        )

    def value(self, date_from, date_to):
        return self.indicator._cic_compute_value(date_from, date_to, self.company)

    def test_counted_from_the_findings(self):
        self.assertEqual(self.indicator.kind, "computed")
        before = self.value(d(2025, 2, 1), d(2025, 2, 28))
        self.complaint(self.team_a, "founded", d(2025, 2, 20))
        self.complaint(self.team_a, "partly", d(2025, 2, 21))
        self.complaint(self.team_a, "unfounded", d(2025, 2, 22))
        self.complaint(self.team_b, "founded", d(2025, 2, 23))  # not the CIC
        self.complaint(self.team_a, "founded", d(2025, 3, 2))  # next month
        self.complaint(self.team_a, False, False)  # not examined yet
        self.assertEqual(self.value(d(2025, 2, 1), d(2025, 2, 28)) - before, 2)
        # a request (not a complaint) found nothing
        self.entry(
            d(2025, 2, 3),
            d(2025, 3, 5),
            answered=d(2025, 2, 24),
            cic_petition_type="request",
            cic_complaint_about_team_id=self.team_a.id,
            cic_complaint_founded="founded",
        )
        self.assertEqual(self.value(d(2025, 2, 1), d(2025, 2, 28)) - before, 2)

    def test_no_cic_department_set(self):
        self.company.cic_kpi_team_id = False
        self.complaint(self.team_a, "founded", d(2025, 2, 20))
        self.assertEqual(self.value(d(2025, 2, 1), d(2025, 2, 28)), 0)

    def test_typed_values_stay_typed(self):
        for xmlid in (
            "indicator_adaptation_days",
            "indicator_management_reports",
            "indicator_improvement_initiatives",
        ):
            indicator = self.env.ref(f"cic_performance.{xmlid}")
            self.assertEqual(indicator.kind, "manual")
        if not self.env["res.lang"].search_count([("code", "=", "ro_RO")]):
            return
        ro_env = self.env(context=dict(self.env.context, lang="ro_RO"))
        field = ro_env["cic.kpi.indicator"]._fields["kind"]
        label = dict(field._description_selection(ro_env))["manual"]
        self.assertEqual(label, "Valoare introdusă manual")
