# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The annual report of the CIC is an official PDF (issue 21): letterhead, page
numbers and every Romanian letter in extractable text, printed by a clerk."""

from odoo.tests import tagged

from odoo.addons.cic_registry.tests.pdf_text import OfficialPdfMixin

from .common import CicPerformanceCase


@tagged("post_install", "-at_install")
class TestPerformanceOfficialPdf(OfficialPdfMixin, CicPerformanceCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_institution()

    def test_annual_report_pdf(self):
        report = (
            self.env["cic.annual.report"]
            .with_user(self.ro_clerk)
            .create({"year": 2017, "company_id": self.env.company.id})
        )
        report.section_ids[0].body = "<p>Secțiune despre activitatea CIC</p>"
        text = self.render_text("cic_performance.action_report_cic_annual", report)
        self.assert_official(text)
        self.assertIn("Secțiune despre activitatea CIC", text)
