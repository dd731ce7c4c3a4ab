# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Finance does his whole job as himself (issue 16, point 1): he sees every fee
with its request's number, petitioner, service, amount and state, but never the
request's content, documents or CNP; lists payments with their requests;
imports a Ghișeul.ro/bank statement matched by registration number, invoice
number or payment reference; matches the rest by hand; records a counter
payment and prints its receipt; reconciles the statement lines; reads the fees
report. Every step runs as the finance user (``with_user``, and a browser tour
started with his login)."""

import base64

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, TransactionCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger
from odoo.tools.safe_eval import safe_eval

from odoo.addons.cic_registry.tests.pdf_text import pdf_text

from .common import CicPortalCommon

PAYER_CNP = "1630615123457"
WORDS_25_50 = "douăzeci și cinci de lei și cincizeci de bani"


class CicFinanceCommon(CicPortalCommon):
    """A finance user, a clerk, a citizen with a CNP, and journals; the data is
    set up as the administrator, the journey runs as finance."""

    @classmethod
    def _setup_cic_finance(cls):
        cls._setup_cic_portal()
        cls.company = cls.env.company
        cls.finance = new_test_user(
            cls.env,
            login="cic_fin_journey",
            groups="cic_portal_fee.group_cic_finance",
            name="Petru Contabil",
        )
        cls.clerk = new_test_user(
            cls.env,
            login="cic_fin_clerk",
            groups="cic_registry.group_cic_clerk",
            name="Ghișeu Test",
        )
        cls.citizen = cls.env["res.partner"].create(
            {"name": "Maria Georgescu", "email": "maria.fin@example.com"}
        )
        cls.bank = cls._journal("bank", "Trezorerie test", "TRZT")
        cls.cash = cls._journal("cash", "Casierie test", "CSRT")

    @classmethod
    def _journal(cls, journal_type, name, code):
        journal = cls.env["account.journal"].search(
            [("type", "=", journal_type), ("company_id", "=", cls.company.id)],
            limit=1,
        )
        return journal or cls.env["account.journal"].create(
            {"name": name, "type": journal_type, "code": code}
        )

    @classmethod
    def _fee(cls, partner=None, payment_reference=None):
        ticket = cls._make_request(partner or cls.citizen, service=cls.fee_service)
        if payment_reference:
            ticket.cic_invoice_id.payment_reference = payment_reference
        return ticket

    @staticmethod
    def _csv(rows, header="reference,amount,date,payer,transaction_id,payer_id"):
        return base64.b64encode("\n".join([header, *rows]).encode())


@tagged("post_install", "-at_install")
class TestFinanceJourney(CicFinanceCommon, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_cic_finance()
        cls.citizen.cic_cnp = PAYER_CNP
        cls.ticket = cls._fee()
        cls.invoice = cls.ticket.cic_invoice_id
        cls.secret = cls.env["ir.attachment"].create(
            {
                "name": "act-identitate.pdf",
                "datas": base64.b64encode(b"%PDF-1.4 CI"),
                "res_model": "helpdesk.ticket",
                "res_id": cls.ticket.id,
            }
        )
        cls.ticket.sudo().write(
            {
                "description": "<p>Conținutul cererii</p>",
                "cic_answer_body": "<p>Răspuns</p>",
            }
        )

    def _import(self, rows, user=None, **vals):
        wizard = (
            self.env["cic.payment.import"]
            .with_user(user or self.finance)
            .create(
                {
                    "file": self._csv(rows),
                    "file_name": "ghiseul.csv",
                    "journal_id": self.bank.id,
                    **vals,
                }
            )
        )
        wizard.action_import()
        return wizard

    def _lines(self, wizard):
        return (
            self.env["cic.payment.import.line"]
            .with_user(self.finance)
            .search([("statement_line_id.statement_id", "=", wizard.statement_id.id)])
        )

    # Rules -------------------------------------------------------------------
    def test_finance_sees_every_fee_with_its_request(self):
        Move = self.env["account.move"].with_user(self.finance)
        action = Move.env["ir.actions.act_window"]._for_xml_id(
            "cic_portal_fee.action_cic_fee"
        )
        fees = Move.search(safe_eval(action["domain"]))
        self.assertIn(self.invoice, fees)
        row = self.invoice.with_user(self.finance).read(
            [
                "cic_registration_number",
                "cic_petitioner_name",
                "cic_service_id",
                "amount_total",
                "payment_state",
            ]
        )[0]
        self.assertEqual(
            row["cic_registration_number"], self.ticket.cic_registration_number
        )
        self.assertEqual(row["cic_petitioner_name"], "Maria Georgescu")
        self.assertEqual(row["cic_service_id"][0], self.fee_service.id)
        self.assertEqual(row["amount_total"], 25.5)
        self.assertEqual(row["payment_state"], "not_paid")
        # The fee list and the invoice form load as the web client loads them.
        self._web_read_views(fees, ("list", "form"))

    def test_finance_cannot_read_the_request_its_documents_or_the_cnp(self):
        ticket = self.ticket.with_user(self.finance)
        for field_name in ("description", "cic_answer_body", "name", "attachment_ids"):
            with self.assertRaises(AccessError, msg=field_name):
                ticket.read([field_name])
        with self.assertRaises(AccessError):
            self.invoice.with_user(self.finance).cic_ticket_id.description  # noqa: B018
        with self.assertRaises(AccessError):
            ticket.write({"name": "Schimbat de contabil"})
        with self.assertRaises(AccessError):
            self.secret.with_user(self.finance).read(["datas"])
        found = (
            self.env["ir.attachment"]
            .with_user(self.finance)
            .search([("res_model", "=", "helpdesk.ticket")])
        )
        self.assertNotIn(self.secret, found)
        with self.assertRaises(AccessError):
            self.citizen.with_user(self.finance).read(["cic_cnp"])

    def test_payments_list_shows_the_requests(self):
        """Failed before: the payments' 'CIC requests' column read the requests."""
        payment = self.invoice._cic_register_fee_payment(channel="online")
        Payment = self.env["account.payment"].with_user(self.finance)
        action = Payment.env["ir.actions.act_window"]._for_xml_id(
            "cic_portal_fee.action_cic_fee_payment"
        )
        payments = Payment.search(safe_eval(action["domain"]))
        self.assertIn(payment, payments)
        self._web_read_views(payments, ("list", "form"))
        self.assertEqual(
            payment.with_user(self.finance).cic_registration_numbers,
            self.ticket.cic_registration_number,
        )

    def _web_read_views(self, records, view_types):
        """Read every field of the views as the web client does (many2one and
        many2many with their display names)."""
        for view_type in view_types:
            views = records.get_views([(False, view_type)])
            fields = views["models"][records._name]["fields"]
            spec = {
                name: {"fields": {"display_name": {}}}
                if desc["type"] in ("many2one", "many2many")
                else {}
                for name, desc in fields.items()
            }
            records.web_read(spec)

    # Statement import ----------------------------------------------------------
    def test_import_matches_by_each_key(self):
        """Failed before for the registration number: 'no open fee'."""
        by_invoice = self._fee()
        by_reference = self._fee(payment_reference="CIC-PLATA-0003")
        wizard = self._import(
            [
                f"{self.ticket.cic_registration_number},25.50,2026-03-02,Maria,GH-1,"
                f"{PAYER_CNP}",
                f"Taxa {by_invoice.cic_invoice_id.name} certificat,25.50,02.03.2026,"
                "Maria,GH-2,",
                "cic-plata-0003,25.50,2026-03-02,Maria,GH-3,",
            ]
        )
        self.assertIn("3 payments matched", wizard.result)
        lines = self._lines(wizard)
        self.assertEqual(len(lines), 3)
        methods = {line.transaction_id: line.match_method for line in lines}
        self.assertEqual(
            methods,
            {
                "GH-1": "registration_number",
                "GH-2": "invoice",
                "GH-3": "payment_reference",
            },
        )
        for ticket in (self.ticket, by_invoice, by_reference):
            self.assertEqual(ticket.cic_fee_state, "paid")
            payment = ticket._cic_payments()
            self.assertEqual(payment.cic_channel, "ghiseul")
            # Odoo's bank reconciliation: the statement line clears the payment.
            self.assertTrue(payment.is_matched)
            self.assertEqual(payment.state, "paid")
        self.assertTrue(all(lines.statement_line_id.mapped("is_reconciled")))
        first = lines.filtered(lambda line: line.transaction_id == "GH-1")
        self.assertEqual(first.read(["payer_vat"])[0]["payer_vat"], "**********457")
        self.assertEqual(first.payment_id.sudo().cic_payer_vat, PAYER_CNP)

    def test_unmatched_lines_listed_and_matched_by_hand(self):
        other = self._fee()
        paid = self._fee()
        paid.cic_invoice_id._cic_register_fee_payment()
        wizard = self._import(
            [
                "taxa fara numar,25.50,2026-03-02,Ion,GH-10,",
                f"{paid.cic_registration_number},25.50,2026-03-02,Ion,GH-11,",
                f"{other.cic_registration_number},99.00,2026-03-02,Ion,GH-12,",
            ]
        )
        self.assertIn("0 payments matched", wizard.result)
        self.assertEqual(wizard.unmatched_count, 3)
        action = wizard.action_open_unmatched()
        todo = (
            self.env["cic.payment.import.line"]
            .with_user(self.finance)
            .search(action["domain"])
        )
        self.assertEqual(len(todo), 3)
        line = todo.filtered(lambda line: line.transaction_id == "GH-10")
        self.assertFalse(line.statement_line_id.is_reconciled)
        with self.assertRaises(UserError):
            line.action_match()  # no fee chosen
        for forged in ({"state": "matched"}, {"note": False}, {"amount": 1.0}):
            with self.assertRaises(UserError, msg=forged):
                line.write(forged)
        line.invoice_id = paid.cic_invoice_id
        with self.assertRaises(UserError):
            line.action_match()  # that fee is paid
        line.invoice_id = other.cic_invoice_id
        line.action_match()
        self.assertEqual(line.state, "matched")
        self.assertEqual(line.match_method, "manual")
        self.assertEqual(other.cic_fee_state, "paid")
        self.assertTrue(line.statement_line_id.is_reconciled)
        self.assertEqual(line.payment_id.state, "paid")
        with self.assertRaises(UserError):
            line.action_match()  # matched once
        # Too much for the fee: never matched automatically nor by hand.
        too_much = todo.filtered(lambda line: line.transaction_id == "GH-12")
        self.assertIn("more than", too_much.note)
        too_much.invoice_id = self._fee().cic_invoice_id
        with self.assertRaises(UserError):
            too_much.action_match()
        # The same statement again pays nothing twice.
        again = self._import(["taxa fara numar,25.50,2026-03-02,Ion,GH-10,"])
        self.assertIn("already imported", again.result)
        self.assertEqual(len(other._cic_payments()), 1)

    def test_statement_lines_per_company_and_only_for_finance(self):
        self._import(["necunoscut,10,2026-03-02,Ion,GH-20,"])
        Line = self.env["cic.payment.import.line"]
        self.assertTrue(Line.with_user(self.finance).search([]))
        other_company = self.env["res.company"].create({"name": "Primăria Alta"})
        finance_b = new_test_user(
            self.env,
            login="cic_fin_other",
            groups="cic_portal_fee.group_cic_finance",
            company_id=other_company.id,
            company_ids=[Command.set(other_company.ids)],
        )
        self.assertFalse(Line.with_user(finance_b).search([]))
        self.assertFalse(self.env["cic.fee.report"].with_user(finance_b).search([]))
        for model in (
            "cic.payment.import.line",
            "cic.fee.report",
            "cic.payment.import",
        ):
            with self.assertRaises(AccessError, msg=model):
                self.env[model].with_user(self.clerk).search([])

    # Counter payment and receipt --------------------------------------------
    def test_counter_payment_and_receipt(self):
        invoice = self.invoice.with_user(self.finance)
        action = invoice.action_cic_counter_payment()
        wizard = (
            self.env["account.payment.register"]
            .with_user(self.finance)
            .with_context(**action["context"])
            .create({})
        )
        self.assertEqual(wizard.journal_id, self.cash)
        self.assertEqual(wizard.cic_channel, "counter")
        payment = wizard._create_payments()
        self.assertEqual(payment.cic_channel, "counter")
        self.assertEqual(self.ticket.cic_fee_state, "paid")
        receipt = payment.action_cic_view_receipt()
        self.assertEqual(receipt["report_type"], "qweb-html")
        html = (
            self.env["ir.actions.report"]
            .with_user(self.finance)
            ._render_qweb_html(
                "cic_portal_fee.action_report_cic_payment_receipt", payment.ids
            )[0]
            .decode()
        )
        self.assertIn(WORDS_25_50, html)
        self.assertIn(self.ticket.cic_registration_number, html)
        pdf, fmt = (
            self.env["ir.actions.report"]
            .with_user(self.finance)
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(
                "cic_portal_fee.action_report_cic_payment_receipt", payment.ids
            )
        )
        self.assertEqual(fmt, "pdf")
        self.assertIn(WORDS_25_50, " ".join(pdf_text(pdf).split()))

    # Report --------------------------------------------------------------------
    def test_fees_report_by_service_channel_and_month(self):
        self.invoice._cic_register_fee_payment(channel="counter", journal=self.cash)
        self._fee()  # not paid
        Report = self.env["cic.fee.report"].with_user(self.finance)
        groups = Report.read_group(
            [("service_id", "=", self.fee_service.id)],
            ["amount:sum", "amount_paid:sum"],
            ["channel", "date:month"],
            lazy=False,
        )
        by_channel = {group["channel"]: group for group in groups}
        self.assertEqual(by_channel["counter"]["amount_paid"], 25.5)
        self.assertEqual(by_channel["none"]["amount_paid"], 0.0)
        self.assertEqual(by_channel["none"]["amount"], 25.5)
        for view_type in ("pivot", "graph"):
            Report.get_views([(False, view_type)])


