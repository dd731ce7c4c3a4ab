# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The public directory of institutions (issue 17 point 2): a visitor sees the
published entries, never an unpublished one, by list, search or address."""

from odoo.tests import tagged

from .common import CicPortalHttpCase


@tagged("post_install", "-at_install")
class TestInstitutionsPage(CicPortalHttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Institution = cls.env["cic.institution"]
        cls.published = Institution.create(
            {
                "name": "Test Inspectoratul de Muncă Publicat",
                "kind": "deconcentrated",
                "competences": "<p>Test relații de muncă și contracte</p>",
                "street": "Str. Testului 3",
                "locality": "Exemplu",
                "opening_hours": "Luni-Vineri 8-16",
                "phone": "0268 000 111",
                "website_published": True,
            }
        )
        cls.ngo = Institution.create(
            {
                "name": "Test Asociația Publicată",
                "kind": "ngo",
                "website_published": True,
            }
        )
        cls.unpublished = Institution.create(
            {
                "name": "Test Judecătoria Nepublicată",
                "kind": "court",
                "website_published": False,
            }
        )

    def test_list_shows_published_only(self):
        page = self.url_open("/cic/institutions")
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.published.name, page.text)
        self.assertNotIn(self.unpublished.name, page.text)

    def test_search_by_name_and_kind(self):
        page = self.url_open("/cic/institutions?search=contracte")
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.published.name, page.text)
        self.assertNotIn(self.ngo.name, page.text)
        page = self.url_open("/cic/institutions?kind=ngo")
        self.assertIn(self.ngo.name, page.text)
        self.assertNotIn(self.published.name, page.text)
        # Asking for the unpublished one by name or kind does not find it.
        page = self.url_open("/cic/institutions?search=Judecătoria&kind=court")
        self.assertEqual(page.status_code, 200)
        self.assertNotIn(self.unpublished.name, page.text)

    def test_detail_of_unpublished_is_not_found(self):
        page = self.url_open(f"/cic/institutions/{self.published.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.published.name, page.text)
        self.assertIn("Luni-Vineri 8-16", page.text)
        for address in (
            f"/cic/institutions/{self.unpublished.id}",
            f"/cic/institutions/test-{self.unpublished.id}",
            "/cic/institutions/0",
            "/cic/institutions/nothing",
        ):
            page = self.url_open(address)
            self.assertEqual(page.status_code, 404, address)
            self.assertNotIn(self.unpublished.name, page.text)

    def test_empty_search_is_a_useful_page(self):
        page = self.url_open("/cic/institutions?search=zzz-nimic-zzz")
        self.assertEqual(page.status_code, 200)
        self.assertIn('role="status"', page.text)
        self.assertIn('for="cic_inst_search"', page.text)

    def test_portal_user_sees_the_same(self):
        self.authenticate(self.portal_a.login, self.portal_a.login)
        page = self.url_open("/cic/institutions")
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.published.name, page.text)
        self.assertNotIn(self.unpublished.name, page.text)
        page = self.url_open(f"/cic/institutions/{self.unpublished.id}")
        self.assertEqual(page.status_code, 404)
