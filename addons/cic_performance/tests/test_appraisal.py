# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime
from datetime import timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import TransactionCase, new_test_user, tagged

from odoo.addons.cic_performance.models.hr_appraisal_state import STAGE_STATE


@tagged("post_install", "-at_install")
class TestAppraisal(TransactionCase):
    """Two teams: evaluator 1 -> employee 1, evaluator 2 -> employee 2; both
    evaluators report to the head, who countersigns."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        user = lambda login, groups="base.group_user": new_test_user(  # noqa: E731
            cls.env, login=login, groups=groups
        )
        cls.u_head = user(
            "appr_head", "base.group_user,cic_registry.group_cic_secretary"
        )
        cls.u_eval1 = user("appr_eval1")
        cls.u_eval2 = user("appr_eval2")
        cls.u_emp1 = user("appr_emp1")
        cls.u_emp2 = user("appr_emp2")
        cls.u_hr = user(
            "appr_hr", "base.group_user,hr_appraisal_oca.group_appraisal_hr_officer"
        )
        Employee = cls.env["hr.employee"]
        cls.department = cls.env["hr.department"].create({"name": "Appraisal dept"})
        emp = lambda name, u, parent=None, cat="execution": Employee.create(  # noqa: E731
            {
                "name": name,
                "user_id": u.id,
                "parent_id": parent.id if parent else False,
                "department_id": cls.department.id,
                "cic_staff_category": cat,
            }
        )
        cls.head = emp("Head", cls.u_head, cat="high_civil_servant")
        cls.eval1 = emp("Evaluator One", cls.u_eval1, cls.head, "management")
        cls.eval2 = emp("Evaluator Two", cls.u_eval2, cls.head, "management")
        cls.emp1 = emp("Employee One", cls.u_emp1, cls.eval1)
        cls.emp2 = emp("Employee Two", cls.u_emp2, cls.eval2)
        Method = cls.env["cic.appraisal.methodology"]
        criteria = [
            fields.Command.create({"name": "Objectives", "weight": 2.0}),
            fields.Command.create({"name": "Communication", "weight": 1.0}),
        ]
        cls.method = {
            cat: Method.create(
                {
                    "name": f"Test method {cat}",
                    "staff_category": cat,
                    "year_from": 2090,
                    "company_id": cls.company.id,
                    "criterion_ids": criteria,
                }
            )
            for cat in ("execution", "management", "high_civil_servant")
        }
        cls.campaign = cls.env["cic.appraisal.campaign"].create(
            {"year": 2090, "department_ids": [(6, 0, cls.department.ids)]}
        )

    def generate(self, **vals):
        self.campaign.write(vals)
        return self.campaign.action_generate()

    def appraisal(self, employee):
        return self.campaign.appraisal_ids.filtered(lambda a: a.employee_id == employee)

    def to_countersign(self, appraisal, marks=(4.0, 5.0)):
        as_eval = appraisal.with_user(appraisal.cic_evaluator_user_id)
        as_eval.cic_objectives = "<p>Answer every petition in term.</p>"
        as_eval.action_cic_objectives_done()
        for line, mark in zip(as_eval.cic_mark_ids, marks, strict=True):
            line.mark = mark
        as_eval.write(
            {"cic_training_needs": "Law 544", "cic_next_objectives": "Portal"}
        )
        as_eval.action_cic_submit_report()
        as_eval.cic_interview_date = self.today()
        as_eval.action_cic_interview_done()
        appraisal.with_user(appraisal.employee_id.user_id).action_cic_employee_sign()
        return appraisal

    def today(self):
        """The institution's date, which the workflow stamps."""
        return self.env["cic.calendar"].today()

    # ------------------------------------------------------------------
    def test_campaign_defaults_and_generation(self):
        self.assertEqual(self.campaign.date_from.isoformat(), "2090-01-01")
        self.assertEqual(self.campaign.date_to.isoformat(), "2090-12-31")
        self.assertEqual(self.campaign.window_start.isoformat(), "2091-01-01")
        self.assertEqual(self.campaign.window_end.isoformat(), "2091-03-31")
        appraisals = self.generate()
        self.assertEqual(
            appraisals.employee_id,
            self.head | self.eval1 | self.eval2 | self.emp1 | self.emp2,
        )
        a1 = self.appraisal(self.emp1)
        self.assertEqual(a1.cic_methodology_id, self.method["execution"])
        self.assertEqual(a1.cic_evaluator_id, self.eval1)
        self.assertEqual(a1.cic_countersigner_id, self.head)
        self.assertEqual(len(a1.cic_mark_ids), 2)
        # a second run creates nothing new and says so
        with self.assertRaises(UserError):
            self.campaign.action_generate()

    def test_empty_campaign(self):
        empty = self.env["cic.appraisal.campaign"].create(
            {
                "year": 2090,
                "staff_category": "contract",
                "department_ids": [(6, 0, self.department.ids)],
            }
        )
        with self.assertRaisesRegex(UserError, "No employee"):
            empty.action_generate()
        self.assertEqual(empty.state, "draft")
        self.assertFalse(empty.appraisal_ids)

    def test_full_workflow_and_rating(self):
        self.generate()
        a1 = self.to_countersign(self.appraisal(self.emp1))
        # (2 * 4 + 1 * 5) / 3 = 4.33 -> good
        self.assertAlmostEqual(a1.cic_score, 4.33)
        self.assertEqual(a1.cic_rating, "good")
        self.assertEqual(a1.cic_stage, "countersign")
        a1.with_user(self.u_head).action_cic_countersign()
        self.assertEqual(a1.cic_stage, "countersigned")
        self.assertFalse(a1.cic_countersign_amended)
        self.assertEqual(
            a1.cic_contest_deadline,
            self.today() + timedelta(days=5),
        )
        with self.assertRaises(UserError):
            a1.with_user(self.u_hr).action_cic_close()  # term still open
        a1.with_user(self.u_emp1).write(
            {"cic_contest_reason": "Communication was very good."}
        )
        a1.with_user(self.u_emp1).action_cic_contest()
        self.assertEqual(
            a1.cic_decision_deadline,
            self.today() + timedelta(days=15),
        )
        with self.assertRaises(AccessError):
            a1.with_user(self.u_emp1).write({"cic_decision": "changed"})
        a1.with_user(self.u_head).write(
            {
                "cic_decision": "changed",
                "cic_decision_rating": "very_good",
                "cic_decision_note": "Admitted.",
            }
        )
        a1.with_user(self.u_head).action_cic_decide()
        self.assertEqual(a1.cic_final_rating, "very_good")
        self.assertEqual(a1.state, "3_done")
        self.env["ir.actions.report"]._render_qweb_html(
            "cic_performance.action_report_cic_appraisal", a1.ids
        )

    def test_grid_configurable_and_score_outside(self):
        grid = self.method["execution"].band_ids
        self.assertEqual(
            [(b.min_score, b.max_score, b.rating) for b in grid.sorted("min_score")],
            [
                (1.0, 2.0, "unsatisfactory"),
                (2.01, 3.5, "satisfactory"),
                (3.51, 4.5, "good"),
                (4.51, 5.0, "very_good"),
            ],
        )
        method = self.method["execution"]
        self.assertEqual(method._cic_rating(2.0), "unsatisfactory")
        self.assertEqual(method._cic_rating(2.01), "satisfactory")
        self.assertEqual(method._cic_rating(4.51), "very_good")
        for score in (0.99, 5.01):
            with self.assertRaises(ValidationError):
                method._cic_rating(score)
        # a grid with a gap: 3.00 falls outside and the report is refused
        grid.filtered(lambda b: b.rating == "satisfactory").max_score = 2.5
        self.generate()
        a1 = self.appraisal(self.emp1)
        with self.assertRaisesRegex(ValidationError, "outside the rating grid"):
            self.to_countersign(a1, marks=(3.0, 3.0))
        self.assertFalse(a1.cic_rating)
        with self.assertRaises(ValidationError):
            a1.cic_mark_ids[0].mark = 7
        with self.assertRaises(ValidationError):
            grid.filtered(lambda b: b.rating == "good").min_score = 2.0

    def test_locked_after_countersignature(self):
        self.generate()
        a1 = self.to_countersign(self.appraisal(self.emp1))
        a1.with_user(self.u_head).action_cic_countersign()
        with self.assertRaisesRegex(UserError, "countersigned"):
            a1.with_user(self.u_hr).write({"cic_results": "Changed"})
        with self.assertRaises(UserError):
            a1.cic_mark_ids[0].with_user(self.u_hr).mark = 1
        with self.assertRaises(UserError):
            a1.write({"cic_training_needs": "x"})
        self.assertEqual(a1.cic_training_needs, "Law 544")

    def test_countersigner_amends(self):
        self.generate()
        a2 = self.to_countersign(self.appraisal(self.emp2))
        a2.cic_mark_ids[0].with_user(self.u_head).mark = 5.0
        with self.assertRaises(UserError):
            a2.with_user(self.u_head).action_cic_countersign()
        a2.with_user(self.u_head).cic_countersigner_note = "Objectives fully met."
        a2.with_user(self.u_head).action_cic_countersign()
        self.assertTrue(a2.cic_countersign_amended)
        self.assertEqual(a2.cic_rating, "very_good")
        self.assertAlmostEqual(a2.cic_evaluator_score, 4.33)

    def test_late_contestation(self):
        self.generate()
        a1 = self.to_countersign(self.appraisal(self.emp1))
        a1.with_user(self.u_head).action_cic_countersign()
        a1.with_user(self.u_emp1).cic_contest_reason = "Late"
        with freeze_time(self.today() + timedelta(days=6)):
            with self.assertRaisesRegex(UserError, "contestation term ended"):
                a1.with_user(self.u_emp1).action_cic_contest()
            self.assertEqual(a1.cic_stage, "countersigned")
            a1.with_user(self.u_hr).action_cic_close()
        self.assertEqual(a1.cic_stage, "closed")

    def test_refusal_to_sign(self):
        self.generate()
        a1 = self.appraisal(self.emp1)
        as_eval = a1.with_user(self.u_eval1)
        as_eval.cic_objectives = "<p>x</p>"
        as_eval.action_cic_objectives_done()
        for line in as_eval.cic_mark_ids:
            line.mark = 3
        as_eval.write({"cic_training_needs": "x", "cic_next_objectives": "y"})
        as_eval.action_cic_submit_report()
        as_eval.cic_interview_date = self.today()
        as_eval.action_cic_interview_done()
        with self.assertRaises(AccessError):
            a1.with_user(self.u_emp2).action_cic_employee_sign()
        with self.assertRaises(UserError):
            as_eval.action_cic_employee_refused()
        as_eval.cic_refusal_minutes = "The employee refused to sign on ..."
        as_eval.action_cic_employee_refused()
        self.assertTrue(a1.cic_employee_refused)
        self.assertEqual(a1.cic_stage, "countersign")

    def test_access_rules(self):
        self.generate()
        a1, a2 = self.appraisal(self.emp1), self.appraisal(self.emp2)
        Appraisal = self.env["hr.appraisal"]
        domain = [("id", "in", (a1 | a2).ids)]
        self.assertEqual(Appraisal.with_user(self.u_emp1).search(domain), a1)
        self.assertEqual(Appraisal.with_user(self.u_emp2).search(domain), a2)
        self.assertEqual(Appraisal.with_user(self.u_eval1).search(domain), a1)
        self.assertEqual(Appraisal.with_user(self.u_eval2).search(domain), a2)
        self.assertEqual(Appraisal.with_user(self.u_hr).search(domain), a1 | a2)
        self.assertEqual(Appraisal.with_user(self.u_head).search(domain), a1 | a2)
        with self.assertRaises(AccessError):
            a2.with_user(self.u_emp1).read(["cic_score"])
        with self.assertRaises(AccessError):
            a1.with_user(self.u_emp1).write({"cic_results": "I am great"})
        with self.assertRaises(AccessError):
            a1.cic_mark_ids[0].with_user(self.u_emp1).mark = 5
        with self.assertRaises(AccessError):
            a1.with_user(self.u_eval2).action_cic_objectives_done()
        with self.assertRaises(UserError):
            a1.with_user(self.u_emp1).unlink()
        marks = (
            self.env["cic.appraisal.mark"]
            .with_user(self.u_emp2)
            .search([("appraisal_id", "in", (a1 | a2).ids)])
        )
        self.assertEqual(marks.appraisal_id, a2)

    def test_steps_written_by_buttons_only(self):
        """Steps, signatures and rating are the workflow's; signers are HR's; a
        new appraisal starts at the first step and is opened by HR for others."""
        self.generate()
        a1 = self.appraisal(self.emp1)
        for user, vals in (
            (self.u_emp1, {"cic_stage": "closed"}),
            (self.u_emp1, {"cic_contest_date": self.today()}),
            (
                self.u_eval1,
                {"cic_employee_signed_date": self.today()},
            ),
            (self.u_eval1, {"cic_rating": "very_good"}),
            (self.u_eval1, {"cic_countersigner_note": "Approved"}),
            (self.u_eval1, {"cic_evaluator_id": self.eval2.id}),
            (self.u_hr, {"cic_stage": "closed"}),
        ):
            with self.assertRaises(AccessError, msg=vals):
                a1.with_user(user).with_context(cic_workflow_write=True).write(vals)
        self.assertEqual(a1.cic_stage, "objectives")
        a1.with_user(self.u_hr).cic_countersigner_id = self.eval2
        self.assertEqual(a1.cic_countersigner_id, self.eval2)
        Appraisal = self.env["hr.appraisal"].with_user(self.u_emp1)
        with self.assertRaises(AccessError):
            Appraisal.create(
                {
                    "employee_id": self.emp2.id,
                    "cic_evaluator_id": self.emp1.id,
                    "date_close": "2091-03-31",
                }
            )
        with self.assertRaises(AccessError):
            Appraisal.create(
                {
                    "employee_id": self.emp1.id,
                    "cic_stage": "countersigned",
                    "date_close": "2091-03-31",
                }
            )
        own = Appraisal.create(
            {"employee_id": self.emp1.id, "date_close": "2091-03-31"}
        )
        self.assertEqual(own.cic_evaluator_id, self.eval1)
        with self.assertRaises(AccessError):
            self.campaign.with_user(self.u_emp1).action_generate()

    def test_kpi_evidence_not_scored(self):
        self.generate()
        a1 = self.appraisal(self.emp1)
        self.assertIn("Evidence only", a1.cic_kpi_evidence)
        self.assertFalse(any(a1.cic_mark_ids.mapped("mark")))

    # ------------------------------------------------------------------
    # One state machine (issue 18 point 7): the step drives, the status follows
    # ------------------------------------------------------------------
    def assertStep(self, appraisal, stage, state):
        appraisal.invalidate_recordset()
        self.assertEqual((appraisal.cic_stage, appraisal.state), (stage, state))
        self.assertEqual(STAGE_STATE[stage], state)

    def test_dates_are_the_institutions_late_in_the_evening(self):
        """At 22:30 UTC it is already the next day in Bucharest: the signatures,
        the contestation, the decision and the closing carry that day, whether
        the users have no time zone (context_today would give the UTC date) or
        Europe/Bucharest."""
        self.generate()
        users = self.u_eval1 | self.u_eval2 | self.u_emp1 | self.u_emp2 | self.u_head
        bucharest_day = datetime.date(2026, 12, 7)
        for employee, tz in ((self.emp1, False), (self.emp2, "Europe/Bucharest")):
            with self.subTest(tz=tz):
                users.write({"tz": tz})
                appraisal = self.appraisal(employee)
                as_employee = appraisal.with_user(employee.user_id)
                as_head = appraisal.with_user(self.u_head)
                with freeze_time("2026-12-06 22:30:00"):
                    self.to_countersign(appraisal)
                    as_head.action_cic_countersign()
                    as_employee.cic_contest_reason = "Too low."
                    as_employee.action_cic_contest()
                    as_head.write(
                        {"cic_decision": "upheld", "cic_decision_note": "Stands."}
                    )
                    as_head.action_cic_decide()
                for field in (
                    "cic_employee_signed_date",
                    "cic_countersign_date",
                    "cic_contest_date",
                    "cic_decision_date",
                    "date_close",
                ):
                    self.assertEqual(appraisal[field], bucharest_day, field)

    def test_status_follows_every_step(self):
        """Every button, as the person who presses it, moves the step and
        hr_appraisal_oca's status with it; the decision closes it as
        hr_appraisal_oca's Done does (closing date, its activities done)."""
        self.generate()
        a1, a2 = self.appraisal(self.emp1), self.appraisal(self.emp2)
        self.assertStep(a1, "objectives", "1_new")
        as_eval = a1.with_user(self.u_eval1)
        as_eval.cic_objectives = "<p>x</p>"
        as_eval.action_cic_objectives_done()
        self.assertStep(a1, "report", "2_pending")
        for line in as_eval.cic_mark_ids:
            line.mark = 4
        as_eval.write({"cic_training_needs": "x", "cic_next_objectives": "y"})
        as_eval.action_cic_submit_report()
        self.assertStep(a1, "interview", "2_pending")
        as_eval.cic_interview_date = self.today()
        as_eval.action_cic_interview_done()
        self.assertStep(a1, "employee", "2_pending")
        as_eval.action_cic_amend_report()
        self.assertStep(a1, "report", "2_pending")
        as_eval.action_cic_submit_report()
        as_eval.action_cic_interview_done()
        a1.with_user(self.u_emp1).action_cic_employee_sign()
        self.assertStep(a1, "countersign", "2_pending")
        a1.with_user(self.u_head).action_cic_countersign()
        self.assertStep(a1, "countersigned", "2_pending")
        a1.with_user(self.u_emp1).cic_contest_reason = "Too low."
        a1.with_user(self.u_emp1).action_cic_contest()
        self.assertStep(a1, "contested", "2_pending")
        # hr_appraisal_oca's "fill the appraisal" activity, done on closing
        activity = a1.with_user(self.u_hr).activity_schedule(
            "hr_appraisal_oca.mail_act_hr_appraisal_cfr", user_id=self.u_eval1.id
        )
        a1.with_user(self.u_head).write(
            {"cic_decision": "upheld", "cic_decision_note": "The marks stand."}
        )
        a1.with_user(self.u_head).action_cic_decide()
        self.assertStep(a1, "decided", "3_done")
        self.assertEqual(a1.date_close, self.today())
        self.assertFalse(activity.exists())
        # the other way out: refused to sign, not contested, closed by HR
        self.to_countersign(a2)
        self.assertStep(a2, "countersign", "2_pending")
        a2.with_user(self.u_head).action_cic_countersign()
        with freeze_time(self.today() + timedelta(days=6)):
            a2.with_user(self.u_hr).action_cic_close()
        self.assertStep(a2, "closed", "3_done")

    def test_oca_filters_by_status(self):
        """hr_appraisal_oca's filters and kanban columns (by status) give the
        appraisals of the steps they stand for."""
        self.generate()
        a1, a2 = self.appraisal(self.emp1), self.appraisal(self.emp2)
        self.to_countersign(a1)
        a2.with_user(self.u_eval2).cic_objectives = "<p>x</p>"
        a2.with_user(self.u_eval2).action_cic_objectives_done()
        others = self.campaign.appraisal_ids - a1 - a2
        Appraisal = self.env["hr.appraisal"].with_user(self.u_hr)
        scope = [("cic_campaign_id", "=", self.campaign.id)]
        for state, expected in (
            ("1_new", others),
            ("2_pending", a1 | a2),
            ("3_done", Appraisal.browse()),
        ):
            found = Appraisal.search(scope + [("state", "=", state)])
            self.assertEqual(found, expected, state)
        a1.with_user(self.u_head).action_cic_countersign()
        with freeze_time(self.today() + timedelta(days=6)):
            a1.with_user(self.u_hr).action_cic_close()
        groups = Appraisal.read_group(scope, ["state"], ["state"])
        self.assertEqual(
            {g["state"]: g["state_count"] for g in groups},
            {"1_new": len(others), "2_pending": 1, "3_done": 1},
        )
        self.assertEqual(Appraisal.search(scope + [("state", "=", "3_done")]), a1)
        # readonly: the kanban grouped by status does not drag a card to a column
        self.assertTrue(Appraisal.fields_get(["state"])["state"]["readonly"])

    def test_status_written_by_buttons_only(self):
        """Nobody writes the status or the step by hand; not even the superuser
        makes them disagree."""
        self.generate()
        a1 = self.appraisal(self.emp1)
        for user in (self.u_emp1, self.u_eval1, self.u_head, self.u_hr):
            for vals in (
                {"state": "3_done"},
                {"state": "2_pending"},
                {"cic_stage": "report"},
                {"cic_stage": "closed", "state": "3_done"},
            ):
                with self.assertRaises(AccessError, msg=(user.login, vals)):
                    a1.with_user(user).write(vals)
        self.assertStep(a1, "objectives", "1_new")
        for vals in ({"state": "3_done"}, {"cic_stage": "report", "state": "3_done"}):
            with self.assertRaises(ValidationError, msg=vals):
                a1.sudo().write(vals)
        self.assertStep(a1, "objectives", "1_new")
        # a status sent at creation (value or context default) is not taken
        Appraisal = self.env["hr.appraisal"].with_user(self.u_emp1)
        own = Appraisal.create(
            {"employee_id": self.emp1.id, "state": "3_done", "date_close": "2091-03-31"}
        )
        own |= Appraisal.with_context(default_state="3_done").create(
            {"employee_id": self.emp1.id, "date_close": "2091-03-31"}
        )
        for appraisal in own:
            self.assertStep(appraisal, "objectives", "1_new")

    def test_oca_buttons_follow_the_steps(self):
        """hr_appraisal_oca's Confirm, Done and Reopen refuse a campaign's
        appraisal; outside a campaign they move the step their status stands for,
        for whom their view shows them."""
        self.generate()
        a1 = self.appraisal(self.emp1)
        for button in ("action_confirm", "action_done", "action_back"):
            with self.assertRaisesRegex(UserError, "official procedure", msg=button):
                getattr(a1.with_user(self.u_hr), button)()
        self.assertStep(a1, "objectives", "1_new")
        own = (
            self.env["hr.appraisal"]
            .with_user(self.u_emp1)
            .create({"employee_id": self.emp1.id, "date_close": "2091-03-31"})
        )
        self.assertStep(own, "objectives", "1_new")
        with self.assertRaises(UserError):
            own.with_user(self.u_eval1).action_done()  # not confirmed yet
        own.with_user(self.u_emp1).action_confirm()
        self.assertStep(own, "report", "2_pending")
        with self.assertRaises(AccessError):
            own.with_user(self.u_emp1).action_done()  # only his managers
        with self.assertRaises(AccessError):
            own.with_user(self.u_emp2).action_done()
        own.with_user(self.u_eval1).action_done()
        self.assertStep(own, "closed", "3_done")
        self.assertEqual(own.date_close, self.today())
        self.assertTrue(own.employee_feedback_published)
        own.with_user(self.u_eval1).action_back()
        self.assertStep(own, "objectives", "1_new")
