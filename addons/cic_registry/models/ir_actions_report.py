# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Page numbers on registers and statutory reports, whatever wkhtmltopdf is installed.

Odoo prints "Page X / Y" in the external layout's footer, which wkhtmltopdf renders
only when it is built with its patched Qt (the wkhtmltox packages). Distribution
packages (Debian's wkhtmltopdf) ignore headers and footers, so a register of several
hundred pages would have no page numbers. Reports flagged `cic_page_numbers` are
stamped "Page X of Y" per document after rendering when the binary is unpatched.
"""

import functools
import io
import subprocess

from reportlab.pdfgen import canvas

from odoo import fields, models
from odoo.tools.pdf import PdfFileWriter, PdfReader

from odoo.addons.base.models.ir_actions_report import _get_wkhtmltopdf_bin


@functools.cache
def wkhtmltopdf_has_patched_qt():
    try:
        out = subprocess.run(
            [_get_wkhtmltopdf_bin(), "--version"],
            capture_output=True,
            timeout=30,
            check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return False
    return b"patched qt" in out.lower()


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
        if report.cic_page_numbers and not wkhtmltopdf_has_patched_qt():
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
