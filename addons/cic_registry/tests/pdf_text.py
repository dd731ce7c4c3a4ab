# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Render an official PDF for real and read its text back, as an archive, a search
engine or a screen reader would (shared by the report tests of the suite)."""

import io
import shutil
import subprocess
import tempfile

from pdfminer.high_level import extract_text

from odoo.tests import new_test_user
from odoo.tools.pdf import PdfReader

# Romanian letters the official PDFs must carry (comma-below ș ț, not cedilla ş ţ).
ROMANIAN_LETTERS = ("ș", "ț", "ă", "î", "â", "Ș", "Ț")


def pdf_text(pdf):
    """Text of a PDF, whitespace collapsed: poppler's pdftotext when installed
    (bin/lib.sh installs poppler-utils), pdfminer otherwise (an Odoo requirement)."""
    if shutil.which("pdftotext"):
        with tempfile.NamedTemporaryFile(suffix=".pdf") as source:
            source.write(pdf)
            source.flush()
            text = subprocess.run(
                ["pdftotext", "-enc", "UTF-8", source.name, "-"],
                capture_output=True,
                check=True,
                timeout=60,
            ).stdout.decode()
    else:
        text = extract_text(io.BytesIO(pdf))
    return " ".join(text.split())


def fonts_without_text_mapping(pdf):
    """Names of the fonts embedded without a ToUnicode map (their text cannot be
    extracted); the standard PDF fonts (page number stamp) need none."""
    names = set()
    for page in PdfReader(io.BytesIO(pdf), strict=False).pages:
        resources = page.get("/Resources", {}).get_object()
        for font in resources.get("/Font", {}).get_object().values():
            font = font.get_object()
            embedded = "/FontDescriptor" in font or font.get("/Subtype") == "/Type0"
            if embedded and "/ToUnicode" not in font:
                names.add(str(font.get("/BaseFont")))
    return names


class OfficialPdfMixin:
    """Helpers of a test case: an institution with a complete letterhead, a
    Romanian-speaking clerk, and the text of a report rendered as that user."""

    @classmethod
    def setup_institution(cls):
        cls.env["res.lang"]._activate_lang("ro_RO")
        # The address through the partner, in one write (the company's address
        # fields write it one by one, the Romanian postal code check would fail).
        cls.env.company.partner_id.write(
            {
                "street": "Str. Știrbei Vodă nr. 3",
                "street2": "în curtea târgului",
                "city": "Țăndărei",
                "state_id": cls.env.ref("base.RO_IL").id,
                "zip": "925200",
                "country_id": cls.env.ref("base.ro").id,
            }
        )
        cls.env.company.write(
            {
                "name": "Primăria Orașului Țăndărei",
                "vat": "4384117",
                "phone": "+40 243 000 111",
                "email": "registratura@tandarei.example.com",
                "website": "https://www.tandarei.example.com",
                "cic_head_function": "Primar",
                "cic_head_name": "Ștefan Câmpeanu",
                "cic_secretary_general_name": "Ioana Țurcanu",
            }
        )
        cls.ro_clerk = new_test_user(
            cls.env,
            login="cic_pdf_clerk",
            name="Ană Mâțu",
            groups="cic_registry.group_cic_clerk",
            lang="ro_RO",
            tz="Europe/Bucharest",
        )

    def render_text(self, report_xmlid, records, user=None):
        """Text of the PDF of ``report_xmlid`` for ``records``, printed by ``user``
        (the Romanian clerk by default)."""
        user = user or self.ro_clerk
        report = self.env.ref(report_xmlid)
        pdf, fmt = (
            self.env["ir.actions.report"]
            .with_user(user)
            .with_context(force_report_rendering=True, lang=user.lang)
            ._render_qweb_pdf(report.report_name, records.ids)
        )
        self.assertEqual(fmt, "pdf")
        self.assertFalse(fonts_without_text_mapping(pdf))
        return pdf_text(pdf)

    def assert_official(self, text):
        """Letterhead, page numbers and every Romanian letter, all extractable."""
        company = self.env.company
        for expected in (
            company.name,
            "CUI",
            company.vat,
            "Str. Știrbei Vodă nr. 3, în curtea târgului, Țăndărei, județul Ialomița, "
            "cod poștal 925200",
            company.phone,
            company.email,
            company.website,
            "Pagina 1 din",
        ):
            self.assertIn(expected, text)
        for letter in ROMANIAN_LETTERS:
            self.assertIn(letter, text)
