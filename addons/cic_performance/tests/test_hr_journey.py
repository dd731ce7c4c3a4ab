# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 16, point 2: the yearly appraisal campaign done by its users, as themselves.

HR (an HR officer with the appraisal HR rights, not an administrator) creates the
campaign, generates the appraisals, records the evaluator's and the countersigner's
parts, the decision on the contestation, closes the campaign and prints its report;
the employee writes his self-assessment, signs and contests his own appraisal, and
gets nothing of a colleague's, neither through the ORM nor over HTTP. The UI is the
Romanian one: hr_appraisal_oca's menus and buttons read in Romanian, a year reads
"2019", not "2.019".
"""

import json
import re

from odoo import fields, http
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from odoo.addons.cic_registry.tests.pdf_text import pdf_text

YEAR = 2019
HR_GROUPS = (
    "base.group_user,hr.group_hr_manager,hr_appraisal_oca.group_appraisal_hr_officer"
)


@tagged("post_install", "-at_install")
class TestHrJourney(HttpCase):
    """Head <- evaluator <- employee (Urbanism) and colleague (Registry)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        # the suite installs with ro_RO; a database without it gets it here, with
        # the Romanian terms of hr_appraisal_oca that cic_performance ships
        cls.env["res.lang"]._activate_lang("ro_RO")
        cls.env["ir.module.module"].search(
            [("name", "in", ("hr_appraisal_oca", "cic_performance"))]
        )._update_translations("ro_RO")

        def user(login, name, groups="base.group_user"):
            return new_test_user(
                cls.env,
                login=login,
                name=name,
                groups=groups,
                password=login,
                lang="ro_RO",
                tz="Europe/Bucharest",
            )

        cls.u_hr = user("hrj_hr", "Responsabil Jurnal HR", HR_GROUPS)
        cls.u_head = user(
            "hrj_head",
            "Secretar Jurnal HR",
            "base.group_user,cic_registry.group_cic_secretary",
        )
        cls.u_eval = user("hrj_eval", "Șef Jurnal HR")
        cls.u_emp = user("hrj_emp", "Angajat Jurnal HR")
        cls.u_colleague = user("hrj_colleague", "Coleg Jurnal HR")
        Department = cls.env["hr.department"]
        lead = Department.create({"name": "Conducere Jurnal HR"})
        cls.urbanism = Department.create({"name": "Urbanism Jurnal HR"})
        cls.registratura = Department.create({"name": "Registratură Jurnal HR"})

        def employee(login_user, department, parent=None, category="execution"):
            return cls.env["hr.employee"].create(
                {
                    "name": login_user.name,
                    "user_id": login_user.id,
                    "department_id": department.id,
                    "parent_id": parent.id if parent else False,
                    "cic_staff_category": category,
                }
            )

        cls.head = employee(cls.u_head, lead, category="high_civil_servant")
        cls.evaluator = employee(cls.u_eval, lead, cls.head, "management")
        cls.emp = employee(cls.u_emp, cls.urbanism, cls.evaluator)
        cls.colleague = employee(cls.u_colleague, cls.registratura, cls.evaluator)
        cls.env["cic.appraisal.methodology"].create(
            {
                "name": "Metodologie Jurnal HR",
                "staff_category": "execution",
                "year_from": YEAR,
                "year_to": YEAR,
                "company_id": cls.env.company.id,
                "criterion_ids": [
                    fields.Command.create({"name": "Obiective", "weight": 2.0}),
                    fields.Command.create({"name": "Comunicare", "weight": 1.0}),
                ],
            }
        )

    # ------------------------------------------------------------------
    def campaign(self, department):
        """HR creates and generates a campaign for one department, as himself."""
        campaign = (
            self.env["cic.appraisal.campaign"]
            .with_user(self.u_hr)
            .create({"year": YEAR, "department_ids": [(6, 0, department.ids)]})
        )
        return campaign.action_generate().with_user(self.env.user)

    def to_employee_step(self, appraisal):
        """The evaluator's part, as the evaluator, up to the employee's signature."""
        as_eval = appraisal.with_user(self.u_eval)
        as_eval.cic_objectives = "<p>Răspuns în termen.</p>"
        as_eval.action_cic_objectives_done()
        for line, mark in zip(as_eval.cic_mark_ids, (4.0, 5.0), strict=True):
            line.mark = mark
        as_eval.write({"cic_training_needs": "L544", "cic_next_objectives": "Portal"})
        as_eval.action_cic_submit_report()
        as_eval.cic_interview_date = self.today()
        as_eval.action_cic_interview_done()
        self.assertEqual(appraisal.cic_stage, "employee")
        return appraisal

    def call(self, model, method, *args, **kwargs):
        """JSON-RPC as the web client sends it, as the user logged in."""
        return self.make_jsonrpc_request(
            "/web/dataset/call_kw",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )

    def today(self):
        """The institution's date, which the workflow stamps."""
        return self.env["cic.calendar"].today()

    # ------------------------------------------------------------------
    def test_hr_runs_the_campaign_in_the_browser(self):
        Campaign = self.env["cic.appraisal.campaign"]
        self.start_tour(
            "/odoo/action-cic_performance.cic_appraisal_campaign_action",
            "cic_hr_campaign_tour",
            login="hrj_hr",
        )
        campaign = Campaign.search([("department_ids", "=", self.urbanism.id)])
        self.assertEqual(campaign.year, YEAR)
        self.assertEqual(campaign.create_uid, self.u_hr)
        self.assertEqual(campaign.state, "open")
        appraisal = campaign.appraisal_ids
        self.assertEqual(appraisal.employee_id, self.emp)
        self.assertEqual(appraisal.cic_evaluator_id, self.evaluator)
        self.assertEqual(appraisal.cic_countersigner_id, self.head)
        self.assertEqual(appraisal.cic_stage, "report")

        mine = "/odoo/action-cic_performance.hr_appraisal_action_my"
        own = f"{mine}/{appraisal.id}"
        hr_form = "/odoo/action-hr_appraisal_oca.hr_appraisal_action_form/"
        hr_form += str(appraisal.id)
        self.start_tour(mine, "cic_hr_self_assessment_tour", login="hrj_emp")
        self.assertIn("120 de petiții", appraisal.employee_feedback)

        self.start_tour(hr_form, "cic_hr_report_tour", login="hrj_hr")
        self.assertEqual(appraisal.cic_stage, "employee")
        self.assertAlmostEqual(appraisal.cic_score, 4.33)
        self.assertEqual(appraisal.cic_rating, "good")
        self.assertEqual(appraisal.cic_interview_date.isoformat(), "2020-01-15")

        self.start_tour(own, "cic_hr_sign_tour", login="hrj_emp")
        self.assertEqual(appraisal.cic_stage, "countersign")
        self.assertEqual(appraisal.cic_employee_signed_date, self.today())

        self.start_tour(hr_form, "cic_hr_countersign_tour", login="hrj_hr")
        self.assertEqual(appraisal.cic_stage, "countersigned")
        self.assertTrue(appraisal.cic_countersign_date)

        self.start_tour(own, "cic_hr_contest_tour", login="hrj_emp")
        self.assertEqual(appraisal.cic_stage, "contested")
        self.assertEqual(appraisal.cic_contest_date, self.today())

        self.start_tour(
            f"/odoo/action-cic_performance.cic_appraisal_campaign_action/{campaign.id}",
            "cic_hr_decision_tour",
            login="hrj_hr",
        )
        self.assertEqual(appraisal.cic_stage, "decided")
        self.assertEqual(appraisal.cic_final_rating, "very_good")
        self.assertEqual(appraisal.state, "3_done")
        self.assertEqual(campaign.state, "closed")

        # the report, downloaded as the web client's Print button does (the test
        # mode answers the HTML of the report), then the PDF itself, as HR
        self.authenticate("hrj_hr", "hrj_hr")
        report = "cic_performance.report_appraisal_campaign"
        response = self.url_open(
            "/report/download",
            data={
                "data": json.dumps([f"/report/pdf/{report}/{campaign.id}", "qweb-pdf"]),
                "context": json.dumps({"lang": "ro_RO"}),
                "csrf_token": http.Request.csrf_token(self),
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("Raportul campaniei de evaluare", response.text)
        pdf, _format = (
            self.env["ir.actions.report"]
            .with_user(self.u_hr)
            .with_context(force_report_rendering=True, lang="ro_RO")
            ._render_qweb_pdf(report, campaign.ids)
        )
        text = pdf_text(pdf)
        for expected in (
            "Raportul campaniei de evaluare",
            f"Evaluare {YEAR}",
            "01.01.2019 - 31.12.2019",
            "Angajat Jurnal HR",
            "Urbanism Jurnal HR",
            "Foarte bine 1",
            "Nefinalizate 0",
            "Calificativ modificat",
        ):
            self.assertIn(expected, text)

    def test_employee_sees_and_signs_only_his_own(self):
        own = self.to_employee_step(self.campaign(self.urbanism))
        colleague = self.to_employee_step(self.campaign(self.registratura))
        Appraisal = self.env["hr.appraisal"].with_user(self.u_emp)
        self.assertEqual(Appraisal.search([]), own)
        with self.assertRaises(AccessError):
            colleague.with_user(self.u_emp).read(["cic_score"])
        with self.assertRaises(AccessError):
            colleague.with_user(self.u_emp).action_cic_employee_sign()
        with self.assertRaises(AccessError):
            colleague.with_user(self.u_emp).write({"employee_feedback": "<p>x</p>"})
        marks = self.env["cic.appraisal.mark"].with_user(self.u_emp).search([])
        self.assertEqual(marks.appraisal_id, own)
        self.assertEqual(colleague.cic_stage, "employee")
        self.assertFalse(colleague.cic_employee_signed_date)
        own.with_user(self.u_emp).action_cic_employee_sign()
        self.assertEqual(own.cic_stage, "countersign")

    def test_employee_refused_a_colleague_appraisal_over_http(self):
        own = self.to_employee_step(self.campaign(self.urbanism))
        colleague = self.to_employee_step(self.campaign(self.registratura))
        self.authenticate("hrj_emp", "hrj_emp")
        rows = self.call("hr.appraisal", "search_read", [], ["employee_id"])
        self.assertEqual([row["id"] for row in rows], own.ids)
        for method, args in (
            ("web_read", ({"cic_score": {}, "employee_feedback": {}},)),
            ("action_cic_employee_sign", ()),
            ("write", ({"cic_employee_comment": "Semnez pentru coleg."},)),
        ):
            with (
                mute_logger("odoo.http"),
                self.assertRaises(JsonRpcException, msg=method) as caught,
            ):
                self.call("hr.appraisal", method, colleague.ids, *args)
            self.assertIn("AccessError", str(caught.exception), method)
        with mute_logger("odoo.http"):
            response = self.url_open(
                f"/report/pdf/cic_performance.report_appraisal/{colleague.id}"
            )
        self.assertNotEqual(response.headers.get("Content-Type"), "application/pdf")
        self.assertNotIn(b"Coleg Jurnal HR", response.content)
        colleague.invalidate_recordset()
        self.assertEqual(colleague.cic_stage, "employee")
        self.assertFalse(colleague.cic_employee_comment)
        # his own, he signs over the same route
        self.call("hr.appraisal", "action_cic_employee_sign", own.ids)
        self.assertEqual(own.cic_stage, "countersign")

    def test_status_and_step_refused_over_http(self):
        """Issue 18 point 7: neither the employee nor his evaluator sets the step or
        hr_appraisal_oca's status over JSON-RPC, nor moves a campaign's appraisal
        with hr_appraisal_oca's buttons."""
        appraisal = self.to_employee_step(self.campaign(self.urbanism))
        for login in ("hrj_emp", "hrj_eval"):
            self.authenticate(login, login)
            for method, args in (
                ("write", ({"state": "3_done"},)),
                ("write", ({"cic_stage": "countersigned"},)),
                ("write", ({"cic_stage": "closed", "state": "3_done"},)),
                ("action_done", ()),
                ("action_back", ()),
            ):
                with (
                    mute_logger("odoo.http"),
                    self.assertRaises(JsonRpcException, msg=(login, args)) as caught,
                ):
                    self.call("hr.appraisal", method, appraisal.ids, *args)
                self.assertRegex(
                    str(caught.exception), "AccessError|UserError", (login, args)
                )
        appraisal.invalidate_recordset()
        self.assertEqual(
            (appraisal.cic_stage, appraisal.state), ("employee", "2_pending")
        )
        self.assertFalse(appraisal.cic_employee_signed_date)

    def test_year_reads_without_thousands_separator(self):
        """An Integer year would read "2.019" in Romanian: every year field of the
        campaign and the methodology turns the number formatting off."""
        for model, names in (
            ("cic.appraisal.campaign", {"year"}),
            ("cic.appraisal.methodology", {"year_from", "year_to"}),
        ):
            views = (
                self.env[model]
                .with_user(self.u_hr)
                .get_views([(False, "list"), (False, "form")])["views"]
            )
            for view_type, view in views.items():
                nodes = re.findall(r"<field name=\"(\w+)\"([^>]*)/?>", view["arch"])
                found = {name: attrs for name, attrs in nodes if name in names}
                self.assertEqual(set(found), names, f"{model} {view_type}")
                for name, attrs in found.items():
                    self.assertRegex(
                        attrs,
                        r"options=\"\{'enable_formatting': false\}\"",
                        f"{model} {view_type} {name}",
                    )
        campaign = self.env["cic.appraisal.campaign"].with_context(lang="ro_RO")
        self.assertEqual(
            campaign.with_user(self.u_hr).create({"year": YEAR}).name,
            f"Evaluare {YEAR}",
        )

    def test_appraisal_menus_and_buttons_in_romanian(self):
        """hr_appraisal_oca ships no Romanian: cic_performance does, for the terms a
        user of the suite sees (menus, actions, buttons, fields, states)."""
        self.authenticate("hrj_hr", "hrj_hr")
        menus = self.url_open("/web/webclient/load_menus/hrj").json()

        def menu(xmlid):
            return menus[str(self.env.ref(xmlid).id)]["name"]

        self.assertEqual(menu("hr_appraisal_oca.menu_hr_appraisal_root"), "Evaluări")
        self.assertEqual(menu("hr_appraisal_oca.menu_hr_appraisal"), "Evaluări")
        self.assertEqual(
            menu("hr_appraisal_oca.menu_hr_appraisal_configuration"), "Configurare"
        )
        self.assertEqual(
            menu("hr_appraisal_oca.menuitem_appraisal_template"),
            "Șabloane de evaluare",
        )
        self.assertEqual(
            menu("cic_performance.menu_hr_appraisal_cic_campaign"),
            "Campanii de evaluare",
        )
        Appraisal = (
            self.env["hr.appraisal"].with_user(self.u_hr).with_context(lang="ro_RO")
        )
        arch = Appraisal.get_views([(False, "form")])["views"]["form"]["arch"]
        for term in ("Marchează ca finalizată", "Feedbackul managerului", "Notă"):
            self.assertIn(term, arch)
        self.assertNotIn("Mark as Done", arch)
        labels = Appraisal.fields_get(["state", "date_close"], ["selection", "string"])
        self.assertEqual(dict(labels["state"]["selection"])["1_new"], "De confirmat")
        self.assertEqual(labels["date_close"]["string"], "Data evaluării")
        # the lists hr_appraisal_oca opens from Python are titled in Romanian too
        first = self.campaign(self.urbanism)
        self.campaign(self.urbanism)
        as_hr = first.with_user(self.u_hr).with_context(lang="ro_RO")
        self.assertEqual(
            as_hr.action_open_employee_appraisals()["name"], "Evaluări anterioare"
        )
        self.assertEqual(
            as_hr.employee_id.action_open_last_appraisal()["name"],
            "Evaluări noi și în curs",
        )

    def test_appraisal_officer_without_hr_rights_generates(self):
        """The appraisal module's HR officer, without Odoo's Employees officer
        right, runs a campaign: the staff category that scopes it is HR data he
        could not search (Invalid field on hr.employee.public)."""
        officer = new_test_user(
            self.env,
            login="hrj_appraisal_only",
            groups="base.group_user,hr_appraisal_oca.group_appraisal_hr_officer",
        )
        campaign = (
            self.env["cic.appraisal.campaign"]
            .with_user(officer)
            .create({"year": YEAR, "department_ids": [(6, 0, self.urbanism.ids)]})
        )
        appraisals = campaign.action_generate()
        self.assertEqual(appraisals.employee_id, self.emp)

    def test_methodology_criteria_in_romanian(self):
        """The criteria of the shipped methodologies are data records with xml ids, so
        HR reads them in Romanian (they were created inline and stayed English)."""
        Criterion = (
            self.env["cic.appraisal.criterion"]
            .with_user(self.u_hr)
            .with_context(lang="ro_RO")
        )
        expected = {
            "criterion_anexa6_execution_1": "Îndeplinirea obiectivelor individuale",
            "criterion_anexa6_management_8": "Luarea deciziilor",
            "criterion_oug7_high_2": "Competențe specifice din fișa postului",
            "criterion_contract_staff_3": "Elaborarea documentelor",
        }
        for xmlid, name in expected.items():
            criterion = self.env.ref(f"cic_performance.{xmlid}")
            self.assertEqual(Criterion.browse(criterion.id).name, name)
        methodology = self.env.ref("cic_performance.methodology_anexa6_management")
        self.assertEqual(len(methodology.criterion_ids), 8)
