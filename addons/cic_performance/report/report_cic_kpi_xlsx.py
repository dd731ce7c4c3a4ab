# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class ReportCicKpiXlsx(models.AbstractModel):
    """XLSX of the CIC indicators of a period, by the registry's report writer."""

    _name = "report.cic_performance.report_cic_kpi_xlsx"
    _inherit = "report.cic_registry.report_cic_document_xlsx"
    _description = "CIC indicators as XLSX"
