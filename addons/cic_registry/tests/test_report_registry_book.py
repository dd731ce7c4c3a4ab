# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The general register book (R-REG-3 columns), PDF and XLSX."""

import datetime
import io

import openpyxl
from reportlab.pdfgen import canvas

from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools.pdf import PdfReader

from .report_common import CicReportCase

D = datetime.date


@tagged("post_install", "-at_install")
class TestReportRegistryBook(CicReportCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.recipient = cls.env["res.partner"].create({"name": "ANAF Exemplu"})
        cls.e1 = cls.entry(
            "petition",
            D(2024, 4, 2),
            name="Cerere aviz",
            cic_sender_ref="77",
            cic_sender_date=D(2024, 3, 30),
            cic_page_count=3,
            cic_annex_count=2,
            cic_dispatch_date=D(2024, 4, 20),
            cic_resolution="Răspuns favorabil",
            cic_recipient_id=cls.recipient.id,
            cic_file_indicator="II-3",
        )
        cls.e2 = cls.entry(
            "foi_request",
            D(2024, 4, 3),
            name="Solicitare 544",
            team_id=cls.team_b.id,
            partner_id=cls.legal.id,
            cic_page_count=1,
            cic_joined_to_id=cls.e1.id,
        )
        cls.e_out = cls.entry("outgoing", D(2024, 4, 5), name="Adresă ieșire")
        cls.entry("petition", D(2024, 5, 1), name="Out of range")
        cls.legacy = cls.env["helpdesk.ticket"].create(
            {
                "name": "Registru vechi",
                "description": "<p>x</p>",
                "company_id": cls.company.id,
                "team_id": cls.team_a.id,
                "cic_is_legacy": True,
                "cic_legacy_number": "345",
                "cic_legacy_date": D(2024, 4, 1),
                "cic_legacy_year": 2024,
                "cic_page_count": 4,
            }
        )

    def _book(self, user=None, **vals):
        vals = dict(
            report_type="registry_book",
            date_from=D(2024, 4, 1),
            date_to=D(2024, 4, 30),
            **vals,
        )
        return self.wizard(user, **vals)

    def test_columns_and_totals(self):
        document = self._book()._cic_document()
        table = document["tables"][0]
        self.assertEqual(len(table["columns"]), 13)
        rows = table["rows"]
        self.assertEqual(
            [r[6] for r in rows],
            ["Registru vechi", "Cerere aviz", "Solicitare 544", "Adresă ieșire"],
        )
        legacy, e1, e2, out = rows
        self.assertEqual(legacy[0], "345")
        self.assertEqual(legacy[1], D(2024, 4, 1))
        self.assertEqual(
            e1,
            [
                self.e1.cic_registration_number,
                D(2024, 4, 2),
                "77 / 30.03.2024",
                3,
                2,
                "Ion Popescu",
                "Cerere aviz",
                "Urbanism",
                D(2024, 4, 20),
                "Răspuns favorabil",
                "ANAF Exemplu",
                None,
                "II-3",
            ],
        )
        self.assertEqual(e2[5], "SC Exemplu SRL")
        self.assertEqual(e2[7], "Taxe locale")
        self.assertEqual(e2[11], self.e1.cic_registration_number)
        self.assertEqual(out[6], "Adresă ieșire")
        self.assertEqual(table["totals"][3], 8)
        self.assertEqual(table["totals"][4], 2)
        self.assertIn("4", table["totals"][0])

    def test_register_filters(self):
        doc = self._book(direction="outgoing")._cic_document()
        self.assertEqual([r[6] for r in doc["tables"][0]["rows"]], ["Adresă ieșire"])
        doc = self._book(procedure_ids=[(6, 0, self.procedure["foi_request"].ids)])
        self.assertEqual(
            [r[6] for r in doc._cic_document()["tables"][0]["rows"]], ["Solicitare 544"]
        )

    def test_heads_see_their_department_only(self):
        rows_a = self._book(self.head_a)._cic_document()["tables"][0]["rows"]
        self.assertEqual(
            [r[6] for r in rows_a], ["Registru vechi", "Cerere aviz", "Adresă ieșire"]
        )
        rows_b = self._book(self.head_b)._cic_document()["tables"][0]["rows"]
        self.assertEqual([r[6] for r in rows_b], ["Solicitare 544"])

    def test_pdf_and_xlsx(self):
        wizard = self._book()
        wizard.action_compute()
        self.assertEqual(wizard.entry_count, 4)
        report = self.env.ref("cic_registry.action_report_cic_registry_book")
        self.assertEqual(report.paperformat_id.orientation, "Landscape")
        html = report._render_qweb_html(
            "cic_registry.action_report_cic_registry_book", wizard.ids
        )[0].decode()
        self.assertIn("Cerere aviz", html)
        self.assertIn("II-3", html)
        action = wizard.action_export_xlsx()
        self.assertEqual(action["report_type"], "xlsx")
        content, _fmt = self.env["ir.actions.report"]._render_xlsx(
            action["report_name"], wizard.ids, action.get("data")
        )
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        values = [c for row in sheet.iter_rows(values_only=True) for c in row]
        self.assertIn("Cerere aviz", values)
        self.assertIn("345", values)
        self.assertIn(8, values)

    def test_invalid_range(self):
        wizard = self._book()
        wizard.date_to = D(2024, 3, 1)
        with self.assertRaises(UserError):
            wizard._cic_document()

    def test_pdf_has_page_numbers(self):
        """Whatever wkhtmltopdf is installed, every page of the register is numbered
        (stamped when the binary cannot render the layout's footer)."""
        wizard = self._book()
        wizard.action_compute()
        report = self.env.ref("cic_registry.action_report_cic_registry_book")
        self.assertTrue(report.cic_page_numbers)
        pdf, fmt = report.with_context(force_report_rendering=True)._render_qweb_pdf(
            report, wizard.ids
        )
        self.assertEqual(fmt, "pdf")
        reader = PdfReader(io.BytesIO(pdf), strict=False)
        total = len(reader.pages)
        text = reader.pages[total - 1].extract_text()
        self.assertRegex(text, rf"Page:? ?{total} (of|/) ?{total}")

    def test_stamp_numbers_each_page(self):
        packet = io.BytesIO()
        pages = canvas.Canvas(packet)
        for number in range(3):
            pages.drawString(100, 700, f"Body {number}")
            pages.showPage()
        pages.save()
        stamped = self.env["ir.actions.report"]._cic_stamp_page_numbers(packet)
        reader = PdfReader(stamped, strict=False)
        self.assertEqual(len(reader.pages), 3)
        self.assertIn("Page 2 of 3", reader.pages[1].extract_text())
        self.assertIn("Body 1", reader.pages[1].extract_text())

    def test_xlsx_exports_are_removed_after_a_day(self):
        """XLSX files stored by earlier versions (the exports are now streamed
        by report_xlsx) do not stay in the filestore."""
        old, fresh = self.env["ir.attachment"].create(
            [
                {"name": name, "raw": b"x", "description": "cic_report_export"}
                for name in ("old.xlsx", "fresh.xlsx")
            ]
        )
        self.env.cr.execute(
            "UPDATE ir_attachment SET create_date = now() - interval '25 hours' "
            "WHERE id = %s",
            [old.id],
        )
        old.invalidate_recordset(["create_date"])
        self.env["cic.report.base"]._gc_cic_xlsx_exports()
        self.assertFalse(old.exists())
        self.assertTrue(fresh.exists())
