# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The payer's CNP/CUI on a fee payment: validated with the petitioner's
normalisers, masked on read, searches logged, never exported (issue 14, point 12)."""

import base64

from odoo.exceptions import UserError, ValidationError
from odoo.tests import TransactionCase, new_test_user, tagged

from .common import CicPortalCommon

PAYER_CNP = "1630615123457"


@tagged("post_install", "-at_install")
class TestPaymentPayer(CicPortalCommon, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_cic_portal()
        cls.citizen = cls.env["res.partner"].create(
            {"name": "Maria Plătitoare", "email": "maria.payer@example.com"}
        )
        cls.finance = new_test_user(
            cls.env,
            login="payer_finance",
            groups="account.group_account_manager,base.group_allow_export",
        )
        cls.Log = cls.env["cic.cnp.access.log"].sudo()

    def _import(self, payer_id):
        ticket = self._make_request(self.citizen, service=self.fee_service)
        content = "\n".join(
            [
                "reference,amount,date,payer,transaction_id,payer_id",
                f"{ticket.cic_registration_number},25.50,2026-03-02,Maria,GH-9,"
                f"{payer_id}",
            ]
        ).encode()
        wizard = self.env["cic.payment.import"].create(
            {"file": base64.b64encode(content), "file_name": "ghiseul.csv"}
        )
        wizard.action_import()
        return ticket, wizard

    def test_import_validates_and_stores_the_payer(self):
        ticket, wizard = self._import(f" {PAYER_CNP} ")
        payment = ticket._cic_payments()
        self.assertEqual(payment.sudo().cic_payer_vat, PAYER_CNP)
        ticket, wizard = self._import("RO13548146")
        self.assertEqual(ticket._cic_payments().sudo().cic_payer_vat, "13548146")

    def test_invalid_payer_is_refused_without_repeating_it(self):
        ticket, wizard = self._import("1630615123450")
        self.assertEqual(ticket.cic_fee_state, "unpaid")
        self.assertIn("the payer's CNP/CUI is not valid", wizard.result)
        self.assertNotIn("1630615123450", wizard.result)
        payment = self.env["account.payment"].search([], limit=1)
        with self.assertRaises(ValidationError):
            payment.write({"cic_payer_vat": "123"})

    def test_finance_reads_the_mask_and_cannot_export(self):
        ticket, _wizard = self._import(PAYER_CNP)
        payment = ticket._cic_payments().with_user(self.finance)
        self.assertEqual(
            payment.read(["cic_payer_vat"])[0]["cic_payer_vat"], "**********457"
        )
        with self.assertRaisesRegex(UserError, "cannot be exported"):
            payment.export_data(["name", "cic_payer_vat"])
        found = (
            self.env["account.payment"]
            .with_user(self.finance)
            .search([("cic_payer_vat", "=", PAYER_CNP)])
        )
        self.assertEqual(found, payment)
        log = self.Log.search(
            [("user_id", "=", self.finance.id), ("access_type", "=", "search")]
        )
        self.assertEqual(log.res_model, "account.payment")
        self.assertEqual(log.search_value, "cic_payer_vat = **********457")
