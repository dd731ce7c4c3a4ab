# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .cic_appraisal_methodology import RATINGS


class CicAppraisalRatingBand(models.Model):
    _name = "cic.appraisal.rating.band"
    _description = "Score-to-rating band"
    _order = "min_score"

    methodology_id = fields.Many2one(
        "cic.appraisal.methodology", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="methodology_id.company_id", store=True, index=True, string="Company"
    )
    min_score = fields.Float(required=True, digits=(3, 2))
    max_score = fields.Float(required=True, digits=(3, 2))
    rating = fields.Selection(RATINGS, required=True)

    @api.constrains("min_score", "max_score")
    def _check_range(self):
        for band in self:
            if band.max_score < band.min_score:
                raise ValidationError(
                    self.env._("A band's maximum cannot be below its minimum.")
                )
        self.methodology_id._check_bands()
