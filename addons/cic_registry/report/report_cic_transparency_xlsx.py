# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class ReportCicTransparencyXlsx(models.AbstractModel):
    """XLSX of the annual decisional transparency report (Law 52/2003)."""

    _name = "report.cic_registry.report_cic_transparency_xlsx"
    _inherit = "report.cic_registry.report_cic_document_xlsx"
    _description = "CIC transparency report as XLSX"
