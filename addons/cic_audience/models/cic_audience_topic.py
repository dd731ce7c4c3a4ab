# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CicAudienceTopic(models.Model):
    """Subject category of an audience (urbanism, local taxes, social aid ...).

    Used for the statistics by subject (R-AUD-5) and to recognise a repeat request
    on the same subject by the same person (R-AUD-4).
    """

    _name = "cic.audience.topic"
    _description = "Audience subject category"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("name_uniq", "unique(name)", "An audience subject category must be unique."),
    ]
