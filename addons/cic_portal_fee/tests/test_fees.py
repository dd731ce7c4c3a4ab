# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged

from .common import CicPortalCommon


@tagged("post_install", "-at_install")
class TestFees(CicPortalCommon, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_cic_portal()
        cls.citizen = cls.env["res.partner"].create(
            {"name": "Maria Georgescu", "email": "maria@example.com"}
        )

    def test_fee_blocks_release_until_paid(self):
        """Codul fiscal art. 473: no document before payment."""
        ticket = self._make_request(self.citizen, service=self.fee_service)
        self.assertEqual(ticket.cic_fee_state, "unpaid")
        self.assertFalse(ticket._cic_documents_released())
        self._pay(ticket.cic_invoice_id)
        self.assertEqual(ticket.cic_fee_state, "paid")
        self.assertTrue(ticket._cic_documents_released())

    def test_partial_payment_keeps_document_locked(self):
        ticket = self._make_request(self.citizen, service=self.fee_service)
        self._pay(ticket.cic_invoice_id, amount=10)
        self.assertEqual(ticket.cic_fee_state, "unpaid")
        self.assertFalse(ticket._cic_documents_released())

    def test_free_service_has_no_invoice(self):
        ticket = self._make_request(self.citizen, service=self.free_service)
        self.assertFalse(ticket.cic_invoice_id)
        self.assertEqual(ticket.cic_fee_state, "none")
        self.assertTrue(ticket._cic_documents_released())

    def test_invoice_created_once(self):
        ticket = self._make_request(self.citizen, service=self.fee_service)
        invoice = ticket.cic_invoice_id
        ticket._cic_create_fee_invoice()
        self.assertEqual(ticket.cic_invoice_id, invoice)
        self.assertEqual(invoice.cic_ticket_id, ticket)

    def test_payment_receipt_has_amount_in_words_and_number(self):
        ticket = self._make_request(self.citizen, service=self.fee_service)
        payment = self._pay(ticket.cic_invoice_id)
        self.assertEqual(payment.cic_ticket_ids, ticket)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "cic_portal_fee.action_report_cic_payment_receipt", payment.ids
            )[0]
            .decode()
        )
        self.assertIn("douăzeci și cinci de lei și cincizeci de bani", html)
        self.assertIn(ticket.cic_registration_number, html)

    def _import(self, rows, header="reference,amount,date,payer,transaction_id"):
        content = "\n".join([header] + rows).encode()
        wizard = self.env["cic.payment.import"].create(
            {"file": base64.b64encode(content), "file_name": "ghiseul.csv"}
        )
        wizard.action_import()
        return wizard

    def test_csv_import_matches_by_registration_number(self):
        ticket = self._make_request(self.citizen, service=self.fee_service)
        other = self._make_request(self.citizen, service=self.fee_service)
        number = ticket.cic_registration_number
        wizard = self._import(
            [
                f"{number},25.50,2026-03-02,Maria Georgescu,GH-1",
                "999/01.01.2000,10,02.03.2026,Nimeni,GH-2",
            ]
        )
        self.assertEqual(ticket.cic_fee_state, "paid")
        self.assertEqual(other.cic_fee_state, "unpaid")
        payment = ticket._cic_payments()
        self.assertEqual(payment.cic_channel, "ghiseul")
        self.assertEqual(payment.cic_external_ref, "GH-1")
        self.assertIn("1 payments matched", wizard.result)
        self.assertIn("999/01.01.2000", wizard.result)
        # The same statement imported again pays nothing twice.
        self._import(
            [f"{ticket.cic_registration_number},25.50,2026-03-02,Maria Georgescu,GH-1"]
        )
        self.assertEqual(len(ticket._cic_payments()), 1)

    def test_csv_import_requires_columns(self):
        with self.assertRaises(UserError):
            self._import(["x,1"], header="reference,amount")
