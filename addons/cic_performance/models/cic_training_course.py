# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CicTrainingCourse(models.Model):
    """A training programme followed by the town hall's staff (R-HR-5).

    Civil servants have the right and the duty to train continuously and the
    authority sends each of them to at least one programme every two years
    (Codul administrativ art. 458(1)-(2)); contract staff likewise (art. 551).
    """

    _name = "cic.training.course"
    _description = "Staff training course"
    _inherit = ["mail.thread"]
    _order = "date_start desc, id desc"

    name = fields.Char(string="Title", required=True, tracking=True)
    provider_id = fields.Many2one(
        "res.partner",
        string="Provider",
        tracking=True,
        help="The training provider: the National Institute of Administration, "
        "the ANFP, a regional training centre or another accredited provider.",
    )
    kind = fields.Selection(
        [("initial", "Initial training"), ("continuous", "Continuous training")],
        required=True,
        default="continuous",
        tracking=True,
    )
    mandatory = fields.Boolean(
        help="A programme the authority sends its civil servants to under "
        "Codul administrativ art. 458(2)."
    )
    date_start = fields.Date(string="Start date", required=True, tracking=True)
    date_end = fields.Date(string="End date", required=True, tracking=True)
    hours = fields.Float(string="Hours", required=True, tracking=True)
    description = fields.Html()
    participation_ids = fields.One2many(
        "cic.training.participation", "course_id", string="Participants"
    )
    participant_count = fields.Integer(compute="_compute_participant_count")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    @api.depends("participation_ids")
    def _compute_participant_count(self):
        for course in self:
            course.participant_count = len(course.participation_ids)

    @api.constrains("date_start", "date_end", "hours")
    def _check_dates_hours(self):
        for course in self:
            if course.date_end < course.date_start:
                raise ValidationError(
                    self.env._("The course cannot end before it starts.")
                )
            if course.hours <= 0:
                raise ValidationError(
                    self.env._("The course must last a positive number of hours.")
                )
