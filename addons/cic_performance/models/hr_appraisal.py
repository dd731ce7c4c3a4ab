# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Civil-servant / contract-staff appraisal workflow on ``hr.appraisal`` (R-HR-2).

objectives -> evaluator's report -> interview -> employee signs or comments (or the
refusal is recorded in minutes) -> countersigner approves or amends -> contestation
within the campaign's term -> decision by the head of the authority.

Nothing in the report can change once countersigned; only the contestation and the
decision are written afterwards. CIC indicators of the employee are shown as evidence
(``cic_kpi_evidence``) and never turned into marks.
"""

from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .cic_appraisal_methodology import RATINGS

HR_GROUP = "hr_appraisal_oca.group_appraisal_hr_officer"
HEAD_GROUP = "cic_registry.group_cic_secretary"

#: Fields of the report frozen by the countersignature.
REPORT_FIELDS = {
    "employee_id",
    "cic_campaign_id",
    "cic_methodology_id",
    "cic_evaluator_id",
    "cic_countersigner_id",
    "cic_objectives",
    "cic_mark_ids",
    "cic_score",
    "cic_rating",
    "cic_evaluator_score",
    "cic_results",
    "cic_difficulties",
    "cic_training_needs",
    "cic_training_course_ids",
    "cic_next_objectives",
    "cic_interview_date",
    "cic_employee_signed_date",
    "cic_employee_comment",
    "cic_employee_refused",
    "cic_refusal_minutes",
    "cic_countersign_date",
    "cic_countersign_amended",
    "cic_countersigner_note",
    "manager_feedback",
    "employee_feedback",
}
#: Results of the workflow: written only by the workflow actions, as superuser after
#: their role check; never by a client, not even HR. Stored computed fields are listed
#: too, since a client could otherwise write them.
WORKFLOW_FIELDS = {
    "cic_stage",
    "state",
    "cic_score",
    "cic_evaluator_score",
    "cic_rating",
    "cic_final_rating",
    "cic_employee_signed_date",
    "cic_employee_refused",
    "cic_countersign_date",
    "cic_countersign_amended",
    "cic_contest_date",
    "cic_contest_deadline",
    "cic_decision_date",
    "cic_decision_deadline",
    "cic_campaign_id",
    "cic_methodology_id",
    "cic_year",
    "cic_locked",
    "cic_evaluator_user_id",
    "cic_countersigner_user_id",
}
#: hr_appraisal_oca fields that the CIC workflow drives on a campaign's appraisals
#: (its ``state`` follows the step on every appraisal: see hr_appraisal_state.py).
CAMPAIGN_WORKFLOW_FIELDS = {"date_close", "employee_id"}
#: Who signs the appraisal: HR only changes them.
MANAGER_FIELDS = {"cic_evaluator_id", "cic_countersigner_id", "manager_ids"}
#: The evaluated employee's own words.
EMPLOYEE_FIELDS = {"cic_employee_comment", "employee_feedback", "cic_contest_reason"}
#: The countersigner's own words.
COUNTERSIGNER_FIELDS = {"cic_countersigner_note"}
#: Fields only the evaluator, the countersigner or HR may write.
EVALUATOR_FIELDS = (
    REPORT_FIELDS
    - EMPLOYEE_FIELDS
    - COUNTERSIGNER_FIELDS
    - WORKFLOW_FIELDS
    - MANAGER_FIELDS
    - CAMPAIGN_WORKFLOW_FIELDS
)
#: Fields the head of the authority writes when deciding a contestation.
DECISION_FIELDS = {
    "cic_decision",
    "cic_decision_rating",
    "cic_decision_note",
    "cic_decision_date",
}

STAGES = [
    ("objectives", "Objectives"),
    ("report", "Evaluator's report"),
    ("interview", "Interview"),
    ("employee", "Employee's signature"),
    ("countersign", "Countersignature"),
    ("countersigned", "Countersigned"),
    ("contested", "Contested"),
    ("decided", "Decided"),
    ("closed", "Closed"),
]


class HrAppraisal(models.Model):
    _inherit = "hr.appraisal"

    cic_campaign_id = fields.Many2one(
        "cic.appraisal.campaign", string="Campaign", index=True, ondelete="restrict"
    )
    cic_year = fields.Integer(related="cic_campaign_id.year", store=True)
    cic_methodology_id = fields.Many2one(
        "cic.appraisal.methodology", string="Methodology"
    )
    cic_stage = fields.Selection(
        STAGES, string="Appraisal step", default="objectives", tracking=True
    )
    cic_evaluator_id = fields.Many2one(
        "hr.employee",
        string="Evaluator",
        compute="_compute_cic_evaluator_id",
        store=True,
        readonly=False,
    )
    cic_evaluator_user_id = fields.Many2one(
        related="cic_evaluator_id.user_id", store=True, string="Evaluator user"
    )
    cic_countersigner_id = fields.Many2one(
        "hr.employee",
        string="Countersigner",
        compute="_compute_cic_countersigner_id",
        store=True,
        readonly=False,
    )
    cic_countersigner_user_id = fields.Many2one(
        related="cic_countersigner_id.user_id", store=True, string="Countersigner user"
    )
    cic_objectives = fields.Html(string="Objectives of the evaluated year")
    cic_mark_ids = fields.One2many("cic.appraisal.mark", "appraisal_id", string="Marks")
    cic_score = fields.Float(string="Final score", digits=(3, 2), readonly=True)
    cic_evaluator_score = fields.Float(
        string="Evaluator's score", digits=(3, 2), readonly=True
    )
    cic_rating = fields.Selection(
        RATINGS, string="Rating", readonly=True, tracking=True
    )
    cic_results = fields.Text(string="Notable results")
    cic_difficulties = fields.Text(string="Objective difficulties")
    cic_training_needs = fields.Text(string="Training needs")
    cic_next_objectives = fields.Text(string="Objectives for next year")
    cic_interview_date = fields.Date(string="Interview date")
    cic_employee_signed_date = fields.Date(string="Signed by employee", readonly=True)
    cic_employee_comment = fields.Text(string="Employee's comments")
    cic_employee_refused = fields.Boolean(string="Refused to sign", readonly=True)
    cic_refusal_minutes = fields.Text(string="Minutes of the refusal to sign")
    cic_countersign_date = fields.Date(string="Countersigned on", readonly=True)
    cic_countersign_amended = fields.Boolean(string="Amended by countersigner")
    cic_countersigner_note = fields.Text(string="Countersigner's note")
    cic_contest_deadline = fields.Date(
        string="Contestation deadline", compute="_compute_cic_deadlines", store=True
    )
    cic_contest_date = fields.Date(string="Contested on", readonly=True)
    cic_contest_reason = fields.Text(string="Contestation")
    cic_decision_deadline = fields.Date(
        string="Decision deadline", compute="_compute_cic_deadlines", store=True
    )
    cic_decision = fields.Selection(
        selection=[("upheld", "Appraisal upheld"), ("changed", "Rating changed")],
        string="Decision",
    )
    cic_decision_rating = fields.Selection(RATINGS, string="Rating after decision")
    cic_decision_note = fields.Text(string="Decision reasons")
    cic_decision_date = fields.Date(readonly=True)
    cic_final_rating = fields.Selection(
        RATINGS, compute="_compute_cic_final_rating", store=True, string="Final rating"
    )
    cic_locked = fields.Boolean(compute="_compute_cic_locked")
    cic_kpi_evidence = fields.Html(
        string="CIC indicators (evidence)",
        compute="_compute_cic_kpi_evidence",
        sanitize=False,
        help="Registry figures of the employee for the evaluated year, shown to the "
        "evaluator as evidence. They are never scored automatically.",
    )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("employee_id")
    def _compute_cic_evaluator_id(self):
        for appraisal in self:
            if not appraisal.cic_evaluator_id:
                appraisal.cic_evaluator_id = appraisal.employee_id.parent_id

    @api.depends("cic_evaluator_id")
    def _compute_cic_countersigner_id(self):
        for appraisal in self:
            if not appraisal.cic_countersigner_id:
                appraisal.cic_countersigner_id = appraisal.cic_evaluator_id.parent_id

    @api.depends(
        "cic_countersign_date",
        "cic_contest_date",
        "cic_campaign_id.contestation_days",
        "cic_campaign_id.decision_days",
    )
    def _compute_cic_deadlines(self):
        for appraisal in self:
            campaign = appraisal.cic_campaign_id
            signed = appraisal.cic_countersign_date
            contested = appraisal.cic_contest_date
            appraisal.cic_contest_deadline = (
                signed + timedelta(days=campaign.contestation_days) if signed else False
            )
            appraisal.cic_decision_deadline = (
                contested + timedelta(days=campaign.decision_days)
                if contested
                else False
            )

    @api.depends("cic_rating", "cic_decision", "cic_decision_rating")
    def _compute_cic_final_rating(self):
        for appraisal in self:
            if appraisal.cic_decision == "changed" and appraisal.cic_decision_rating:
                appraisal.cic_final_rating = appraisal.cic_decision_rating
            else:
                appraisal.cic_final_rating = appraisal.cic_rating

    @api.depends("cic_countersign_date")
    def _compute_cic_locked(self):
        for appraisal in self:
            appraisal.cic_locked = bool(appraisal.cic_countersign_date)

    @api.depends("employee_id", "cic_campaign_id")
    def _compute_cic_kpi_evidence(self):
        service = self.env["cic.kpi.service"]
        labels = service.metric_labels()
        codes = ["entries", "answered", "in_term_pct", "median_days", "overdue"]
        for appraisal in self:
            user = appraisal.employee_id.user_id
            campaign = appraisal.cic_campaign_id
            if not user or not campaign:
                appraisal.cic_kpi_evidence = False
                continue
            # sudo: whoever reads the appraisal (employee, evaluator, countersigner,
            # HR) may see this one official's figures, whatever his department
            figures = service.sudo()._cic_figures(
                campaign.date_from, campaign.date_to, user_ids=[user.id]
            )
            appraisal.cic_kpi_evidence = self.env["ir.qweb"]._render(
                "cic_performance.appraisal_kpi_evidence",
                {"lines": [(labels[code], figures.get(code) or 0) for code in codes]},
            )

    # ------------------------------------------------------------------
    # CRUD and guards
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        appraisals = super().create(vals_list)
        if not self.env.su:
            appraisals._cic_check_created()
        for appraisal in appraisals.filtered("cic_methodology_id"):
            appraisal._cic_create_marks()
            if appraisal.cic_evaluator_id:
                # sudo: the managers are HR's field; here they follow the evaluator
                appraisal.sudo().manager_ids = appraisal.cic_evaluator_id
        return appraisals

    def _cic_check_created(self):
        """A new appraisal starts at the first step, and only HR chooses whom.

        Checked on the created records (not on the values sent), so defaults sent
        back by the web client pass and anything else is refused. Others than HR open
        an appraisal only for themselves or a subordinate, outside any campaign, with
        the hierarchy as evaluator and countersigner.
        """
        for appraisal in self:
            started = any(
                appraisal[name]
                for name in WORKFLOW_FIELDS
                - {"cic_stage", "state", "cic_campaign_id", "cic_methodology_id"}
                - {"cic_year", "cic_evaluator_user_id", "cic_countersigner_user_id"}
            )
            # the status follows the step (_check_state_follows_stage)
            if started or appraisal.cic_stage != "objectives":
                raise AccessError(
                    self.env._(
                        "A new appraisal starts at the first step: its steps, dates, "
                        "signatures and rating are recorded by the workflow actions."
                    )
                )
            if not appraisal._cic_is_hr():
                appraisal._cic_check_created_by_employee()

    def _cic_check_created_by_employee(self):
        self.ensure_one()
        own = self.env.user.employee_ids
        employee = self.employee_id
        evaluator = employee.parent_id
        if (
            self.cic_campaign_id
            or self.cic_methodology_id
            or not own
            or not self.env["hr.employee"]
            .sudo()
            .search_count([("id", "=", employee.id), ("id", "child_of", own.ids)])
            or self.cic_evaluator_id != evaluator
            or self.cic_countersigner_id != evaluator.parent_id
            or self.manager_ids - evaluator
        ):
            raise AccessError(
                self.env._(
                    "Only HR opens an appraisal of a campaign or chooses the "
                    "evaluator and the countersigner; others open an appraisal only "
                    "for themselves or their subordinates."
                )
            )

    def _cic_create_marks(self):
        self.ensure_one()
        # sudo: the marks of the methodology come with the appraisal
        self.env["cic.appraisal.mark"].sudo().create(
            [
                {"appraisal_id": self.id, "criterion_id": criterion.id}
                for criterion in self.cic_methodology_id.criterion_ids
            ]
        )

    def write(self, vals):
        vals = self._cic_state_vals(vals)
        if not self.env.su:
            self._cic_check_write_roles(vals)
        if REPORT_FIELDS.intersection(vals):
            self._cic_check_editable()
        result = super().write(vals)
        if vals.get("state") == "3_done":
            self._cic_date_closing()
        return result

    def _cic_date_closing(self):
        """Date the closing with the institution's date: hr_appraisal_oca's
        ``write`` dates it with the server's (UTC) date. The closing was checked
        by the step that made it, hence the write past the role checks."""
        return super(HrAppraisal, self.sudo()).write(
            {"date_close": self.env["cic.calendar"].today()}
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_hr(self):
        if self.filtered("cic_campaign_id") and not self._cic_is_hr():
            raise UserError(
                self.env._("Only HR can delete an appraisal of a campaign.")
            )

    def _cic_is_hr(self):
        return self.env.su or self.env.user.has_group(HR_GROUP)

    def _cic_check_write_roles(self, vals):
        """Each role writes its own part; the workflow results nobody writes.

        Steps, dates, signatures and rating are written by the workflow actions
        (as superuser, after their role check), whatever the value, falsy included.
        """
        protected = WORKFLOW_FIELDS.intersection(vals)
        if self.filtered("cic_campaign_id"):
            protected |= CAMPAIGN_WORKFLOW_FIELDS.intersection(vals)
        if protected:
            raise AccessError(
                self.env._(
                    "The steps, dates, signatures and rating of an appraisal are "
                    "recorded by its workflow buttons only (%(fields)s).",
                    fields=", ".join(sorted(protected)),
                )
            )
        if self._cic_is_hr():
            return
        if MANAGER_FIELDS.intersection(vals):
            raise AccessError(
                self.env._("Only HR changes the evaluator and the countersigner.")
            )
        for appraisal in self.filtered("cic_campaign_id"):
            appraisal._cic_check_part_roles(vals)

    def _cic_check_part_roles(self, vals):
        """The employee, the evaluator, the countersigner, the head: own part only."""
        self.ensure_one()
        user = self.env.user
        is_evaluator = user in (
            self.cic_evaluator_user_id | self.cic_countersigner_user_id
        )
        if not is_evaluator and EVALUATOR_FIELDS.intersection(vals):
            raise AccessError(
                self.env._("Only the evaluator can change the appraisal report.")
            )
        if (
            COUNTERSIGNER_FIELDS.intersection(vals)
            and user != self.cic_countersigner_user_id
        ):
            raise AccessError(
                self.env._("Only the countersigner writes the countersigner's note.")
            )
        if EMPLOYEE_FIELDS.intersection(vals) and user != self.employee_id.user_id:
            raise AccessError(
                self.env._(
                    "Only the evaluated employee writes his comments and contestation."
                )
            )
        if "cic_contest_reason" in vals and self.cic_stage != "countersigned":
            raise AccessError(
                self.env._("The contestation is written before it is filed.")
            )
        if DECISION_FIELDS.intersection(vals) and not user.has_group(HEAD_GROUP):
            raise AccessError(
                self.env._("Only the head of the authority decides a contestation.")
            )

    def _cic_check_marks_writable(self):
        """Marks: the evaluator while reporting, the countersigner while
        countersigning, HR until the countersignature."""
        self._cic_check_editable()
        if self.env.su or self._cic_is_hr():
            return
        user = self.env.user
        for appraisal in self:
            if not (
                (
                    appraisal.cic_stage == "report"
                    and user == appraisal.cic_evaluator_user_id
                )
                or (
                    appraisal.cic_stage == "countersign"
                    and user == appraisal.cic_countersigner_user_id
                )
            ):
                raise AccessError(
                    self.env._(
                        "The evaluator marks while writing the report, the "
                        "countersigner while countersigning."
                    )
                )

    def _cic_check_editable(self):
        locked = self.filtered("cic_countersign_date")
        if locked:
            raise UserError(
                self.env._(
                    "The appraisal of %(name)s is countersigned: it can no longer be "
                    "changed, only contested.",
                    name=", ".join(locked.employee_id.mapped("name")),
                )
            )

    def _cic_check_stage(self, *stages):
        for appraisal in self:
            if appraisal.cic_stage not in stages:
                raise UserError(
                    self.env._(
                        "This step is not possible at the step %(stage)s.",
                        stage=dict(
                            self._fields["cic_stage"]._description_selection(self.env)
                        ).get(appraisal.cic_stage),
                    )
                )

    def _cic_check_user(self, role):
        """Raise unless the current user plays ``role`` on every appraisal."""
        if self.env.su:
            return
        user = self.env.user
        for appraisal in self:
            allowed = {
                "evaluator": appraisal.cic_evaluator_user_id,
                "countersigner": appraisal.cic_countersigner_user_id,
                "employee": appraisal.employee_id.user_id,
            }[role]
            hr_may = role != "employee" and appraisal._cic_is_hr()
            if user != allowed and not hr_may:
                raise AccessError(
                    self.env._(
                        "Only the %(role)s can do this step.",
                        role=self._cic_role_label(role),
                    )
                )

    def _cic_role_label(self, role):
        return {
            "evaluator": self.env._("evaluator"),
            "countersigner": self.env._("countersigner"),
            "employee": self.env._("evaluated employee"),
        }[role]

    def action_open_employee_appraisals(self):
        # hr_appraisal_oca's Python strings have no Romanian and cannot get it from
        # another module's po file: the list's title comes from this module's
        action = super().action_open_employee_appraisals()
        action["name"] = self.env._("Previous appraisals")
        return action

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------
    def _cic_set_stage(self, stage, vals=None):
        """Move the appraisals to ``stage``, with ``vals``: the one place a step
        changes, as superuser, once the caller checked the role. The status of
        hr_appraisal_oca follows (``_cic_state_vals``), with its closing on "Done"."""
        self.sudo().write(dict(vals or {}, cic_stage=stage))

    def action_cic_objectives_done(self):
        self._cic_check_stage("objectives")
        self._cic_check_user("evaluator")
        if any(not appraisal.cic_objectives for appraisal in self):
            raise UserError(self.env._("Set the objectives of the year first."))
        self._cic_set_stage("report")

    def _cic_marks_score(self):
        """Final score from the marks; every criterion must be marked."""
        self.ensure_one()
        if not self.cic_mark_ids or any(not m.mark for m in self.cic_mark_ids):
            raise UserError(self.env._("Mark every criterion before submitting."))
        return self.cic_methodology_id._cic_score(
            {mark.criterion_id: mark.mark for mark in self.cic_mark_ids}
        )

    def action_cic_submit_report(self):
        self._cic_check_stage("report")
        self._cic_check_user("evaluator")
        for appraisal in self:
            if not (appraisal.cic_training_needs and appraisal.cic_next_objectives):
                raise UserError(
                    self.env._("Fill in the training needs and next year's objectives.")
                )
            score = appraisal._cic_marks_score()
            rating = appraisal.cic_methodology_id._cic_rating(score)
            appraisal._cic_set_stage(
                "interview",
                {
                    "cic_score": score,
                    "cic_evaluator_score": score,
                    "cic_rating": rating,
                },
            )

    def action_cic_interview_done(self):
        self._cic_check_stage("interview")
        self._cic_check_user("evaluator")
        if any(not appraisal.cic_interview_date for appraisal in self):
            raise UserError(self.env._("Record the date of the interview."))
        self._cic_set_stage("employee")

    def action_cic_amend_report(self):
        """The evaluator reopens the report after the employee's disagreement."""
        self._cic_check_stage("employee")
        self._cic_check_user("evaluator")
        self._cic_set_stage("report")

    def action_cic_employee_sign(self):
        self._cic_check_stage("employee")
        self._cic_check_user("employee")
        # sudo: the employee signs an appraisal whose report fields they may not write
        self._cic_set_stage(
            "countersign",
            {"cic_employee_signed_date": self.env["cic.calendar"].today()},
        )

    def action_cic_employee_refused(self):
        """The evaluator records in minutes that the employee refused to sign."""
        self._cic_check_stage("employee")
        self._cic_check_user("evaluator")
        if any(not appraisal.cic_refusal_minutes for appraisal in self):
            raise UserError(self.env._("Write the minutes of the refusal to sign."))
        self._cic_set_stage("countersign", {"cic_employee_refused": True})

    def action_cic_countersign(self):
        """Approve, or approve with the countersigner's amended marks."""
        self._cic_check_stage("countersign")
        self._cic_check_user("countersigner")
        for appraisal in self:
            score = appraisal._cic_marks_score()
            rating = appraisal.cic_methodology_id._cic_rating(score)
            amended = score != appraisal.cic_evaluator_score
            if amended and not appraisal.cic_countersigner_note:
                raise UserError(
                    self.env._("Explain the countersigner's amendment in the note.")
                )
            appraisal._cic_set_stage(
                "countersigned",
                {
                    "cic_score": score,
                    "cic_rating": rating,
                    "cic_countersign_amended": amended,
                },
            )
            # written last: from here on the report is frozen
            appraisal.sudo().write(
                {"cic_countersign_date": self.env["cic.calendar"].today()}
            )

    def action_cic_contest(self):
        self._cic_check_stage("countersigned")
        self._cic_check_user("employee")
        today = self.env["cic.calendar"].today()
        for appraisal in self:
            if today > appraisal.cic_contest_deadline:
                raise UserError(
                    self.env._(
                        "The contestation term ended on %(date)s.",
                        date=appraisal.cic_contest_deadline.strftime("%d.%m.%Y"),
                    )
                )
            if not appraisal.cic_contest_reason:
                raise UserError(self.env._("Write the reasons of the contestation."))
        # sudo: the contestation is the employee's own step after the lock
        self._cic_set_stage("contested", {"cic_contest_date": today})

    def action_cic_decide(self):
        self._cic_check_stage("contested")
        if not (
            self.env.su or self.env.user.has_group(HEAD_GROUP) or self._cic_is_hr()
        ):
            raise AccessError(
                self.env._("Only the head of the authority decides a contestation.")
            )
        for appraisal in self:
            if not appraisal.cic_decision or not appraisal.cic_decision_note:
                raise UserError(self.env._("Record the decision and its reasons."))
            if (
                appraisal.cic_decision == "changed"
                and not appraisal.cic_decision_rating
            ):
                raise ValidationError(self.env._("Choose the rating after decision."))
        # hr_appraisal_oca's closing (date, activities) comes with the step
        self._cic_set_stage(
            "decided", {"cic_decision_date": self.env["cic.calendar"].today()}
        )

    def action_cic_close(self):
        """Close an uncontested appraisal once the contestation term is over."""
        self._cic_check_stage("countersigned")
        today = self.env["cic.calendar"].today()
        if not self._cic_is_hr():
            raise AccessError(self.env._("Only HR closes appraisals."))
        for appraisal in self:
            if today <= appraisal.cic_contest_deadline:
                raise UserError(
                    self.env._(
                        "The contestation term is open until %(date)s.",
                        date=appraisal.cic_contest_deadline.strftime("%d.%m.%Y"),
                    )
                )
        # hr_appraisal_oca's closing (date, activities) comes with the step
        self._cic_set_stage("closed")
