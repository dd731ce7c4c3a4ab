# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo.tests import tagged
from odoo.tests.common import JsonRpcException

from .common import CicPortalHttpCase


@tagged("post_install", "-at_install")
class TestTransparencyPages(CicPortalHttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        today = cls.env["cic.calendar"].today()
        Draft = cls.env["cic.transparency.draft"]
        cls.draft = Draft.create(
            {
                "name": "Tur proiect parcări rezidențiale",
                "publication_date": today,
                "recommendations_deadline": today + timedelta(days=15),
                "published_website": True,
            }
        )
        cls.draft.write({"state": "published"})
        cls.hidden = Draft.create({"name": "Proiect intern nepublicat"})

    def test_pages_show_only_published_drafts(self):
        page = self.url_open("/cic/transparency")
        self.assertIn(self.draft.name, page.text)
        self.assertNotIn(self.hidden.name, page.text)
        ok = self.url_open(f"/cic/transparency/draft/{self.draft.id}")
        self.assertEqual(ok.status_code, 200)
        hidden = self.url_open(f"/cic/transparency/draft/{self.hidden.id}")
        self.assertEqual(hidden.status_code, 404)

    def test_recommendation_lands_in_register(self):
        url = "/cic/form/transparency_recommendation"
        data = self._petition_data(subject="Recomandare test", draft_id=self.draft.id)
        response = self._submit(url, data)
        self.assertEqual(response.status_code, 303)
        recommendation = self.env["cic.transparency.recommendation"].search(
            [("draft_id", "=", self.draft.id)]
        )
        self.assertEqual(len(recommendation), 1)
        self.assertEqual(recommendation.author_id.name, "Ion Vasilescu")
        self.assertTrue(recommendation.ticket_id.cic_registration_number)
        self.assertTrue(recommendation.ticket_id.cic_portal_origin)

    def test_recommendation_on_unpublished_draft_not_linked(self):
        url = "/cic/form/transparency_recommendation"
        data = self._petition_data(
            subject="Recomandare ascunsă", draft_id=self.hidden.id
        )
        self._submit(url, data)
        self.assertFalse(
            self.env["cic.transparency.recommendation"].search(
                [("draft_id", "=", self.hidden.id)]
            )
        )

    def test_comment_on_draft_tour(self):
        self.start_tour("/cic/transparency", "cic_portal_transparency_tour")
        recommendation = self.env["cic.transparency.recommendation"].search(
            [("draft_id", "=", self.draft.id)]
        )
        self.assertEqual(recommendation.author_id.name, "Dana Mureșan")


@tagged("post_install", "-at_install")
class TestTransparencyAccess(CicPortalHttpCase):
    """Visitors and citizens read the transparency records through their access
    rules: what is published, never the internal documents, chatter or personal
    fields of a published record (issue 18 point 5). Attacks over HTTP and
    JSON-RPC, as the visitor and as a citizen."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        today = cls.env["cic.calendar"].today()
        Draft = cls.env["cic.transparency.draft"]
        cls.draft = Draft.create(
            {"name": "Proiect HCL iluminat public", "published_website": True}
        )
        cls.draft.write({"state": "published"})
        cls.hidden = Draft.create({"name": "Proiect HCL în pregătire"})
        Attachment = cls.env["ir.attachment"]
        cls.memo = Attachment.create(
            {
                "name": "Notă internă juristul.txt",
                "raw": b"memo intern: nu se publica",
                "res_model": "cic.transparency.draft",
                "res_id": cls.draft.id,
            }
        )
        # The portal chatter hands out such tokens for the attachments of the
        # messages it shows.
        cls.memo_token = cls.memo.generate_access_token()[0]
        cls.document = Attachment.create(
            {
                "name": "Proiect HCL iluminat.txt",
                "raw": b"textul proiectului publicat",
                "res_model": "cic.transparency.draft",
                "res_id": cls.draft.id,
            }
        )
        cls.draft.published_attachment_ids = [(4, cls.document.id)]
        cls.draft.message_post(
            body="Nota juristului, pentru consilieri",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            attachment_ids=[cls.memo.id],
        )
        author = cls.env["res.partner"].create({"name": "Maria Recomandare"})
        Recommendation = cls.env["cic.transparency.recommendation"]
        cls.answered = Recommendation.create(
            {
                "draft_id": cls.draft.id,
                "author_id": author.id,
                "text": "Propun lămpi LED pe strada Morii.",
                "decision": "accepted",
            }
        )
        cls.pending = Recommendation.create(
            {
                "draft_id": cls.draft.id,
                "author_id": author.id,
                "text": "Recomandare încă neanalizată.",
            }
        )
        Meeting = cls.env["cic.transparency.meeting"]
        cls.announced = Meeting.create(
            {
                "name": "Dezbatere iluminat public",
                "meeting_date": today + timedelta(days=30),
                "notice_publication_date": today,
                "minutes": "<p>Ciornă de minută, nepublicată</p>",
            }
        )
        cls.future_notice = Meeting.create(
            {
                "name": "Dezbatere anunțată de poimâine",
                "meeting_date": today + timedelta(days=40),
                "notice_publication_date": today + timedelta(days=2),
            }
        )
        cls.closed = Meeting.create(
            {
                "name": "Ședință închisă publicului",
                "meeting_date": today + timedelta(days=30),
                "notice_publication_date": today,
                "public": False,
                "non_public_reason": "Informații clasificate",
            }
        )

    def _as(self, login):
        """As the visitor (None) or as the citizen with that login."""
        if login:
            self.authenticate(login, login)
        else:
            self.authenticate(None, None)

    def test_internal_memo_of_a_published_draft_not_served(self):
        for login in (None, "cic_portal_a"):
            self._as(login)
            for address in (
                f"/web/content/{self.memo.id}?access_token={self.memo_token}",
                f"/web/content/{self.memo.id}",
                f"/cic/transparency/draft/{self.draft.id}/document/{self.memo.id}",
            ):
                response = self.url_open(address, timeout=60)
                self.assertIn(response.status_code, (403, 404), (login, address))
                self.assertNotIn(b"memo intern", response.content)
            published = self.url_open(
                f"/cic/transparency/draft/{self.draft.id}/document/{self.document.id}",
                timeout=60,
            )
            self.assertEqual(published.status_code, 200, login)
            self.assertEqual(published.content, b"textul proiectului publicat")

    def test_chatter_of_a_published_draft_not_shown(self):
        for login in (None, "cic_portal_a"):
            self._as(login)
            result = self.make_jsonrpc_request(
                "/mail/chatter_fetch",
                {"thread_model": "cic.transparency.draft", "thread_id": self.draft.id},
            )
            self.assertFalse(result["data"]["mail.message"], login)
            self.assertNotIn(self.memo_token, str(result))

    def test_pages_read_as_the_visitor(self):
        page = self.url_open("/cic/transparency", timeout=60)
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.announced.name, page.text)
        self.assertIn("lămpi LED", page.text)
        for hidden in (self.future_notice, self.closed):
            self.assertNotIn(hidden.name, page.text)
        self.assertNotIn("Ciornă de minută", page.text)
        self.assertNotIn("neanalizată", page.text)
        self.assertNotIn("Maria Recomandare", page.text)
        draft_page = self.url_open(f"/cic/transparency/draft/{self.draft.id}")
        self.assertIn(self.document.name, draft_page.text)
        self.assertNotIn(self.memo.name, draft_page.text)

    def _call(self, model, method, *args, **kwargs):
        return self.make_jsonrpc_request(
            "/web/dataset/call_kw",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )

    def test_citizen_reads_only_what_is_published_over_json_rpc(self):
        self._as("cic_portal_a")
        drafts = self._call(
            "cic.transparency.draft", "search_read", [], fields=["name"]
        )
        self.assertIn(self.draft.id, [row["id"] for row in drafts])
        self.assertNotIn(self.hidden.id, [row["id"] for row in drafts])
        meetings = self._call(
            "cic.transparency.meeting", "search_read", [], fields=["name"]
        )
        ids = [row["id"] for row in meetings]
        self.assertIn(self.announced.id, ids)
        self.assertNotIn(self.future_notice.id, ids)
        self.assertNotIn(self.closed.id, ids)
        recommendations = self._call(
            "cic.transparency.recommendation", "search_read", [], fields=["text"]
        )
        ids = [row["id"] for row in recommendations]
        self.assertIn(self.answered.id, ids)
        self.assertNotIn(self.pending.id, ids)
        for model, record in (
            ("cic.transparency.draft", self.hidden),
            ("cic.transparency.meeting", self.future_notice),
            ("cic.transparency.recommendation", self.pending),
        ):
            with self.assertRaises(JsonRpcException, msg=model):
                self._call(model, "read", [record.id], ["display_name"])

    def test_citizen_cannot_read_personal_or_unpublished_fields(self):
        self._as("cic_portal_a")
        for model, record, field in (
            ("cic.transparency.recommendation", self.answered, "author_id"),
            ("cic.transparency.recommendation", self.answered, "ticket_id"),
            ("cic.transparency.recommendation", self.answered, "registration_number"),
            ("cic.transparency.meeting", self.announced, "minutes"),
        ):
            with self.assertRaises(JsonRpcException, msg=field):
                self._call(model, "read", [record.id], [field])
            with self.assertRaises(JsonRpcException, msg=field):
                self._call(model, "search_read", [(field, "!=", False)], fields=["id"])
        meeting = self._call(
            "cic.transparency.meeting", "read", [self.announced.id], ["public_minutes"]
        )
        self.assertFalse(meeting[0]["public_minutes"])
        messages = self._call(
            "mail.message",
            "search_read",
            [("model", "=", "cic.transparency.draft"), ("res_id", "=", self.draft.id)],
            fields=["body"],
        )
        self.assertFalse(messages)
