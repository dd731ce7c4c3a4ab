# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Page numbers on official documents, whatever wkhtmltopdf is installed.

Odoo prints "Page X / Y" in the external layout's footer, which wkhtmltopdf renders
only when it is built with its patched Qt (the wkhtmltox packages). Distribution
packages (Debian's wkhtmltopdf) ignore headers and footers, so a register of several
hundred pages would have no page numbers. The official documents use the CIC layout
(cic_registry.external_layout), which draws the letterhead in the page body and no
separate header or footer; their actions are flagged `cic_page_numbers` and every
page is stamped "Page X of Y" ("Pagina X din Y") per document after rendering.
"""

import io

from reportlab.pdfgen import canvas

from odoo import fields, models
from odoo.tools.pdf import PdfFileWriter, PdfReader


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    cic_page_numbers = fields.Boolean(
        string="Stamp page numbers",
        help="Print 'Page X of Y' at the bottom of every page of each document, "
        "also when wkhtmltopdf cannot render the layout's footer.",
    )

    def _render_qweb_pdf_prepare_streams(self, report_ref, data, res_ids=None):
        streams = super()._render_qweb_pdf_prepare_streams(
            report_ref, data, res_ids=res_ids
        )
        report = self._get_report(report_ref)
        if report.cic_page_numbers:
            for values in streams.values():
                if values.get("stream") and not values.get("attachment"):
                    values["stream"] = self._cic_stamp_page_numbers(values["stream"])
        return streams

    def _cic_stamp_page_numbers(self, stream):
        """Return a new stream with "Page X of Y" centred at the bottom of each page."""
        stream.seek(0)
        source = PdfReader(stream, strict=False)
        total = len(source.pages)
        packet = io.BytesIO()
        overlay = canvas.Canvas(packet)
        for index in range(total):
            box = source.pages[index].mediabox
            width, height = float(abs(box.width)), float(abs(box.height))
            overlay.setPageSize((width, height))
            overlay.setFont("Helvetica", 8)
            overlay.drawCentredString(
                width / 2,
                14,
                self.env._("Page %(page)s of %(total)s", page=index + 1, total=total),
            )
            overlay.showPage()
        overlay.save()
        stamps = PdfReader(packet, strict=False)
        result = PdfFileWriter()
        for index in range(total):
            page = source.pages[index]
            page.merge_page(stamps.pages[index])
            result.add_page(page)
        output = io.BytesIO()
        result.write(output)
        output.seek(0)
        return output
