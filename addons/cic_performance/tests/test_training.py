# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 17 point 5, R-HR-5: staff training.

HR (an appraisal HR officer, not an administrator) records the courses and the
participations; a completed one goes on the employee's resume (hr_skills); an
employee reads his own participations only, his manager his team's; the manual's
training indicator is computed from the completed participations; the appraisal
shows the trainings of its period against the yearly minimum set in Settings.
Everything lives in a company of its own, so the demo data does not count.
"""

from datetime import date

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import TransactionCase, new_test_user, tagged
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestTraining(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env["res.company"].create({"name": "Primăria Formare Test"})

        def user(login, groups):
            return new_test_user(
                cls.env,
                login=login,
                groups=groups,
                company_id=cls.company.id,
                company_ids=[(6, 0, cls.company.ids)],
            )

        cls.u_hr = user(
            "trn_hr",
            "base.group_user,hr.group_hr_user,hr_appraisal_oca.group_appraisal_hr_officer",
        )
        cls.u_manager = user("trn_manager", "base.group_user")
        cls.u_emp = user("trn_emp", "base.group_user,cic_registry.group_cic_clerk")
        cls.u_colleague = user(
            "trn_colleague", "base.group_user,cic_registry.group_cic_clerk"
        )
        cls.u_cic_manager = user(
            "trn_cic_manager", "base.group_user,cic_registry.group_cic_manager"
        )
        cls.u_admin = user("trn_admin", "base.group_user,base.group_system")
        cls.department = cls.env["hr.department"].create(
            {"name": "CIC Formare Test", "company_id": cls.company.id}
        )

        def employee(name, login_user, parent=None):
            return cls.env["hr.employee"].create(
                {
                    "name": name,
                    "user_id": login_user.id,
                    "company_id": cls.company.id,
                    "department_id": cls.department.id,
                    "parent_id": parent.id if parent else False,
                    "cic_staff_category": "execution",
                }
            )

        cls.manager = employee("Șef CIC Formare", cls.u_manager)
        cls.emp = employee("Ana Formare", cls.u_emp, cls.manager)
        cls.colleague = employee("Dan Formare", cls.u_colleague, cls.manager)
        cls.provider = cls.env["res.partner"].create({"name": "ANFP Test"})

    def course(self, name, start, end, hours):
        return (
            self.env["cic.training.course"]
            .with_user(self.u_hr)
            .create(
                {
                    "name": name,
                    "provider_id": self.provider.id,
                    "kind": "continuous",
                    "mandatory": True,
                    "date_start": start,
                    "date_end": end,
                    "hours": hours,
                }
            )
        )

    def participation(self, course, employee, hours, complete=True):
        participation = (
            self.env["cic.training.participation"]
            .with_user(self.u_hr)
            .create(
                {
                    "course_id": course.id,
                    "employee_id": employee.id,
                    "hours_attended": hours,
                    "certificate_number": f"CERT-{employee.id}-{course.id}",
                }
            )
        )
        if complete:
            participation.action_complete()
        return participation

    def trainings_2025(self):
        """Q1: Ana 10 h, Dan 6 h completed, Dan 8 h registered only;
        July: Ana 4 h; 2024: Ana 12 h."""
        q1 = self.course(
            "Comunicare cu cetățenii", date(2025, 3, 3), date(2025, 3, 7), 16
        )
        law = self.course(
            "Legea 544/2001 – aplicare practică",
            date(2025, 2, 10),
            date(2025, 2, 11),
            8,
        )
        july = self.course(
            "Etică și integritate", date(2025, 7, 1), date(2025, 7, 1), 4
        )
        old = self.course("Arhivare", date(2024, 11, 4), date(2024, 11, 5), 12)
        return {
            "ana_q1": self.participation(q1, self.emp, 10),
            "dan_q1": self.participation(q1, self.colleague, 6),
            "dan_law": self.participation(law, self.colleague, 8, complete=False),
            "ana_july": self.participation(july, self.emp, 4),
            "ana_old": self.participation(old, self.emp, 12),
        }

    # ------------------------------------------------------------------
    def test_hr_officer_records_courses_and_participations(self):
        course = self.course(
            "Comunicare cu cetățenii", date(2025, 3, 3), date(2025, 3, 7), 16
        )
        self.assertEqual(course.company_id, self.company)
        done = self.participation(course, self.emp, 16)
        self.assertEqual(done.state, "completed")
        line = done.resume_line_id
        self.assertEqual(line.employee_id, self.emp)
        self.assertEqual(
            line.line_type_id, self.env.ref("cic_performance.resume_type_training")
        )
        self.assertEqual(
            (line.name, line.date_start, line.date_end),
            (course.name, course.date_start, course.date_end),
        )
        absent = self.participation(course, self.colleague, 0, complete=False)
        with self.assertRaises(UserError):
            absent.action_complete()
        absent.action_not_completed()
        self.assertEqual(absent.state, "not_completed")
        self.assertFalse(absent.resume_line_id)
        # more hours than the course lasts, a course ending before it starts
        with self.assertRaises(ValidationError):
            done.hours_attended = 17
        with self.assertRaises(ValidationError):
            self.course("Invers", date(2025, 3, 7), date(2025, 3, 3), 8)
        # the certificate number recorded later reaches the resume line
        done.certificate_number = "ANFP 77/2025"
        self.assertIn("ANFP 77/2025", str(line.description))
        # back to registered removes the resume line
        done.action_reset()
        self.assertEqual(done.state, "registered")
        self.assertFalse(line.exists())
        self.assertEqual(course.participant_count, 2)

    @mute_logger("odoo.models", "odoo.addons.base.models.ir_rule")
    def test_employee_sees_only_his_own(self):
        trainings = self.trainings_2025()
        Participation = self.env["cic.training.participation"]
        mine = Participation.with_user(self.u_emp).search([])
        self.assertEqual(mine.employee_id, self.emp)
        self.assertEqual(len(mine), 3)
        with self.assertRaises(AccessError):
            trainings["dan_q1"].with_user(self.u_emp).read(["hours_attended"])
        with self.assertRaises(AccessError):
            trainings["ana_q1"].with_user(self.u_emp).write({"hours_attended": 16})
        with self.assertRaises(AccessError):
            Participation.with_user(self.u_emp).create(
                {
                    "course_id": trainings["ana_q1"].course_id.id,
                    "employee_id": self.emp.id,
                }
            )
        # the manager reads his team's, without writing
        team = Participation.with_user(self.u_manager).search([])
        self.assertEqual(team.employee_id, self.emp | self.colleague)
        with self.assertRaises(AccessError):
            trainings["dan_q1"].with_user(self.u_manager).write({"hours_attended": 1})
        # the colleague reads his own only
        self.assertEqual(
            Participation.with_user(self.u_colleague).search([]).employee_id,
            self.colleague,
        )

    def test_indicator_hours_from_completed_participations(self):
        self.trainings_2025()
        indicator = self.env.ref("cic_performance.indicator_training_hours")
        self.assertEqual(
            (indicator.kind, indicator.compute_source), ("computed", "training_hours")
        )
        indicator = indicator.with_user(self.u_cic_manager)
        # Q1 2025: (10 + 6) hours / 2 CIC clerks; the registered 8 h do not count
        self.assertEqual(
            indicator._cic_compute_value(
                date(2025, 1, 1), date(2025, 3, 31), self.company
            ),
            8.0,
        )
        # the year: (10 + 4 + 6) / 2
        self.assertEqual(
            indicator._cic_compute_value(
                date(2025, 1, 1), date(2025, 12, 31), self.company
            ),
            10.0,
        )
        # a period without trainings
        self.assertEqual(
            indicator._cic_compute_value(
                date(2023, 1, 1), date(2023, 12, 31), self.company
            ),
            0.0,
        )

    def campaign_2025(self):
        self.env["cic.appraisal.methodology"].create(
            {
                "name": "Metodologie formare test",
                "staff_category": "execution",
                "year_from": 2025,
                "year_to": 2025,
                "company_id": self.company.id,
                "criterion_ids": [
                    fields.Command.create({"name": "Obiective", "weight": 1.0})
                ],
            }
        )
        campaign = (
            self.env["cic.appraisal.campaign"]
            .with_user(self.u_hr)
            .create({"year": 2025, "department_ids": [(6, 0, self.department.ids)]})
        )
        campaign.action_generate()
        return campaign

    def test_appraisal_shows_the_period_trainings(self):
        trainings = self.trainings_2025()
        campaign = self.campaign_2025()
        appraisal = campaign.appraisal_ids.filtered(lambda a: a.employee_id == self.emp)
        # the employee reads his appraisal with his trainings of 2025, not 2024's
        mine = appraisal.with_user(self.u_emp)
        self.assertEqual(
            mine.cic_training_participation_ids,
            trainings["ana_q1"] | trainings["ana_july"],
        )
        self.assertEqual(mine.cic_training_hours, 14.0)
        # the colleague's appraisal: the registered course is shown, not counted
        other = campaign.appraisal_ids.filtered(
            lambda a: a.employee_id == self.colleague
        )
        self.assertEqual(
            other.with_user(self.u_hr).cic_training_participation_ids,
            trainings["dan_q1"] | trainings["dan_law"],
        )
        self.assertEqual(other.with_user(self.u_hr).cic_training_hours, 6.0)
        # the training needs are linked to courses by the evaluator, not the employee
        course = trainings["dan_law"].course_id
        with self.assertRaises(AccessError):
            mine.write({"cic_training_course_ids": [(6, 0, course.ids)]})
        appraisal.with_user(self.u_manager).write(
            {"cic_training_course_ids": [(6, 0, course.ids)]}
        )
        self.assertEqual(appraisal.cic_training_course_ids, course)

    def test_yearly_minimum_setting(self):
        self.trainings_2025()
        self.assertEqual(self.company.cic_training_min_hours, 56.0)
        appraisal = (
            self.campaign_2025()
            .appraisal_ids.filtered(lambda a: a.employee_id == self.emp)
            .with_user(self.u_hr)
        )
        self.assertTrue(appraisal.cic_training_below_minimum)
        settings = self.env["res.config.settings"].with_user(self.u_admin).create({})
        self.assertEqual(settings.cic_training_min_hours, 56.0)
        settings.cic_training_min_hours = 14
        settings.execute()
        self.assertEqual(self.company.cic_training_min_hours, 14.0)
        appraisal.invalidate_recordset()
        self.assertFalse(appraisal.cic_training_below_minimum)
