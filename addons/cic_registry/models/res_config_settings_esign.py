# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Settings of the electronic signature (res_company_esign.py)."""

from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    cic_esign_pkcs12_path = fields.Char(
        related="company_id.cic_esign_pkcs12_path",
        readonly=False,
        groups="base.group_system",
    )
    cic_esign_password_env = fields.Char(
        related="company_id.cic_esign_password_env",
        readonly=False,
        groups="base.group_system",
    )
    cic_esign_password_file = fields.Char(
        related="company_id.cic_esign_password_file",
        readonly=False,
        groups="base.group_system",
    )
