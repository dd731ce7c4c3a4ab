# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CicAppraisalMark(models.Model):
    """The evaluator's mark for one criterion of an appraisal."""

    _name = "cic.appraisal.mark"
    _description = "Appraisal mark per criterion"
    _order = "sequence, id"

    appraisal_id = fields.Many2one(
        "hr.appraisal", required=True, ondelete="cascade", index=True
    )
    criterion_id = fields.Many2one(
        "cic.appraisal.criterion", required=True, ondelete="restrict"
    )
    sequence = fields.Integer(related="criterion_id.sequence", store=True)
    weight = fields.Float(related="criterion_id.weight")
    mark = fields.Float(digits=(3, 2))
    comment = fields.Text()

    _sql_constraints = [
        (
            "appraisal_criterion_unique",
            "UNIQUE (appraisal_id, criterion_id)",
            "A criterion is marked once per appraisal.",
        )
    ]

    @api.constrains("mark")
    def _check_mark(self):
        for line in self.filtered("mark"):
            low, high = line.appraisal_id.cic_methodology_id._cic_mark_bounds()
            if not low <= line.mark <= high:
                raise ValidationError(
                    self.env._(
                        "The mark %(mark).2f for %(criterion)s is outside %(low).2f-"
                        "%(high).2f.",
                        mark=line.mark,
                        criterion=line.criterion_id.name,
                        low=low,
                        high=high,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        marks = super().create(vals_list)
        marks.appraisal_id._cic_check_editable()
        return marks

    def write(self, vals):
        self.appraisal_id._cic_check_editable()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_if_editable(self):
        self.appraisal_id._cic_check_editable()
