# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Yearly appraisal campaign (R-HR-1).

The evaluated period is the calendar year; the evaluation window defaults to
1 January - 31 March of the next year (CA Annex 6 art. 2(2), for high civil servants)
and can be changed. Generating the campaign creates one ``hr.appraisal`` per employee
in scope, with the methodology in force for the employee's staff category.
"""

from datetime import date

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.cic_registry.models.cic_calendar import institution_today

from .cic_appraisal_methodology import STAFF_CATEGORIES


class CicAppraisalCampaign(models.Model):
    _name = "cic.appraisal.campaign"
    _description = "Appraisal campaign"
    _inherit = ["mail.thread"]
    _order = "year desc, id desc"

    name = fields.Char(compute="_compute_name", store=True, readonly=False)
    year = fields.Integer(
        string="Evaluated year",
        required=True,
        default=lambda self: institution_today(self).year - 1,
        tracking=True,
    )
    date_from = fields.Date(
        string="Evaluated period from", compute="_compute_period", store=True
    )
    date_to = fields.Date(
        string="Evaluated period to", compute="_compute_period", store=True
    )
    window_start = fields.Date(
        string="Evaluation window from",
        compute="_compute_window",
        store=True,
        precompute=True,
        readonly=False,
        required=True,
    )
    window_end = fields.Date(
        string="Evaluation window to",
        compute="_compute_window",
        store=True,
        precompute=True,
        readonly=False,
        required=True,
    )
    contestation_days = fields.Integer(
        string="Contestation term (days)",
        default=5,
        required=True,
        help="Calendar days after the countersignature during which the employee "
        "may contest (UNVERIFIED default: 5).",
    )
    decision_days = fields.Integer(
        string="Decision term (days)",
        default=15,
        required=True,
        help="Calendar days for the head of the authority to decide a contestation "
        "(UNVERIFIED default: 15).",
    )
    department_ids = fields.Many2many(
        "hr.department", string="Departments", help="Empty: every department."
    )
    staff_category = fields.Selection(
        STAFF_CATEGORIES, help="Empty: every staff category."
    )
    employee_ids = fields.Many2many(
        "hr.employee", string="Only these employees", help="Empty: everyone in scope."
    )
    state = fields.Selection(
        selection=[("draft", "Draft"), ("open", "In progress"), ("closed", "Closed")],
        default="draft",
        required=True,
        tracking=True,
    )
    appraisal_ids = fields.One2many("hr.appraisal", "cic_campaign_id")
    appraisal_count = fields.Integer(compute="_compute_appraisal_count")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    @api.depends("year")
    def _compute_name(self):
        for campaign in self:
            campaign.name = self.env._("Appraisal %(year)s", year=campaign.year)

    @api.depends("year")
    def _compute_period(self):
        for campaign in self:
            campaign.date_from = date(campaign.year, 1, 1) if campaign.year else False
            campaign.date_to = date(campaign.year, 12, 31) if campaign.year else False

    @api.depends("year")
    def _compute_window(self):
        for campaign in self:
            if campaign.year:
                campaign.window_start = date(campaign.year + 1, 1, 1)
                campaign.window_end = date(campaign.year + 1, 3, 31)

    def _compute_appraisal_count(self):
        counts = dict(
            self.env["hr.appraisal"]._read_group(
                [("cic_campaign_id", "in", self.ids)], ["cic_campaign_id"], ["__count"]
            )
        )
        for campaign in self:
            campaign.appraisal_count = counts.get(campaign, 0)

    @api.constrains("window_start", "window_end", "contestation_days", "decision_days")
    def _check_window(self):
        for campaign in self:
            if campaign.window_end < campaign.window_start:
                raise ValidationError(
                    self.env._("The evaluation window ends before it starts.")
                )
            if campaign.contestation_days < 0 or campaign.decision_days < 0:
                raise ValidationError(self.env._("Terms cannot be negative."))

    # ------------------------------------------------------------------
    # Generation
    # ------------------------------------------------------------------
    def _cic_employee_domain(self):
        self.ensure_one()
        domain = [("company_id", "=", self.company_id.id)]
        if self.employee_ids:
            domain.append(("id", "in", self.employee_ids.ids))
        if self.department_ids:
            domain.append(("department_id", "child_of", self.department_ids.ids))
        if self.staff_category:
            domain.append(("cic_staff_category", "=", self.staff_category))
        else:
            domain.append(("cic_staff_category", "!=", False))
        already = self.appraisal_ids.employee_id
        if already:
            domain.append(("id", "not in", already.ids))
        return domain

    def _cic_check_hr(self):
        if not (
            self.env.su
            or self.env.user.has_group("hr_appraisal_oca.group_appraisal_hr_officer")
        ):
            raise AccessError(self.env._("Only HR runs the appraisal campaigns."))

    def action_generate(self):
        """Create one appraisal per employee in scope, or fail with a message."""
        self.ensure_one()
        self._cic_check_hr()
        if self.state == "closed":
            raise UserError(self.env._("The campaign is closed."))
        # The staff category that scopes the campaign is HR data (hr.group_hr_user);
        # the appraisal HR officer checked above reads it even without that right.
        employees = self.env["hr.employee"].sudo().search(self._cic_employee_domain())
        if not employees:
            raise UserError(
                self.env._(
                    "No employee is in the scope of %(name)s: check the departments, "
                    "the staff category and the employees' staff category.",
                    name=self.name,
                )
            )
        methodologies = {}
        missing = []
        for employee in employees:
            category = employee.cic_staff_category
            if category not in methodologies:
                methodologies[category] = self.env[
                    "cic.appraisal.methodology"
                ]._cic_find(self.year, category, self.company_id)
            if not methodologies[category]:
                missing.append(employee.name)
        if missing:
            raise UserError(
                self.env._(
                    "No appraisal methodology applies in %(year)s to: %(names)s.",
                    year=self.year,
                    names=", ".join(missing),
                )
            )
        appraisals = self.env["hr.appraisal"].create(
            [
                {
                    "employee_id": employee.id,
                    "cic_campaign_id": self.id,
                    "cic_methodology_id": methodologies[employee.cic_staff_category].id,
                    "date_close": self.window_end,
                }
                for employee in employees
            ]
        )
        self.state = "open"
        return appraisals

    def action_close(self):
        self._cic_check_hr()
        open_ones = self.appraisal_ids.filtered(lambda a: a.state != "3_done")
        if open_ones:
            raise UserError(
                self.env._(
                    "%(count)s appraisals are not finished yet.", count=len(open_ones)
                )
            )
        self.state = "closed"

    # ------------------------------------------------------------------
    # Campaign report
    # ------------------------------------------------------------------
    def _cic_report_lang(self):
        self.ensure_one()
        installed = dict(self.env["res.lang"].get_installed())
        return "ro_RO" if "ro_RO" in installed else self.env.lang

    def _cic_report_appraisals(self):
        """The campaign's appraisals by department and employee."""
        self.ensure_one()
        return self.appraisal_ids.sorted(
            lambda a: (a.department_id.name or "", a.employee_id.name or "")
        )

    def _cic_rating_counts(self):
        """``[(rating label, count)]`` of the final ratings, then the unfinished."""
        self.ensure_one()
        done = self.appraisal_ids.filtered(lambda a: a.state == "3_done")
        ratings = self.env["hr.appraisal"]._fields["cic_final_rating"]
        counts = [
            (label, len(done.filtered(lambda a, r=rating: a.cic_final_rating == r)))
            for rating, label in ratings._description_selection(self.env)
        ]
        unfinished = len(self.appraisal_ids - done)
        return counts + [(self.env._("Not finished"), unfinished)]

    def action_open_appraisals(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.name,
            "res_model": "hr.appraisal",
            "view_mode": "list,form",
            "domain": [("cic_campaign_id", "=", self.id)],
            "context": {"default_cic_campaign_id": self.id},
        }
