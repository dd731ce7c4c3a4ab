# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    """Privacy notice and DPO contact in Settings (administrators only, R-GDPR-3)."""

    _inherit = "res.config.settings"

    cic_privacy_notice = fields.Html(
        related="company_id.cic_privacy_notice", readonly=False
    )
    cic_dpo_name = fields.Char(related="company_id.cic_dpo_name", readonly=False)
    cic_dpo_email = fields.Char(related="company_id.cic_dpo_email", readonly=False)
    cic_dpo_phone = fields.Char(related="company_id.cic_dpo_phone", readonly=False)
