# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CicAppraisalCriterion(models.Model):
    _name = "cic.appraisal.criterion"
    _description = "Appraisal criterion"
    _order = "sequence, id"

    methodology_id = fields.Many2one(
        "cic.appraisal.methodology", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="methodology_id.company_id", store=True, index=True, string="Company"
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    description = fields.Text(translate=True)
    weight = fields.Float(default=1.0, required=True)

    @api.constrains("weight")
    def _check_weight(self):
        if any(criterion.weight <= 0 for criterion in self):
            raise ValidationError(self.env._("A criterion weight must be positive."))
