# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The day's audience programme is an official PDF (issue 21): letterhead, page
numbers and every Romanian letter in extractable text, printed by a clerk."""

from odoo.tests import tagged

from odoo.addons.cic_registry.tests.pdf_text import OfficialPdfMixin

from .common import TUESDAY, CicAudienceCase


@tagged("post_install", "-at_install")
class TestAudienceOfficialPdf(OfficialPdfMixin, CicAudienceCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_institution()

    def test_day_programme_pdf(self):
        request = self._book(self._request())
        wizard = (
            self.env["cic.audience.day.programme"]
            .with_user(self.ro_clerk)
            .create({"date": TUESDAY, "official_ids": [(6, 0, self.mayor.ids)]})
        )
        text = self.render_text("cic_audience.action_report_day_programme", wizard)
        self.assert_official(text)
        self.assertIn(request.cic_registration_number, text)
        self.assertIn(f"{TUESDAY:%d.%m.%Y}", text)
