# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    cic_satisfaction_survey_enabled = fields.Boolean(
        related="company_id.cic_satisfaction_survey_enabled", readonly=False
    )
    cic_satisfaction_survey_id = fields.Many2one(
        related="company_id.cic_satisfaction_survey_id", readonly=False
    )
    cic_kpi_team_id = fields.Many2one(
        related="company_id.cic_kpi_team_id", readonly=False
    )
