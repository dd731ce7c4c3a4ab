# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Published answers to Law 544 requests on the portal (issue 17 point 8): a
visitor finds the published ones by words, never an unpublished one (list, search,
address by id or slug, JSON-RPC as a citizen), and no personal data on the page.
The answer is published by the clerk himself (with_user), as in the back office."""

from odoo.tests import new_test_user, tagged

from .common import CicPortalHttpCase


@tagged("post_install", "-at_install")
class TestPublishedAnswersPage(CicPortalHttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.clerk = new_test_user(
            cls.env, login="cic_pa_clerk", groups="cic_registry.group_cic_clerk"
        )
        cls.applicant = cls.env["res.partner"].create(
            {
                "name": "Vasile Solicitantescu",
                "email": "vasile.solicitantescu@example.com",
                "street": "Str. Secretă nr. 7",
                "city": "Exemplu",
            }
        )
        foi = cls.env.ref("cic_registry.procedure_foi_request")
        Ticket = cls.env["helpdesk.ticket"]
        cls.request_pub = Ticket.create(
            {
                "name": "Cheltuieli cu deszăpezirea test",
                "description": "<p>Test</p>",
                "partner_id": cls.applicant.id,
                "cic_procedure_id": foi.id,
                "cic_answer_body": "<p>Vasile Solicitantescu: 333.000 lei.</p>",
            }
        )
        cls.request_unpub = Ticket.create(
            {
                "name": "Contractul de salubrizare test",
                "description": "<p>Test</p>",
                "partner_id": cls.applicant.id,
                "cic_procedure_id": foi.id,
            }
        )
        Answer = cls.env["cic.published.answer"].with_user(cls.clerk)
        # The clerk's journey: prepare from the request, anonymise, publish.
        action = cls.request_pub.with_user(cls.clerk).action_cic_prepare_publication()
        cls.published = Answer.browse(action["res_id"])
        cls.published.write(
            {"answer": "<p>Deszăpezirea a costat 333.000 lei în iarna trecută.</p>"}
        )
        cls.published.action_publish()
        action = cls.request_unpub.with_user(cls.clerk).action_cic_prepare_publication()
        cls.unpublished = Answer.browse(action["res_id"])
        cls.unpublished.write({"name": "Contractul de salubrizare nepublicat test"})

    def test_published_answer_found_by_words(self):
        page = self.url_open("/cic/answers?search=deszăpezirea 333.000", timeout=60)
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.published.name, page.text)
        self.assertNotIn(self.unpublished.name, page.text)
        page = self.url_open("/cic/answers?search=salubrizare", timeout=60)
        self.assertEqual(page.status_code, 200)
        self.assertNotIn(self.unpublished.name, page.text)

    def test_list_shows_published_only(self):
        page = self.url_open("/cic/answers", timeout=60)
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.published.name, page.text)
        self.assertNotIn(self.unpublished.name, page.text)

    def test_detail_without_personal_data(self):
        page = self.url_open(f"/cic/answers/{self.published.id}", timeout=60)
        self.assertEqual(page.status_code, 200)
        self.assertIn("333.000 lei", page.text)
        for personal in (
            self.applicant.name,
            self.applicant.email,
            "Str. Secretă",
            self.request_pub.cic_registration_number,
        ):
            self.assertNotIn(personal, page.text)

    def test_unpublished_is_not_found_by_address(self):
        for address in (
            f"/cic/answers/{self.unpublished.id}",
            f"/cic/answers/contractul-{self.unpublished.id}",
            "/cic/answers/0",
            "/cic/answers/nothing",
        ):
            page = self.url_open(address, timeout=60)
            self.assertEqual(page.status_code, 404, address)
            self.assertNotIn(self.unpublished.name, page.text)

    def test_unpublished_refused_to_a_citizen_over_json_rpc(self):
        self.authenticate("cic_portal_a", "cic_portal_a")
        result = self.make_jsonrpc_request(
            "/web/dataset/call_kw",
            {
                "model": "cic.published.answer",
                "method": "search_read",
                "args": [[]],
                "kwargs": {"fields": ["name"]},
            },
        )
        names = [row["name"] for row in result]
        self.assertIn(self.published.name, names)
        self.assertNotIn(self.unpublished.name, names)

    def test_unpublishing_takes_it_off(self):
        self.published.action_unpublish()
        page = self.url_open(f"/cic/answers/{self.published.id}", timeout=60)
        self.assertEqual(page.status_code, 404)

    def test_empty_search_is_a_useful_page(self):
        page = self.url_open("/cic/answers?search=zzz-nimic-zzz", timeout=60)
        self.assertEqual(page.status_code, 200)
        self.assertIn('class="alert alert-info" role="status"', page.text)
