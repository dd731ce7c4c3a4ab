# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from .common import CicPortalHttpCase


@tagged("post_install", "-at_install")
class TestTransparencyPages(CicPortalHttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        today = fields.Date.today()
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
