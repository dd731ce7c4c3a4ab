# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class ReportCicDocumentXlsx(models.AbstractModel):
    """XLSX of a statutory report (OCA report_xlsx): the record's
    ``_cic_xlsx_document()`` written by ``cic.report.base._cic_write_xlsx``, the
    one XLSX writer of the suite. Other reports inherit it and only name their
    model in their ``ir.actions.report``."""

    _name = "report.cic_registry.report_cic_document_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "CIC report as XLSX"

    def generate_xlsx_report(self, workbook, data, objs):
        objs.ensure_one()
        self.env["cic.report.base"]._cic_write_xlsx(workbook, objs._cic_xlsx_document())
