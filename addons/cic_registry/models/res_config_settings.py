# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    cic_registration_number_format = fields.Char(
        related="company_id.cic_registration_number_format", readonly=False
    )
    cic_reminder_days = fields.Integer(
        related="company_id.cic_reminder_days", readonly=False
    )
    cic_internal_margin_days = fields.Integer(
        related="company_id.cic_internal_margin_days", readonly=False
    )
    cic_head_function = fields.Char(
        related="company_id.cic_head_function", readonly=False
    )
    cic_head_name = fields.Char(related="company_id.cic_head_name", readonly=False)
    cic_secretary_general_name = fields.Char(
        related="company_id.cic_secretary_general_name", readonly=False
    )
