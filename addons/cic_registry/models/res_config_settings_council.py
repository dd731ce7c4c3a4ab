# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Settings of the Local Council and the MOL (res_company_council.py)."""

from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    cic_council_ordinary_notice_days = fields.Integer(
        related="company_id.cic_council_ordinary_notice_days", readonly=False
    )
    cic_council_extraordinary_notice_days = fields.Integer(
        related="company_id.cic_council_extraordinary_notice_days", readonly=False
    )
    cic_council_prefect_working_days = fields.Integer(
        related="company_id.cic_council_prefect_working_days", readonly=False
    )
    cic_council_publication_days = fields.Integer(
        related="company_id.cic_council_publication_days", readonly=False
    )
    cic_mol_publish_individual = fields.Boolean(
        related="company_id.cic_mol_publish_individual", readonly=False
    )
