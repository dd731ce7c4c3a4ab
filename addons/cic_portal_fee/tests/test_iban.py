# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""IBAN validation (R-ID-3): ``^RO\\d{2}[A-Z]{4}[A-Z0-9]{16}$`` plus the mod-97 check
of python-stdnum, on the institution's own (Treasury) accounts, on fee payments and on
the lines of a payment import; done by the finance users who enter them."""

import base64

from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase, new_test_user, tagged

from .common import CicPortalCommon

# Spec vectors (R-ID-3, docs/requirements.md): Treasury accounts quoted by
# validators_ro and isudj.igsu.ro, both with a right mod-97 check.
TREZ_A = "RO56TREZ0462107020101XXX"
TREZ_B = "RO87TREZ70020360150XXXXX"
# The same account with a wrong check digit (57 instead of 56).
BAD_CHECKSUM = "RO57TREZ0462107020101XXX"
# A valid German IBAN: right mod-97 but not Romanian.
FOREIGN = "DE89370400440532013000"
# Romanian layout broken: bank code with a digit (check digits recomputed so that
# only the pattern fails), too short.
BAD_BANK_CODE = "RO67TRE20462107020101XXX"
TOO_SHORT = "RO56TREZ0462107020101XX"


@tagged("post_install", "-at_install")
class TestIban(CicPortalCommon, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_cic_portal()
        cls.finance_admin = new_test_user(
            cls.env,
            login="iban_finance_admin",
            groups="account.group_account_manager,base.group_partner_manager",
        )
        cls.finance = new_test_user(
            cls.env, login="iban_finance", groups="cic_portal_fee.group_cic_finance"
        )
        cls.citizen = cls.env["res.partner"].create(
            {"name": "Ion Plătitorul", "email": "ion.platitor@example.com"}
        )
        cls.company_partner = cls.env.company.partner_id

    # Institution accounts ------------------------------------------------------
    def _treasury_account(self, number, user=None):
        return (
            self.env["res.partner.bank"]
            .with_user(user or self.finance_admin)
            .create({"acc_number": number, "partner_id": self.company_partner.id})
        )

    def test_treasury_account_vectors(self):
        self.assertEqual(self._treasury_account(TREZ_B).acc_number, TREZ_B)
        # Spaces and lower case (as printed on statements) are stored compact.
        # POLICY: the spec gives the pattern of the stored value, not of the input.
        account = self._treasury_account("ro56 trez 0462 1070 2010 1xxx")
        self.assertEqual(account.acc_number, TREZ_A)
        for number, message in (
            (BAD_CHECKSUM, "check digit is wrong"),
            (FOREIGN, "not a Romanian IBAN"),
            (BAD_BANK_CODE, "not a Romanian IBAN"),
            (TOO_SHORT, "not a Romanian IBAN"),
        ):
            with self.subTest(number=number):
                with self.assertRaisesRegex(ValidationError, message):
                    self._treasury_account(number)
        # A citizen's own (refund) account is not an institution account.
        account = (
            self.env["res.partner.bank"]
            .with_user(self.finance_admin)
            .create({"acc_number": FOREIGN, "partner_id": self.citizen.id})
        )
        self.assertEqual(account.acc_number, FOREIGN)

    def test_treasury_account_edit_checked(self):
        account = self._treasury_account(TREZ_A)
        with self.assertRaisesRegex(ValidationError, "check digit is wrong"):
            account.with_user(self.finance_admin).write({"acc_number": BAD_CHECKSUM})
        account.with_user(self.finance_admin).write({"acc_number": TREZ_B.lower()})
        self.assertEqual(account.acc_number, TREZ_B)

    def test_error_translated(self):
        self.env["res.lang"]._activate_lang("ro_RO")
        with self.assertRaisesRegex(ValidationError, "cifra de control"):
            self.env["res.partner.bank"].with_user(self.finance_admin).with_context(
                lang="ro_RO"
            ).create(
                {"acc_number": BAD_CHECKSUM, "partner_id": self.company_partner.id}
            )

    # Payments -------------------------------------------------------------------
    def _paid_request(self):
        ticket = self._make_request(self.citizen, service=self.fee_service)
        return ticket, ticket._cic_register_fee_payment(channel="bank")

    def test_payment_iban(self):
        _ticket, payment = self._paid_request()
        payment = payment.with_user(self.finance)
        payment.write({"cic_iban": "ro87 trez 7002 0360 150x xxxx"})
        self.assertEqual(payment.cic_iban, TREZ_B)
        for number, message in (
            (BAD_CHECKSUM, "check digit is wrong"),
            (FOREIGN, "not a Romanian IBAN"),
            (BAD_BANK_CODE, "not a Romanian IBAN"),
        ):
            with self.subTest(number=number):
                with self.assertRaisesRegex(ValidationError, message):
                    payment.write({"cic_iban": number})
        self.assertEqual(payment.cic_iban, TREZ_B)

    # Payment import -------------------------------------------------------------
    def _import(self, iban):
        ticket = self._make_request(self.citizen, service=self.fee_service)
        content = "\n".join(
            [
                "reference,amount,date,payer,transaction_id,iban",
                f"{ticket.cic_registration_number},25.50,2026-03-02,Ion,GH-7,{iban}",
            ]
        ).encode()
        wizard = (
            self.env["cic.payment.import"]
            .with_user(self.finance)
            .create({"file": base64.b64encode(content), "file_name": "ghiseul.csv"})
        )
        wizard.action_import()
        return ticket, wizard

    def test_import_stores_the_checked_iban(self):
        ticket, wizard = self._import(TREZ_A)
        self.assertIn("1 payments matched", wizard.result)
        self.assertEqual(ticket._cic_payments().cic_iban, TREZ_A)

    def test_import_refuses_a_line_with_an_invalid_iban(self):
        ticket, wizard = self._import(BAD_CHECKSUM)
        self.assertEqual(ticket.cic_fee_state, "unpaid")
        self.assertFalse(ticket._cic_payments())
        self.assertIn("line 2:", wizard.result)
        self.assertIn("check digit is wrong", wizard.result)