@tagged("post_install", "-at_install")
class TestFinanceTour(CicFinanceCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_cic_finance()
        cls.finance.password = "cic_fin_journey"
        first = cls.env["res.partner"].create({"name": "Tur Plătitor Unu"})
        second = cls.env["res.partner"].create({"name": "Tur Plătitor Doi"})
        cls.by_reference = cls._fee(first, payment_reference="CIC-TUR-PLATA-1")
        cls.by_hand = cls._fee(second)
        cls.paid_online = cls._fee()
        cls.paid_online.cic_invoice_id._cic_register_fee_payment(channel="online")

    def test_finance_tour(self):
        self.start_tour("/odoo", "cic_portal_finance_tour", login="cic_fin_journey")
        self.assertEqual(self.by_reference.cic_fee_state, "paid")
        self.assertEqual(self.by_hand.cic_fee_state, "paid")
        line = self.env["cic.payment.import.line"].search(
            [("transaction_id", "=", "GH-TUR-2")]
        )
        self.assertEqual(line.match_method, "manual")
        self.assertEqual(line.create_uid, self.finance)
        self.assertTrue(line.statement_line_id.is_reconciled)

    def _call(self, model, method, *args, **kwargs):
        with mute_logger("odoo.http"):
            return self.make_jsonrpc_request(
                "/web/dataset/call_kw",
                {
                    "model": model,
                    "method": method,
                    "args": list(args),
                    "kwargs": kwargs,
                },
            )

    def test_finance_over_json_rpc(self):
        """What the web client could be made to send, as finance: the request's
        content through the fee is refused, a statement line's result cannot be
        written."""
        self.authenticate("cic_fin_journey", "cic_fin_journey")
        invoice = self.by_hand.cic_invoice_id
        rows = self._call(
            "account.move",
            "web_read",
            invoice.ids,
            specification={
                "cic_registration_number": {},
                "cic_petitioner_name": {},
                "cic_ticket_id": {"fields": {"display_name": {}}},
            },
        )
        self.assertEqual(rows[0]["cic_petitioner_name"], "Tur Plătitor Doi")
        for spec in (
            {"description": {}},
            {"cic_answer_body": {}},
            {"attachment_ids": {}},
        ):
            with self.assertRaisesRegex(JsonRpcException, "AccessError", msg=spec):
                self._call(
                    "account.move",
                    "web_read",
                    invoice.ids,
                    specification={"cic_ticket_id": {"fields": spec}},
                )
        with self.assertRaisesRegex(JsonRpcException, "AccessError"):
            self._call("helpdesk.ticket", "read", self.by_hand.ids, ["description"])
        content = self._csv(["necunoscut,25.50,2026-03-02,Ion,GH-RPC-1,"])
        wizard_id = self._call(
            "cic.payment.import",
            "create",
            {"file": content.decode(), "file_name": "rpc.csv"},
        )
        self._call("cic.payment.import", "action_import", [wizard_id])
        line = self.env["cic.payment.import.line"].search(
            [("transaction_id", "=", "GH-RPC-1")]
        )
        self.assertEqual(line.state, "unmatched")
        with self.assertRaisesRegex(JsonRpcException, "UserError"):
            self._call(
                "cic.payment.import.line",
                "write",
                line.ids,
                {"state": "matched", "match_method": "manual"},
            )
        self.assertEqual(line.state, "unmatched")
