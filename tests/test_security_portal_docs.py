"""What a citizen may pay, see and close on the portal (issue 14, points 1, 4, 5).

Every test attacks as the person who would abuse the door, over HTTP with a real
login (citizen A on his own entry, citizen B on A's entry, a visitor), and checks
the refusal and that nothing changed in the database:

1. a fee is not paid by a provider in test mode (no money moves);
2. an internal note's attachment, a document not released yet, or a back-office
   draft are neither listed nor served, by the CIC pages, helpdesk_mgmt's pages,
   /web/content, /web/image or the chatter;
3. helpdesk_mgmt's doors (/new/ticket, /submitted/ticket, /my/ticket(s)) do not
   bypass the CIC pages;
4. a citizen cannot close his entry as solved (/ticket/close); he withdraws it.
"""

import base64
import json
import re

from portal_fixture import PortalFixture

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

MISSING = 987654321
NOTE_FILE = b"%PDF-1.4 internal note of the department"
DRAFT_FILE = b"%PDF-1.4 draft certificate not released"
ISSUED_FILE = b"%PDF-1.4 issued certificate"
UPLOAD_FILE = b"%PDF-1.4 citizen upload"


@tagged("post_install", "-at_install")
class TestPortalDocuments(PortalFixture, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_portal("docs", "Docs")
        cls.ticket = cls._request(cls.user_a, "Sec docs request of A", cls.service)
        cls.invoice = cls.ticket.cic_invoice_id
        cls.issued = cls._attach(cls.ticket, "issued-certificate.pdf", ISSUED_FILE)
        cls.ticket.cic_released_attachment_ids = cls.issued
        cls.draft = cls._attach(cls.ticket, "draft-certificate.pdf", DRAFT_FILE)
        cls.upload = cls._attach(
            cls.ticket, "my-upload.pdf", UPLOAD_FILE, user=cls.user_a
        )
        note = cls.ticket.message_post(
            body="Internal: the neighbour's file",
            subtype_xmlid="mail.mt_note",
            attachments=[("internal-note.pdf", NOTE_FILE)],
        )
        cls.note_attachment = note.attachment_ids
        # Tokens as helpdesk_mgmt's /my/ticket page gave them out before the fix:
        # a token once leaked must not open the document.
        (cls.issued | cls.draft | cls.note_attachment).generate_access_token()
        cls.hidden = {
            "internal-note.pdf": cls.note_attachment,
            "draft-certificate.pdf": cls.draft,
        }

    @classmethod
    def _attach(cls, ticket, name, data, user=None):
        Attachment = cls.env["ir.attachment"]
        if user:  # uploaded from the portal: created in the citizen's name
            Attachment = Attachment.with_user(user).sudo()
        return Attachment.create(
            {
                "name": name,
                "datas": base64.b64encode(data),
                "res_model": "helpdesk.ticket",
                "res_id": ticket.id,
            }
        )

    # ------------------------------------------------------------------ helpers
    def login(self, who):
        if who == "public":
            self.authenticate(None, None)
        else:
            self.authenticate(who, who)

    def get(self, url, follow=False):
        with mute_logger("odoo.http"):
            return self.url_open(url, allow_redirects=follow)

    def csrf(self):
        page = self.url_open("/cic/track")
        return re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)

    def post(self, url, data):
        with mute_logger("odoo.http"):
            return self.url_open(url, data=data, allow_redirects=False)

    def location(self, response):
        return re.sub(r"^https?://[^/]+", "", response.headers.get("Location", ""))

    def assertNotServed(self, url, content):
        response = self.get(url)
        self.assertNotIn(content, response.content, url)
        self.assertLess(response.status_code, 500, url)

    def pay_fee(self, invoice, amount):
        """Mark the invoice paid as finance does (payment recorded by hand)."""
        wizard = (
            self.env["account.payment.register"]
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create({"amount": amount})
        )
        return wizard._create_payments()

    # ------------------------------------------------------------------ 1. fees
    def _demo_provider(self):
        installed = self.env["ir.module.module"].search(
            [("name", "=", "payment_demo"), ("state", "=", "installed")]
        )
        if not installed:
            self.fail(
                "payment_demo is not installed in this database: the test tooling "
                "installs it (bin/test, bin/run: ADDONS_DEMO); install it with "
                "'bin/odoo -d <db> -i payment_demo --stop-after-init'."
            )
        provider = self.env.ref("payment.payment_provider_demo")
        # As on a production database before the fix: the Demo provider active in
        # test mode and published.
        provider.write({"state": "test", "is_published": True})
        return provider

    def test_test_provider_cannot_pay_fee(self):
        """Citizen A pays his fee with the Demo provider (test mode, no money):
        refused; the invoice stays unpaid and the issued document locked."""
        provider = self._demo_provider()
        self.env["ir.config_parameter"].sudo().set_param(
            "cic_portal.allow_test_payments", False
        )
        self.invoice._portal_ensure_token()
        self.login("docs_a")
        # The payment form of the fee does not offer the provider in test mode...
        page = self.get(self.invoice.get_portal_url())
        self.assertEqual(page.status_code, 200)
        self.assertNotIn('data-provider-code="demo"', page.text)
        # ...and a client that sends its id anyway is refused.
        method = provider.payment_method_ids[:1]
        with mute_logger("odoo.http"):
            response = self.url_open(
                f"/invoice/transaction/{self.invoice.id}",
                data=json.dumps(
                    {
                        "jsonrpc": "2.0",
                        "method": "call",
                        "id": 1,
                        "params": {
                            "access_token": self.invoice.access_token,
                            "provider_id": provider.id,
                            "payment_method_id": method.id,
                            "token_id": None,
                            "amount": self.invoice.amount_residual,
                            "flow": "direct",
                            "tokenization_requested": False,
                            "landing_route": self.invoice.get_portal_url(),
                            "is_validation": False,
                        },
                    }
                ),
                headers={"Content-Type": "application/json"},
            )
        answer = response.json()
        self.assertIn("error", answer, "a test-mode provider created a transaction")
        # Whatever the client does next, no transaction pays the fee.
        txs = (
            self.env["payment.transaction"]
            .sudo()
            .search([("invoice_ids", "in", self.invoice.ids)])
        )
        for tx in txs:
            with mute_logger("odoo.addons.payment.models.payment_transaction"):
                self.make_jsonrpc_request(
                    "/payment/demo/simulate_payment",
                    {
                        "reference": tx.reference,
                        "payment_details": "4242",
                        "simulated_state": "done",
                    },
                )
            tx._post_process()
        self.invoice.invalidate_recordset()
        self.ticket.invalidate_recordset()
        self.assertEqual(self.invoice.payment_state, "not_paid")
        self.assertEqual(self.ticket.cic_fee_state, "unpaid")
        self.assertFalse(self.ticket.cic_urgency_paid)
        self.assertNotServed(
            f"/my/requests/{self.ticket.id}/document/{self.issued.id}", ISSUED_FILE
        )

    # ------------------------------------------------------------------ 2. documents
    def test_hidden_documents_not_listed(self):
        """Neither the CIC page nor helpdesk_mgmt's page lists the internal note's
        attachment, the back-office draft or (fee unpaid) a link to the issued
        document; the citizen's own upload is listed."""
        self.login("docs_a")
        for url in (
            f"/my/requests/{self.ticket.id}",
            f"/my/ticket/{self.ticket.id}",
        ):
            page = self.get(url, follow=True)
            self.assertEqual(page.status_code, 200, url)
            for text in (
                *self.hidden,
                f"/web/content/{self.issued.id}",
                self.issued.access_token,
            ):
                self.assertFalse(text in page.text, f"{text} listed on {url}")
        page = self.get(f"/my/requests/{self.ticket.id}")
        self.assertTrue("my-upload.pdf" in page.text, "own upload not listed")

    def test_hidden_documents_not_served(self):
        """Citizen A (his own entry), citizen B and a visitor fetch the hidden
        documents by every route, with and without the leaked token."""
        files = {
            self.note_attachment: NOTE_FILE,
            self.draft: DRAFT_FILE,
            self.issued: ISSUED_FILE,  # fee not paid yet
        }
        for who in ("docs_a", "docs_b", "public"):
            self.login(who)
            for attachment, content in files.items():
                token = attachment.access_token
                for url in (
                    f"/web/content/{attachment.id}",
                    f"/web/content/{attachment.id}?access_token={token}",
                    f"/web/content/{attachment.id}?download=true&access_token={token}",
                    f"/web/content/ir.attachment/{attachment.id}/datas"
                    f"?access_token={token}",
                    f"/web/image/{attachment.id}?access_token={token}",
                    f"/my/requests/{self.ticket.id}/document/{attachment.id}",
                    f"/my/requests/{self.ticket.id}/document/{attachment.id}"
                    f"?access_token={self.ticket.access_token}",
                ):
                    with self.subTest(who=who, url=url):
                        self.assertNotServed(url, content)

    def test_released_after_payment_only(self):
        """Once finance records the payment the issued document is listed and
        served; the internal note and the draft stay hidden."""
        self.pay_fee(self.invoice, self.invoice.amount_residual)
        self.login("docs_a")
        page = self.get(f"/my/requests/{self.ticket.id}")
        self.assertTrue("issued-certificate.pdf" in page.text, "issued not listed")
        for name in self.hidden:
            self.assertFalse(name in page.text, f"{name} listed")
        served = self.get(f"/my/requests/{self.ticket.id}/document/{self.issued.id}")
        self.assertEqual(served.content, ISSUED_FILE)
        own = self.get(f"/my/requests/{self.ticket.id}/document/{self.upload.id}")
        self.assertEqual(own.content, UPLOAD_FILE)
        for attachment, content in (
            (self.note_attachment, NOTE_FILE),
            (self.draft, DRAFT_FILE),
        ):
            self.assertNotServed(
                f"/web/content/{attachment.id}?access_token={attachment.access_token}",
                content,
            )

    def test_chatter_hides_internal_notes(self):
        """The portal chatter of his own entry shows A neither the internal note
        nor its attachment, with or without the entry's token."""
        self.login("docs_a")
        for params in (
            {"thread_model": "helpdesk.ticket", "thread_id": self.ticket.id},
            {
                "thread_model": "helpdesk.ticket",
                "thread_id": self.ticket.id,
                "token": self.ticket.access_token,
            },
        ):
            with mute_logger("odoo.http"):
                result = self.make_jsonrpc_request("/mail/chatter_fetch", params)
            text = json.dumps(result)
            self.assertNotIn("the neighbour's file", text)
            self.assertNotIn("internal-note.pdf", text)
        # mail's own thread route, as the web client would call it.
        with mute_logger("odoo.http"):
            result = self.make_jsonrpc_request(
                "/mail/thread/messages",
                {"thread_model": "helpdesk.ticket", "thread_id": self.ticket.id},
            )
        text = json.dumps(result)
        self.assertNotIn("the neighbour's file", text)
        self.assertNotIn("internal-note.pdf", text)

    def test_hidden_attachment_not_reposted(self):
        """A posts a public message on his entry carrying the internal note's
        attachment (its id and the leaked token), to make it visible: refused."""
        self.login("docs_a")
        with mute_logger("odoo.http"):
            response = self.url_open(
                "/mail/message/post",
                data=json.dumps(
                    {
                        "jsonrpc": "2.0",
                        "method": "call",
                        "id": 1,
                        "params": {
                            "thread_model": "helpdesk.ticket",
                            "thread_id": self.ticket.id,
                            "token": self.ticket.access_token,
                            "post_data": {
                                "body": "see the attachment",
                                "attachment_ids": self.note_attachment.ids,
                                "message_type": "comment",
                            },
                            "attachment_tokens": [self.note_attachment.access_token],
                        },
                    }
                ),
                headers={"Content-Type": "application/json"},
            )
        self.assertIn("error", response.json())
        posted = self.env["mail.message"].search(
            [
                ("model", "=", "helpdesk.ticket"),
                ("res_id", "=", self.ticket.id),
                ("attachment_ids", "in", self.note_attachment.ids),
                ("subtype_id", "=", self.env.ref("mail.mt_comment").id),
            ]
        )
        self.assertFalse(posted)
        token = self.note_attachment.access_token
        self.assertNotServed(
            f"/web/content/{self.note_attachment.id}?access_token={token}", NOTE_FILE
        )

    # ------------------------------------------------------------------ 3. doors
    def test_helpdesk_doors_lead_to_cic_pages(self):
        """helpdesk_mgmt's own form files nothing and its pages send the citizen to
        the CIC pages."""
        self.login("docs_a")
        count = self.env["helpdesk.ticket"].sudo().search_count([])
        response = self.get("/new/ticket")
        self.assertIn(response.status_code, (301, 302, 303))
        self.assertEqual(self.location(response), "/cic/services")
        response = self.post(
            "/submitted/ticket",
            {
                "csrf_token": self.csrf(),
                "subject": "Bypass of the CIC form",
                "description": "no consent, no limit",
            },
        )
        self.assertIn(response.status_code, (301, 302, 303))
        self.assertEqual(self.location(response), "/cic/services")
        self.assertEqual(self.env["helpdesk.ticket"].sudo().search_count([]), count)
        response = self.get("/my/tickets")
        self.assertEqual(self.location(response), "/my/requests")
        response = self.get(f"/my/ticket/{self.ticket.id}")
        self.assertEqual(self.location(response), f"/my/requests/{self.ticket.id}")
        # Citizen B gets the same answer for A's entry as for a missing one.
        self.login("docs_b")
        refused = self.get(f"/my/ticket/{self.ticket.id}")
        absent = self.get(f"/my/ticket/{MISSING}")
        self.assertEqual(self.location(refused), self.location(absent))

    # ------------------------------------------------------------------ 4. closing
    def test_citizen_cannot_close_entry(self):
        """A posts helpdesk_mgmt's close form on his own entry (with the session's
        CSRF token): the entry stays open, with no closure reason."""
        entry = self._request(self.user_a, "Sec docs petition of A")
        stage = entry.stage_id
        self.login("docs_a")
        for xmlid in (
            "helpdesk_mgmt.helpdesk_ticket_stage_done",
            "helpdesk_mgmt.helpdesk_ticket_stage_cancelled",
        ):
            response = self.post(
                "/ticket/close",
                {
                    "csrf_token": self.csrf(),
                    "ticket_id": entry.id,
                    "stage_id": self.env.ref(xmlid).id,
                },
            )
            self.assertLess(response.status_code, 500)
            entry.invalidate_recordset()
            self.assertEqual(entry.stage_id, stage)
            self.assertFalse(entry.cic_closure_reason)
            self.assertFalse(entry.closed)

    def test_citizen_withdraws_entry(self):
        """A withdraws his open petition from its portal page (POST, CSRF token,
        confirmation); B and a visitor cannot withdraw it."""
        entry = self._request(self.user_a, "Sec docs petition to withdraw")
        url = f"/my/requests/{entry.id}/withdraw"
        # Citizen B, with a valid session token: like a missing entry.
        self.login("docs_b")
        csrf_b = self.csrf()
        refused = self.post(url, {"csrf_token": csrf_b, "confirm": "1"})
        absent = self.post(
            f"/my/requests/{MISSING}/withdraw", {"csrf_token": csrf_b, "confirm": "1"}
        )
        self.assertEqual(refused.status_code, absent.status_code)
        self.assertEqual(self.location(refused), self.location(absent))
        # A visitor with the entry's token cannot withdraw either.
        self.login("public")
        response = self.post(
            f"{url}?access_token={entry.access_token}",
            {"csrf_token": self.csrf(), "confirm": "1"},
        )
        self.assertIn(self.location(response).split("?")[0], ("/web/login", "/my"))
        entry.invalidate_recordset()
        self.assertFalse(entry.cic_closure_reason)
        # A, without confirming: nothing happens.
        self.login("docs_a")
        page = self.get(f"/my/requests/{entry.id}")
        self.assertIn(f'action="{url}"', page.text)
        response = self.post(url, {"csrf_token": self.csrf()})
        entry.invalidate_recordset()
        self.assertFalse(entry.cic_closure_reason)
        # A confirms.
        response = self.post(url, {"csrf_token": self.csrf(), "confirm": "1"})
        self.assertEqual(response.status_code, 303)
        entry.invalidate_recordset()
        self.assertEqual(entry.cic_closure_reason, "withdrawn")
        self.assertTrue(entry.closed)
        self.assertEqual(entry.cic_withdrawn_by_id, self.user_a)
        self.assertTrue(entry.cic_withdrawal_date)
        self.assertFalse(entry.cic_is_overdue)
        self.assertTrue(entry.cic_kpi_excluded)
        self.assertTrue(
            entry.message_ids.filtered(
                lambda m: "withdr" in (m.body or "").lower()
                or "retras" in (m.body or "").lower()
            )
        )
        # A second withdrawal changes nothing.
        date = entry.cic_withdrawal_date
        self.post(url, {"csrf_token": self.csrf(), "confirm": "1"})
        entry.invalidate_recordset()
        self.assertEqual(entry.cic_withdrawal_date, date)
