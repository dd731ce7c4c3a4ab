# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError


class CicAppraisalMark(models.Model):
    """The evaluator's mark for one criterion of an appraisal."""

    _name = "cic.appraisal.mark"
    _description = "Appraisal mark per criterion"
    _order = "sequence, id"

    appraisal_id = fields.Many2one(
        "hr.appraisal", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="appraisal_id.company_id", store=True, index=True, string="Company"
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
        marks._cic_check_criteria_managed()
        return marks

    def write(self, vals):
        self.appraisal_id._cic_check_marks_writable()
        if {"appraisal_id", "criterion_id"}.intersection(vals):
            self._cic_check_criteria_managed()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_if_editable(self):
        self.appraisal_id._cic_check_editable()
        self._cic_check_criteria_managed()

    def _cic_check_criteria_managed(self):
        """The criteria come from the methodology: only HR adds or removes one."""
        if self.env.su or self.env.user.has_group(
            "hr_appraisal_oca.group_appraisal_hr_officer"
        ):
            return
        raise AccessError(
            self.env._("The criteria of an appraisal come from its methodology.")
        )
