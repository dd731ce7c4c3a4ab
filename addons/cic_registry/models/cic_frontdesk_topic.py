# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Topics of the front-desk contacts (issue 17 point 1): a short list the CIC
keeps itself (urbanism, local taxes, civil status, ...), so the counter log is
counted by what citizens ask about."""

from odoo import fields, models


class CicFrontdeskTopic(models.Model):
    _name = "cic.frontdesk.topic"
    _description = "Front-desk topic"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        help="Leave empty to offer the topic to every town hall of the database.",
    )
