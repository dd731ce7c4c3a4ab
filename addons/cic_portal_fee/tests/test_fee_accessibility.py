# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""WCAG 2.1 A/AA check (axe-core, issue 22) of the pages with a fee: the
service and its form, the request with its fee, the citizen's invoices."""

from odoo.tests import tagged

from odoo.addons.cic_portal.tests import test_accessibility

from .common import CicFeeCommon


@tagged("post_install", "-at_install")
class TestFeeAccessibility(CicFeeCommon, test_accessibility.AccessibilityCase):
    def test_fee_pages_logged_in(self):
        invoice = self.request.cic_invoice_id
        self.assertTrue(invoice)
        self._axe(
            [
                f"/ro/cic/services/{self.fee_service.slug}",
                f"/ro/cic/services/{self.fee_service.slug}/apply",
                f"/ro/my/requests/{self.request.id}",
                "/ro/my/invoices",
                f"/ro/my/invoices/{invoice.id}",
                "/ro" + invoice.get_portal_url(report_type="html"),
                "/ro/my/account",
            ],
            login=self.citizen.login,
        )
