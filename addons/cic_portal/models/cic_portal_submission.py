# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CicPortalSubmission(models.Model):
    """One row per online form token: a second submit with the same token
    (double click, reload) finds the first registration instead of creating
    a new one."""

    _name = "cic.portal.submission"
    _description = "CIC Portal Form Submission"

    token = fields.Char(required=True, index=True)
    res_model = fields.Char(required=True)
    res_id = fields.Integer(required=True)

    _sql_constraints = [
        ("token_uniq", "unique(token)", "This form has already been submitted."),
    ]

    def _get_record(self):
        self.ensure_one()
        return self.env[self.res_model].browse(self.res_id).exists()
