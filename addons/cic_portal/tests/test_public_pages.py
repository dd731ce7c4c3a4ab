# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from odoo.tests import tagged

from .common import CicPortalHttpCase


@tagged("post_install", "-at_install")
class TestPublicPages(CicPortalHttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Document = cls.env["cic.public.document"]
        cls.hcl = Document.create(
            {
                "name": "Test buget local 2026",
                "category": "hcl",
                "number": "T-12",
                "date": "2026-02-10",
                "file": base64.b64encode(b"%PDF-1.4 hcl"),
                "file_name": "hcl-12.pdf",
            }
        )
        cls.hidden = Document.create(
            {
                "name": "Test proiect nepublicat",
                "category": "dispozitie",
                "number": "T-99",
                "date": "2026-02-11",
                "is_published": False,
                "file": base64.b64encode(b"%PDF-1.4 secret"),
            }
        )
        cls.hidden_service = cls.env["cic.service"].create(
            {
                "name": "Test serviciu ascuns",
                "slug": "test-serviciu-ascuns",
                "category_id": cls.category.id,
                "procedure_id": cls.procedure_service.id,
                "is_published": False,
            }
        )

    def test_catalogue_lists_published_services(self):
        page = self.url_open("/cic/services")
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.fee_service.name, page.text)
        self.assertNotIn(self.hidden_service.name, page.text)
        detail = self.url_open(f"/cic/services/{self.fee_service.slug}")
        self.assertEqual(detail.status_code, 200)
        self.assertIn(self.fee_service.name, detail.text)
        hidden = self.url_open(f"/cic/services/{self.hidden_service.slug}")
        self.assertEqual(hidden.status_code, 404)

    def test_documents_search_by_number_and_category(self):
        page = self.url_open("/cic/documents?search=T-12&category=hcl&year=2026")
        self.assertIn(self.hcl.name, page.text)
        page = self.url_open("/cic/documents?search=T-99")
        self.assertNotIn(self.hidden.name, page.text)
        page = self.url_open("/cic/documents?search=T-12&category=dispozitie")
        self.assertNotIn(self.hcl.name, page.text)

    def test_document_download_only_when_published(self):
        ok = self.url_open(f"/cic/documents/{self.hcl.id}/download")
        self.assertEqual(ok.status_code, 200)
        self.assertIn(b"hcl", ok.content)
        refused = self.url_open(f"/cic/documents/{self.hidden.id}/download")
        self.assertEqual(refused.status_code, 404)

    def test_info_pages(self):
        page = self.env["cic.public.info.page"].create(
            {"name": "Test program de audiențe", "content": "<p>Luni 10-12</p>"}
        )
        response = self.url_open(f"/cic/info/{page.slug}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Luni 10-12", response.text)
