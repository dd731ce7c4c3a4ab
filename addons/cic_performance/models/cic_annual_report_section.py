# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CicAnnualReportSection(models.Model):
    _name = "cic.annual.report.section"
    _description = "Annual report section"
    _order = "sequence, id"

    report_id = fields.Many2one("cic.annual.report", required=True, ondelete="cascade")
    company_id = fields.Many2one(
        related="report_id.company_id", store=True, index=True, string="Company"
    )
    sequence = fields.Integer(default=10)
    code = fields.Char()
    title = fields.Char(required=True, translate=True)
    body = fields.Html()
