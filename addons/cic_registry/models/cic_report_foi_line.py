# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Configurable layout of the annual Law 544/2001 report (R-544-9).

The Annex 10 model of HG 123/2002 is UNVERIFIED and prefectures ask for their own
UAT table, so the report is a list of rows an administrator edits: each row has a
section, a label and the code of the figure it shows.
"""

from odoo import fields, models

FOI_SECTIONS = [
    ("a", "A. Ex officio communication"),
    ("b", "B. Requests for public information"),
    ("c", "C. Administrative complaints and court complaints"),
    ("d", "D. Costs"),
    ("uat", "UAT summary table (prefecture)"),
]

FOI_MEASURES = [
    ("exofficio_items", "Ex officio items published (art. 5(1))"),
    ("exofficio_updated", "Ex officio items updated in the year"),
    ("requests_total", "Requests received (written and verbal)"),
    ("requests_written", "Written requests"),
    ("requests_verbal", "Verbal requests"),
    ("channel_paper", "Written requests on paper"),
    ("channel_email", "Requests by e-mail"),
    ("channel_web", "Requests through the website"),
    ("applicant_natural", "Requests from natural persons"),
    ("applicant_legal", "Requests from legal persons"),
    ("answered", "Requests answered favourably"),
    ("answered_in_term", "Requests answered in term"),
    ("extended", "Requests with the term extended to 30 days"),
    ("refused", "Requests refused (total)"),
    ("refused_partial", "Requests refused in part"),
    ("refused_late", "Refusals sent after the 5-day term (refuz tardiv)"),
    ("refused_personal_data", "Refused: personal data"),
    ("refused_classified", "Refused: classified information"),
    ("refused_commercial", "Refused: commercial or financial secret"),
    ("refused_investigation", "Refused: ongoing investigation or proceedings"),
    ("refused_not_held", "Refused: information not held"),
    ("refused_other", "Refused: other ground"),
    ("redirected", "Requests redirected to other authorities"),
    ("withdrawn", "Requests withdrawn by the applicant"),
    ("pending", "Requests pending at year end"),
    ("by_domain", "Requests by domain (one row per topic)"),
    ("complaints_total", "Administrative complaints"),
    ("complaints_admitted", "Complaints admitted"),
    ("complaints_partly", "Complaints partly admitted"),
    ("complaints_rejected", "Complaints rejected"),
    ("complaints_pending", "Complaints pending"),
    ("court_total", "Court complaints"),
    ("court_won", "Court cases won by the authority"),
    ("court_lost", "Court cases lost by the authority"),
    ("court_pending", "Court cases pending"),
    ("copy_pages", "Pages copied for applicants"),
    ("copy_fees", "Copy fees charged (lei)"),
    ("operating_costs", "Operating costs of the department (lei, entered)"),
]


class CicReportFoiLine(models.Model):
    _name = "cic.report.foi.line"
    _description = "Annual Law 544 report row"
    _order = "section, sequence, id"

    section = fields.Selection(FOI_SECTIONS, required=True, default="b")
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Label", required=True, translate=True)
    measure = fields.Selection(
        FOI_MEASURES,
        required=True,
        help="Figure shown on this row. In the UAT table every row is a column.",
    )
    active = fields.Boolean(default=True)
