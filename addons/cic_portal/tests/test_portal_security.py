# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from odoo.tests import tagged

from .common import CicPortalHttpCase


@tagged("post_install", "-at_install")
class TestPortalSecurity(CicPortalHttpCase):
    """A citizen never reaches another citizen's request or documents: by id,
    by token or by number (cic_portal_fee: nor his invoices and receipts)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ticket_a = cls._make_request(cls.portal_a.partner_id, name="Dosar Ana")
        cls.ticket_b = cls._make_request(
            cls.portal_b.partner_id, service=cls.fee_service, name="Dosar Bogdan"
        )
        cls.doc_b = cls.env["ir.attachment"].create(
            {
                "name": "certificat-bogdan.pdf",
                "datas": base64.b64encode(b"%PDF-1.4 certificat"),
                "res_model": "helpdesk.ticket",
                "res_id": cls.ticket_b.id,
            }
        )
        cls.ticket_b.cic_released_attachment_ids = cls.doc_b

    def test_list_shows_only_own_requests(self):
        self.authenticate("cic_portal_a", "cic_portal_a")
        page = self.url_open("/my/requests")
        self.assertIn(self.ticket_a.cic_registration_number, page.text)
        self.assertNotIn(self.ticket_b.cic_registration_number, page.text)
        counters = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["cic_request_count"]}
        )
        self.assertGreaterEqual(counters["cic_request_count"], 1)

    def test_other_request_by_id_refused(self):
        self.authenticate("cic_portal_a", "cic_portal_a")
        own = self.url_open(f"/my/requests/{self.ticket_a.id}", allow_redirects=False)
        self.assertEqual(own.status_code, 200)
        other = self.url_open(f"/my/requests/{self.ticket_b.id}", allow_redirects=False)
        self.assertEqual(other.status_code, 303)
        wrong = self.url_open(
            f"/my/requests/{self.ticket_b.id}?access_token={self.ticket_a.access_token}",
            allow_redirects=False,
        )
        self.assertEqual(wrong.status_code, 303)

    def test_token_grants_only_its_request(self):
        response = self.url_open(
            f"/my/requests/{self.ticket_b.id}?access_token={self.ticket_b.access_token}",
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.ticket_b.cic_registration_number, response.text)

    def test_public_user_redirected(self):
        response = self.url_open("/my/requests", allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        self.assertIn("/web/login", response.headers["Location"])
        response = self.url_open(
            f"/my/requests/{self.ticket_a.id}", allow_redirects=False
        )
        self.assertEqual(response.status_code, 303)
        conf = self.url_open(
            f"/cic/request/{self.ticket_a.id}/confirmation", allow_redirects=False
        )
        self.assertEqual(conf.status_code, 303)
        receipt = self.url_open(
            f"/cic/request/{self.ticket_a.id}/receipt?access_token=wrong",
            allow_redirects=False,
        )
        self.assertEqual(receipt.status_code, 303)

    def test_documents_of_others_refused(self):
        self.authenticate("cic_portal_a", "cic_portal_a")
        doc = self.url_open(
            f"/my/requests/{self.ticket_b.id}/document/{self.doc_b.id}",
            allow_redirects=False,
        )
        self.assertEqual(doc.status_code, 303)
        # Through one's own request, another request's document is not found.
        doc = self.url_open(
            f"/my/requests/{self.ticket_a.id}/document/{self.doc_b.id}",
            allow_redirects=False,
        )
        self.assertEqual(doc.status_code, 404)

    def test_owner_downloads_released_document(self):
        self.authenticate("cic_portal_b", "cic_portal_b")
        doc = self.url_open(
            f"/my/requests/{self.ticket_b.id}/document/{self.doc_b.id}",
            allow_redirects=False,
        )
        self.assertEqual(doc.status_code, 200)
        self.assertIn(b"certificat", doc.content)

    def test_orm_rules_between_citizens(self):
        Ticket = self.env["helpdesk.ticket"].with_user(self.portal_a)
        visible = Ticket.search([("id", "in", (self.ticket_a | self.ticket_b).ids)])
        self.assertEqual(visible, self.ticket_a)
        # the rating is an anonymous survey answer the citizen cannot create
        Answer = self.env["survey.user_input"].with_user(self.portal_a)
        self.assertFalse(Answer.has_access("create"))
