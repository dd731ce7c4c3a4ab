# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The XLSX export downloaded as the browser does, through report_xlsx's route."""

import io
from datetime import date

import openpyxl

from odoo.tests import HttpCase, new_test_user, tagged

XLSX_URL = "/report/xlsx/cic_registry.report_cic_document_xlsx/%s"


@tagged("post_install", "-at_install")
class TestReportXlsxHttp(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.clerk = new_test_user(
            cls.env, login="cic_xlsx_clerk", groups="cic_registry.group_cic_clerk"
        )
        new_test_user(cls.env, login="cic_xlsx_portal", groups="base.group_portal")
        cls.wizard = (
            cls.env["cic.report.wizard"]
            .with_user(cls.clerk)
            .create(
                {
                    "report_type": "registry_book",
                    "date_from": date(2024, 4, 1),
                    "date_to": date(2024, 4, 30),
                }
            )
        )

    def test_clerk_downloads_the_register(self):
        self.authenticate("cic_xlsx_clerk", "cic_xlsx_clerk")
        response = self.url_open(XLSX_URL % self.wizard.id)
        self.assertEqual(response.status_code, 200)
        self.assertIn("spreadsheetml", response.headers["Content-Type"])
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
        self.assertTrue(sheet.cell(1, 1).value)

    def test_portal_user_gets_nothing(self):
        self.authenticate("cic_xlsx_portal", "cic_xlsx_portal")
        response = self.url_open(XLSX_URL % self.wizard.id)
        self.assertNotEqual(response.status_code, 200)
        self.assertNotIn(b"PK\x03\x04", response.content[:4])
