# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Values of the front-desk summary PDF: the figures of the printed contacts (a
day, a month: the list's filter chooses them)."""

from odoo import api, models


class ReportCicFrontdeskSummary(models.AbstractModel):
    _name = "report.cic_registry.report_cic_frontdesk_summary"
    _description = "Front-desk summary report"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["cic.frontdesk.contact"].browse(docids)
        docs.check_access("read")
        company = docs[:1].company_id or self.env.company
        return {
            "doc_ids": docids,
            "doc_model": "cic.frontdesk.contact",
            "docs": docs,
            "o": docs[:1],
            "company": company,
            "summary": docs._cic_summary(),
        }
