# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Fees gate the back office too (issue 15 point 6, R-POR-3, R-544-4).

A paid service's answer is not dispatched, and its documents or the copies of public
information are not released, before the fee is paid, unless a department head
records an exemption with its reason. The Law 544 copy fee (pages x tariff) is
invoiced to the requester before the copies are released; access without copies
stays free. Tried as the clerk who dispatches, the head who exempts, finance who
records the payment and the citizen who fetches the answer on the portal.
"""

import base64

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user, tagged

from .common import CicPortalHttpCase


@tagged("post_install", "-at_install")
class TestFeeGate(CicPortalHttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.clerk = new_test_user(
            cls.env, login="cic_gate_clerk", groups="cic_registry.group_cic_clerk"
        )
        cls.head = new_test_user(
            cls.env,
            login="cic_gate_head",
            groups="cic_registry.group_cic_department_head",
        )
        cls.staff = new_test_user(
            cls.env, login="cic_gate_staff", groups="cic_registry.group_cic_department"
        )
        cls.finance = new_test_user(
            cls.env,
            login="cic_gate_finance",
            groups="base.group_user,account.group_account_invoice",
        )
        cls.team = cls.env["helpdesk.ticket.team"].create(
            {
                "name": "Gate urbanism",
                "cic_head_id": cls.head.id,
                "user_ids": [(6, 0, (cls.head | cls.staff).ids)],
            }
        )
        cls.citizen = cls.portal_a.partner_id
        cls.citizen.write({"street": "Strada Mare 1", "city": "Exemplu"})
        # A3 colour at 1.25 lei per page: 12 pages cost 15.00 lei.
        Tariff = cls.env["cic.foi.copy.tariff"]
        cls.tariff = Tariff.search(
            [
                ("company_id", "=", cls.env.company.id),
                ("paper_format", "=", "a3"),
                ("colour", "=", "colour"),
            ]
        ) or Tariff.create(
            {"paper_format": "a3", "colour": "colour", "price_per_page": 1}
        )
        cls.tariff.price_per_page = 1.25

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def service_request(self):
        ticket = self._make_request(
            self.citizen, self.procedure_service, self.fee_service, "Certificat gate"
        )
        ticket.team_id = self.team
        self.answer(ticket)
        return ticket

    def foi_request(self, pages=0):
        ticket = self._make_request(
            self.citizen,
            self.env.ref("cic_registry.procedure_foi_request"),
            name="Contracte de salubrizare 2025",
        )
        ticket.team_id = self.team
        self.answer(ticket, basis="Legea 544/2001 art. 6")
        if pages:
            ticket.with_user(self.clerk).write(
                {"cic_foi_copy_tariff_id": self.tariff.id, "cic_foi_copy_pages": pages}
            )
        return ticket

    def answer(self, ticket, basis="HCL 12/2026"):
        ticket.with_user(self.staff).write(
            {
                "cic_answer_body": "<p>Vă transmitem documentul solicitat.</p>",
                "cic_answer_legal_basis": basis,
            }
        )

    def attach_document(self, ticket, name="copii-contract.pdf"):
        """The clerk puts the issued document (or the copies) on the entry."""
        document = self.env["ir.attachment"].create(
            {
                "name": name,
                "datas": base64.b64encode(b"%PDF-1.4 copii"),
                "res_model": "helpdesk.ticket",
                "res_id": ticket.id,
            }
        )
        ticket.with_user(self.clerk).cic_released_attachment_ids = document
        return document

    def dispatch(self, ticket):
        return ticket.with_user(self.clerk).action_cic_dispatch_answer()

    def assertDispatchRefused(self, ticket, *fragments):
        with self.assertRaises(UserError) as caught:
            self.dispatch(ticket)
        for fragment in fragments:
            self.assertIn(fragment, str(caught.exception))
        self.assertFalse(ticket.cic_answer_ids, "no answer letter was registered")
        self.assertFalse(ticket.cic_closure_reason)
        self.assertFalse(ticket.cic_dispatch_date)

    def assertAnswered(self, ticket):
        self.assertEqual(ticket.cic_closure_reason, "answered")
        self.assertEqual(ticket.cic_answer_ids.cic_letter_type, "answer")

    def pay(self, ticket):
        """Finance records the payment on the invoice (Accounting)."""
        invoice = ticket.sudo().cic_invoice_id.with_user(self.finance)
        payment = self._pay(invoice)
        ticket.invalidate_recordset(["cic_fee_state"])
        return payment

    def exempt(self, ticket, user, reason):
        wizard = Form(
            self.env["cic.fee.exempt"]
            .with_user(user)
            .with_context(default_ticket_id=ticket.id)
        )
        wizard.reason = reason
        return wizard.save().action_confirm()

    # ------------------------------------------------------------------
    # A paid service
    # ------------------------------------------------------------------
    def test_dispatch_refused_while_unpaid_then_allowed_after_payment(self):
        ticket = self.service_request()
        invoice = ticket.cic_invoice_id
        self.assertEqual(ticket.cic_fee_state, "unpaid")
        self.assertDispatchRefused(ticket, invoice.name)
        self.assertFalse(ticket._cic_documents_released())
        self.pay(ticket)
        self.assertEqual(ticket.cic_fee_state, "paid")
        self.dispatch(ticket)
        self.assertAnswered(ticket)

    def test_dispatch_refused_while_the_fee_is_not_invoiced(self):
        """A paid service entered at the counter, without its invoice yet: the
        clerk invoices it (no accounting right needed) before the release."""
        ticket = (
            self.env["helpdesk.ticket"]
            .with_user(self.clerk)
            .create(
                {
                    "name": "Certificat la ghișeu",
                    "description": "<p>Cerere</p>",
                    "partner_id": self.citizen.id,
                    "team_id": self.team.id,
                    "cic_procedure_id": self.procedure_service.id,
                    "cic_service_id": self.fee_service.id,
                }
            )
        )
        self.answer(ticket)
        self.assertFalse(ticket.cic_invoice_id)
        self.assertDispatchRefused(ticket, "not invoiced", self.fee_service.name)
        with self.assertRaises(AccessError):
            ticket.with_user(self.staff).action_cic_invoice_fee()
        ticket.with_user(self.clerk).action_cic_invoice_fee()
        invoice = ticket.sudo().cic_invoice_id
        self.assertEqual(invoice.partner_id, self.citizen)
        self.assertEqual(invoice.state, "posted")
        self.assertAlmostEqual(invoice.amount_total, 25.5)
        with self.assertRaises(UserError):
            ticket.with_user(self.clerk).action_cic_invoice_fee()
        self.assertDispatchRefused(ticket, invoice.name)
        self.pay(ticket)
        self.dispatch(ticket)
        self.assertAnswered(ticket)

    def test_citizen_cannot_fetch_the_answer_before_payment(self):
        ticket = self.service_request()
        document = self.attach_document(ticket, "certificat-urbanism.pdf")
        with self.assertRaises(UserError):
            self.dispatch(ticket)
        self.authenticate("cic_portal_a", "cic_portal_a")
        requests = self.url_open("/my/requests")
        self.assertIn(ticket.cic_registration_number, requests.text)
        self.assertNotIn("Answer to no.", requests.text)
        url = f"/my/requests/{ticket.id}/document/{document.id}"
        locked = self.url_open(url, allow_redirects=False)
        self.assertEqual(locked.status_code, 303)
        self.assertIn("document_locked", locked.headers["Location"])
        self.pay(ticket)
        self.dispatch(ticket)
        released = self.url_open(url, allow_redirects=False)
        self.assertEqual(released.status_code, 200)
        self.assertIn(b"copii", released.content)
        answer = ticket.cic_answer_ids
        page = self.url_open(f"/my/requests/{answer.id}")
        self.assertIn(answer.cic_registration_number, page.text)

    # ------------------------------------------------------------------
    # Exemption
    # ------------------------------------------------------------------
    def test_exemption_with_reason_releases_and_is_recorded(self):
        ticket = self.service_request()
        invoice = ticket.cic_invoice_id
        reason = "Codul fiscal art. 476 alin. (1) lit. a): veteran de război."
        self.exempt(ticket, self.head, reason)
        self.assertEqual(ticket.cic_fee_exempt_by_id, self.head)
        self.assertEqual(ticket.cic_fee_exempt_reason, reason)
        self.assertTrue(ticket.cic_fee_exempt_date)
        self.assertEqual(ticket.cic_fee_state, "exempt")
        self.assertTrue(ticket._cic_documents_released())
        rows = self.env["cic.audit.log"].search(
            [
                ("res_model", "=", "helpdesk.ticket"),
                ("res_id", "=", ticket.id),
                ("event", "=", "fee_exemption"),
            ]
        )
        self.assertEqual(len(rows), 1)
        self.assertEqual(rows.user_id, self.head)
        self.assertEqual(rows.new_value, reason)
        self.assertEqual(rows.old_value, invoice.name)
        note = ticket.message_ids.filtered(lambda m: reason in (m.body or ""))
        self.assertEqual(note.author_id, self.head.partner_id)
        self.dispatch(ticket)
        self.assertAnswered(ticket)
        with self.assertRaises(UserError):  # once is enough
            self.exempt(ticket, self.head, "Din nou")

    def test_chatter_does_not_send_documents_before_payment(self):
        """The clerk cannot e-mail the issued document to the petitioner through
        the chatter while the fee is unpaid; an internal note may carry it, and
        once paid the message goes."""
        ticket = self.service_request()
        document = self.attach_document(ticket, "certificat-urbanism.pdf")
        as_clerk = ticket.with_user(self.clerk)
        with self.assertRaisesRegex(UserError, "internal note"):
            as_clerk.message_post(
                body="Vă transmitem certificatul.",
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                partner_ids=self.citizen.ids,
                attachment_ids=document.ids,
            )
        with self.assertRaisesRegex(UserError, "internal note"):
            as_clerk.message_post(
                body="Vă transmitem certificatul.",
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                attachments=[("certificat.pdf", b"%PDF-1.4 certificat")],
            )
        note = as_clerk.message_post(
            body="Certificatul, pentru dosar.",
            subtype_xmlid="mail.mt_note",
            attachment_ids=document.ids,
        )
        self.assertTrue(note.is_internal or note.subtype_id.internal)
        self.pay(ticket)
        sent = as_clerk.message_post(
            body="Vă transmitem certificatul.",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            partner_ids=self.citizen.ids,
            attachment_ids=document.ids,
        )
        self.assertEqual(sent.attachment_ids, document)

    def test_exemption_settles_the_invoice(self):
        """Nothing stays owed: the invoice gets a credit note for what is left to
        pay (here after a partial payment at the counter), reconciled with it, so
        finance's receivables show nothing due."""
        ticket = self.service_request()
        invoice = ticket.sudo().cic_invoice_id
        self._pay(invoice.with_user(self.finance), amount=10.5)
        self.assertEqual(invoice.amount_residual, 15.0)
        self.exempt(ticket, self.head, "HCL 45/2026: scutire pentru pensionari.")
        refund = self.env["account.move"].search(
            [("reversed_entry_id", "=", invoice.id)]
        )
        self.assertEqual(refund.move_type, "out_refund")
        self.assertEqual(refund.state, "posted")
        self.assertEqual(refund.amount_total, 15.0)
        self.assertEqual(refund.ref, "HCL 45/2026: scutire pentru pensionari.")
        self.assertEqual(invoice.amount_residual, 0.0)
        self.assertEqual(refund.amount_residual, 0.0)
        self.assertEqual(ticket.cic_fee_state, "exempt")
        due = (
            self.env["account.move"]
            .with_user(self.finance)
            .search_count(
                [
                    ("id", "=", invoice.id),
                    ("payment_state", "in", ("not_paid", "partial")),
                ]
            )
        )
        self.assertEqual(due, 0, "finance sees nothing left to collect")
        self.assertIn(refund.name, ticket.message_ids[0].body)

    def test_exemption_without_reason_refused(self):
        ticket = self.service_request()
        for reason in ("", "   \n "):
            with self.assertRaises(UserError):
                ticket.with_user(self.head)._cic_exempt_fee(reason)
        with self.assertRaises(AssertionError):  # the wizard requires the reason
            self.exempt(ticket, self.head, False)
        self.assertFalse(ticket.cic_fee_exempt_by_id)
        self.assertFalse(ticket.cic_fee_exempt_reason)
        self.assertDispatchRefused(ticket, ticket.cic_invoice_id.name)

    def test_exemption_without_the_head_group_refused(self):
        ticket = self.service_request()
        for user in (self.clerk, self.staff, self.finance):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    ticket.with_user(user)._cic_exempt_fee("Scutit")
                with self.assertRaises(AccessError):
                    self.exempt(ticket, user, "Scutit")
        self.assertFalse(ticket.cic_fee_exempt_by_id)
        self.assertDispatchRefused(ticket, ticket.cic_invoice_id.name)

    def test_nothing_to_exempt_when_paid_or_free(self):
        paid = self.service_request()
        self.pay(paid)
        free = self.foi_request()
        for ticket in (paid, free):
            with self.assertRaises(UserError):
                ticket.with_user(self.head)._cic_exempt_fee("Scutit")
            self.assertFalse(ticket.cic_fee_exempt_by_id)

    # ------------------------------------------------------------------
    # Law 544 copies (R-544-4)
    # ------------------------------------------------------------------
    def test_copy_fee_invoiced_as_pages_times_tariff_before_release(self):
        ticket = self.foi_request(pages=12)
        self.assertAlmostEqual(ticket.cic_foi_copy_fee, 15.0)  # 12 x 1.25
        self.assertDispatchRefused(ticket, "12 pages")
        ticket.with_user(self.clerk).action_cic_invoice_fee()
        invoice = ticket.sudo().cic_invoice_id
        self.assertEqual(invoice.move_type, "out_invoice")
        self.assertEqual(invoice.partner_id, self.citizen)
        self.assertEqual(invoice.state, "posted")
        self.assertAlmostEqual(invoice.amount_total, 15.0)
        self.assertIn("12", invoice.invoice_line_ids.name)
        self.assertDispatchRefused(ticket, invoice.name)
        # The invoice says 12 pages: the copies are not changed behind it.
        with self.assertRaises(UserError):
            ticket.with_user(self.clerk).cic_foi_copy_pages = 2
        self.assertEqual(ticket.cic_foi_copy_pages, 12)
        # Finance cancels it to correct the copies; the clerk invoices them again.
        invoice = invoice.with_user(self.finance)
        invoice.button_draft()
        invoice.button_cancel()
        ticket.with_user(self.clerk).cic_foi_copy_pages = 10
        self.assertDispatchRefused(ticket, "10 pages")
        ticket.with_user(self.clerk).action_cic_invoice_fee()
        invoice = ticket.sudo().cic_invoice_id
        self.assertEqual(invoice.state, "posted")
        self.assertAlmostEqual(invoice.amount_total, 12.5)  # 10 x 1.25
        self.pay(ticket)
        self.dispatch(ticket)
        self.assertAnswered(ticket)

    def test_partial_refusal_with_copies_waits_for_payment(self):
        """A partial refusal communicates the rest of the information (with its
        copies): a release too. A full refusal releases nothing and is sent."""
        ticket = self.foi_request(pages=12)
        ticket.with_user(self.clerk).action_cic_invoice_fee()
        with self.assertRaises(UserError):
            ticket.with_user(self.clerk)._cic_foi_refuse(
                "personal_data",
                "Anexele conțin date personale.",
                partial=True,
                answered_part="<p>Contractul, fără anexe.</p>",
            )
        self.assertFalse(ticket.cic_answer_ids)
        ticket.with_user(self.clerk)._cic_foi_refuse(
            "personal_data", "Toate documentele conțin date personale."
        )
        self.assertEqual(ticket.cic_closure_reason, "refused")

    def test_copies_not_released_on_the_portal_before_payment(self):
        ticket = self.foi_request(pages=12)
        document = self.attach_document(ticket)
        url = f"/my/requests/{ticket.id}/document/{document.id}"
        self.authenticate("cic_portal_a", "cic_portal_a")
        self.assertCopiesLocked(ticket, url)  # not invoiced yet
        ticket.with_user(self.clerk).action_cic_invoice_fee()
        self.assertCopiesLocked(ticket, url)  # invoiced, not paid
        page = self.url_open(f"/my/requests/{ticket.id}")
        self.assertIn('o_cic_pay"', page.text)
        self.pay(ticket)
        page = self.url_open(f"/my/requests/{ticket.id}")
        self.assertIn(url, page.text)
        response = self.url_open(url, allow_redirects=False)
        self.assertEqual(response.status_code, 200)
        self.assertIn(b"copii", response.content)

    def assertCopiesLocked(self, ticket, url):
        page = self.url_open(f"/my/requests/{ticket.id}")
        self.assertIn("o_cic_locked_document", page.text)
        self.assertNotIn(url, page.text)
        response = self.url_open(url, allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        self.assertIn("document_locked", response.headers["Location"])

    def test_access_without_copies_stays_free(self):
        ticket = self.foi_request()
        self.assertFalse(ticket.cic_foi_copy_fee)
        with self.assertRaises(UserError):
            ticket.with_user(self.clerk).action_cic_invoice_fee()
        self.assertTrue(ticket._cic_documents_released())
        self.dispatch(ticket)
        self.assertAnswered(ticket)
        self.assertFalse(ticket.cic_invoice_id)
