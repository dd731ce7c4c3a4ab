# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CicServiceCategory(models.Model):
    """Group of services shown together in the public catalogue."""

    _name = "cic.service.category"
    _description = "CIC Service Category"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    description = fields.Text(translate=True)
    service_ids = fields.One2many("cic.service", "category_id", string="Services")
    active = fields.Boolean(default=True)
