# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class CicTrainingParticipation(models.Model):
    """One employee's participation in a training course (R-HR-5).

    A completed participation adds a line of type *Training* to the employee's
    resume (``hr.resume.line`` of hr_skills), so the HR record keeps one history.
    """

    _name = "cic.training.participation"
    _description = "Participation in a training course"
    _inherit = ["mail.thread"]
    _order = "date_start desc, id desc"
    _rec_name = "course_id"

    course_id = fields.Many2one(
        "cic.training.course", required=True, ondelete="cascade", index=True
    )
    employee_id = fields.Many2one(
        "hr.employee", required=True, ondelete="cascade", index=True, tracking=True
    )
    user_id = fields.Many2one(
        related="employee_id.user_id", store=True, string="Employee's user"
    )
    manager_user_id = fields.Many2one(
        related="employee_id.parent_id.user_id", store=True, string="Manager's user"
    )
    date_start = fields.Date(related="course_id.date_start", store=True)
    date_end = fields.Date(related="course_id.date_end", store=True)
    kind = fields.Selection(related="course_id.kind", store=True)
    provider_id = fields.Many2one(related="course_id.provider_id")
    hours_attended = fields.Float(string="Hours attended", tracking=True)
    state = fields.Selection(
        [
            ("registered", "Registered"),
            ("completed", "Completed"),
            ("not_completed", "Not completed"),
        ],
        default="registered",
        required=True,
        readonly=True,
        tracking=True,
    )
    certificate = fields.Binary(attachment=True)
    certificate_filename = fields.Char()
    certificate_number = fields.Char(tracking=True)
    resume_line_id = fields.Many2one(
        "hr.resume.line", string="Resume line", readonly=True, ondelete="set null"
    )
    company_id = fields.Many2one(related="course_id.company_id", store=True)

    _sql_constraints = [
        (
            "course_employee_unique",
            "UNIQUE (course_id, employee_id)",
            "The employee is already a participant in this course.",
        )
    ]

    @api.constrains("hours_attended")
    def _check_hours_attended(self):
        for participation in self:
            if not 0 <= participation.hours_attended <= participation.course_id.hours:
                raise ValidationError(
                    self.env._(
                        "The hours attended must be between 0 and the course's "
                        "%(hours)s hours.",
                        hours=participation.course_id.hours,
                    )
                )

    def write(self, vals):
        result = super().write(vals)
        if {"hours_attended", "certificate_number"}.intersection(vals):
            for participation in self.filtered(lambda p: p.state == "completed"):
                participation._cic_sync_resume_line()
        return result

    def action_complete(self):
        for participation in self:
            if participation.hours_attended <= 0:
                raise UserError(
                    self.env._("Record the hours attended before completing.")
                )
            participation.state = "completed"
            participation._cic_sync_resume_line()

    def action_not_completed(self):
        self.write({"state": "not_completed"})
        # sudo: the resume belongs to hr_skills, whose rules let only the
        # employee himself and HR users write it; the HR officer acts here
        self.resume_line_id.sudo().unlink()

    def action_reset(self):
        self.action_not_completed()
        self.write({"state": "registered"})

    def _cic_sync_resume_line(self):
        """Create or update the employee's resume line of type Training."""
        self.ensure_one()
        course = self.course_id
        vals = {
            "employee_id": self.employee_id.id,
            "name": course.name,
            "date_start": course.date_start,
            "date_end": course.date_end,
            "line_type_id": self.env.ref("cic_performance.resume_type_training").id,
            "description": self.env._(
                "%(provider)s, %(hours)s hours. Certificate %(number)s",
                provider=course.provider_id.name or "-",
                hours=self.hours_attended,
                number=self.certificate_number or "-",
            ),
        }
        # sudo: see action_not_completed
        if self.resume_line_id:
            self.resume_line_id.sudo().write(vals)
        else:
            self.resume_line_id = self.env["hr.resume.line"].sudo().create(vals)

    @api.model
    def _cic_hours_by_employee(self, employees, date_from, date_to):
        """Hours attended in completed courses ending within the dates."""
        groups = self.sudo()._read_group(
            [
                ("employee_id", "in", employees.ids),
                ("state", "=", "completed"),
                ("date_end", ">=", date_from),
                ("date_end", "<=", date_to),
            ],
            groupby=["employee_id"],
            aggregates=["hours_attended:sum"],
        )
        hours = dict.fromkeys(employees.ids, 0.0)
        hours.update({employee.id: total for employee, total in groups})
        return hours
