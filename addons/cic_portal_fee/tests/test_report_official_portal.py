# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The payment receipt (chitanță) is an official PDF (issue 21): letterhead, page
numbers and every Romanian letter in extractable text, printed by the cashier."""

from odoo.tests import TransactionCase, new_test_user, tagged

from odoo.addons.cic_registry.tests.pdf_text import OfficialPdfMixin

from .common import CicPortalCommon


@tagged("post_install", "-at_install")
class TestPortalOfficialPdf(OfficialPdfMixin, CicPortalCommon, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_cic_portal()
        cls.setup_institution()
        cls.cashier = new_test_user(
            cls.env,
            login="cic_pdf_cashier",
            name="Călin Știrbu",
            groups="account.group_account_invoice",
            lang="ro_RO",
        )
        cls.citizen = cls.env["res.partner"].create(
            {"name": "Maria Georgescu", "email": "maria@example.com"}
        )

    def test_payment_receipt_pdf(self):
        ticket = self._make_request(self.citizen, service=self.fee_service)
        payment = self._pay(ticket.cic_invoice_id)
        text = self.render_text(
            "cic_portal_fee.action_report_cic_payment_receipt",
            payment,
            user=self.cashier,
        )
        self.assert_official(text)
        self.assertIn("Chitanță", text)
        self.assertIn(ticket.cic_registration_number, text)
