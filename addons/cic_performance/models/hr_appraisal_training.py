# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class HrAppraisal(models.Model):
    """The evaluated period's trainings and the courses proposed for the needs."""

    _inherit = "hr.appraisal"

    cic_training_course_ids = fields.Many2many(
        "cic.training.course",
        string="Courses proposed",
        help="Courses that answer the training needs set by this appraisal.",
    )
    cic_training_participation_ids = fields.Many2many(
        "cic.training.participation",
        string="Trainings of the period",
        compute="_compute_cic_training",
        help="The employee's trainings ending within the evaluated period.",
    )
    cic_training_hours = fields.Float(
        string="Training hours in the period", compute="_compute_cic_training"
    )
    cic_training_below_minimum = fields.Boolean(
        string="Below the yearly training minimum",
        compute="_compute_cic_training",
        help="Fewer hours completed than the yearly minimum set in Settings.",
    )

    @api.depends("employee_id", "cic_campaign_id")
    def _compute_cic_training(self):
        Participation = self.env["cic.training.participation"]
        for appraisal in self:
            campaign = appraisal.cic_campaign_id
            if not campaign:
                appraisal.cic_training_participation_ids = False
                appraisal.cic_training_hours = 0.0
                appraisal.cic_training_below_minimum = False
                continue
            # sudo: whoever reads the appraisal (employee, evaluator, countersigner,
            # HR) sees this one employee's trainings of the evaluated period
            appraisal.cic_training_participation_ids = Participation.sudo().search(
                [
                    ("employee_id", "=", appraisal.employee_id.id),
                    ("date_end", ">=", campaign.date_from),
                    ("date_end", "<=", campaign.date_to),
                ]
            )
            hours = Participation._cic_hours_by_employee(
                appraisal.employee_id, campaign.date_from, campaign.date_to
            )[appraisal.employee_id.id]
            appraisal.cic_training_hours = hours
            appraisal.cic_training_below_minimum = (
                hours < appraisal.company_id.sudo().cic_training_min_hours
            )
