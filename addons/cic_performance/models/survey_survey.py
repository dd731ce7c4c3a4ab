# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class SurveySurvey(models.Model):
    _inherit = "survey.survey"

    cic_satisfaction_kind = fields.Selection(
        selection=[
            ("closure", "Sent on closure of a registry entry"),
            ("campaign", "General satisfaction campaign"),
        ],
        string="CIC satisfaction survey",
        help="Surveys marked here feed the anonymous satisfaction report: the "
        "average of their 1-5 scale answers and their response rate.",
    )
