# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Setting of the citizen's phone line (res_company_phone_line.py, R-KPI-3)."""

from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    cic_phone_line_number = fields.Char(
        related="company_id.cic_phone_line_number", readonly=False
    )
