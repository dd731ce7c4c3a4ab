"""Issue 14, points 6, 9 and 11, attempted by the role that would abuse them over HTTP.

- KPI figures by permission only: ``cic.kpi.service`` is not callable over JSON-RPC,
  and a department member reads the figures of his department only.
- Appraisal steps cannot be skipped: the employee and the evaluator cannot write the
  steps, dates, signatures, rating or signers, forge a context key, open a
  colleague's appraisal naming themselves evaluator, back-date or stretch a
  contestation, or sign for another role; the honest path through the buttons works.
- Draft acts publish only the documents marked published: a visitor neither sees nor
  downloads another attachment of a published draft.
"""

import json
from datetime import timedelta

from security_matrix import Fixture

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger


class RpcMixin:
    def today(self):
        """The institution's date (Europe/Bucharest), which the suite stamps: the
        server's UTC date is the day before between 00:00 and 02:00 there."""
        return self.env["cic.calendar"].today()

    def call(self, user, model, method, *args, context=None, **kwargs):
        self.authenticate(user.login, user.login)
        if context:
            kwargs["context"] = context
        params = {
            "model": model,
            "method": method,
            "args": list(args),
            "kwargs": kwargs,
        }
        response = self.url_open(
            "/web/dataset/call_kw",
            json.dumps({"jsonrpc": "2.0", "method": "call", "params": params}),
            headers={"Content-Type": "application/json"},
        ).json()
        if "error" in response:
            data = response["error"]["data"]
            raise JsonRpcException(
                code=response["error"]["code"],
                message=f"{data['name']}: {data['message']}",
            )
        return response.get("result")

    def assertDenied(self, user, model, method, *args, **kwargs):
        with mute_logger("odoo.http"), self.assertRaises(JsonRpcException) as caught:
            self.call(user, model, method, *args, **kwargs)
        return caught.exception


@tagged("post_install", "-at_install")
class TestKpiByPermission(RpcMixin, HttpCase):
    """A member of department 1 against the KPI service and the dashboards."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.fx = Fixture(cls.env, prefix="kpi")
        cls.staff_1 = cls.fx.users["staff_1"]
        today = cls.env["cic.calendar"].today()
        cls.day = today
        cls.snapshots = cls.env["cic.kpi.snapshot"]._cic_refresh_period(
            "month", today, cls.env.company
        )
        cls.row_1 = cls.snapshots.filtered(lambda s: s.team_id == cls.fx.team_1)
        cls.row_2 = cls.snapshots.filtered(lambda s: s.team_id == cls.fx.team_2)
        cls.totals = cls.snapshots.filtered(lambda s: not s.team_id)

    def test_service_not_callable(self):
        start = fields.Date.to_string(self.day.replace(day=1))
        end = fields.Date.to_string(self.day)
        for method in ("compute", "_cic_figures"):
            self.assertDenied(self.staff_1, "cic.kpi.service", method, start, end)
            self.assertDenied(
                self.staff_1,
                "cic.kpi.service",
                method,
                start,
                end,
                team_ids=[self.fx.team_2.id],
            )

    def test_snapshots_own_department_only(self):
        self.assertEqual(self.row_1.entries, 1)
        self.assertEqual(self.row_2.entries, 1)
        rows = self.call(
            self.staff_1,
            "cic.kpi.snapshot",
            "search_read",
            [("id", "in", self.snapshots.ids)],
            ["team_id", "entries"],
        )
        self.assertEqual([row["id"] for row in rows], self.row_1.ids)
        for record in self.row_2 | self.totals:
            self.assertDenied(
                self.staff_1, "cic.kpi.snapshot", "read", record.ids, ["entries"]
            )
        groups = self.call(
            self.staff_1,
            "cic.kpi.snapshot",
            "read_group",
            [("id", "in", self.snapshots.ids)],
            ["entries:sum"],
            ["team_id"],
        )
        self.assertEqual([g["team_id"][0] for g in groups], self.fx.team_1.ids)

    def test_indicators_own_department_only(self):
        tickets = (self.fx.ticket_a | self.fx.ticket_b).ids
        rows = self.call(
            self.staff_1,
            "cic.kpi.report",
            "search_read",
            [("ticket_id", "in", tickets)],
            ["team_id"],
        )
        self.assertEqual([row["team_id"][0] for row in rows], self.fx.team_1.ids)
        # the figures the service gives him are those of his department
        service = self.env["cic.kpi.service"]
        start = self.day.replace(day=1)
        mine = service.with_user(self.staff_1)._cic_figures(start, self.day)
        dept_1 = service._cic_figures(start, self.day, team_ids=self.fx.team_1.ids)
        self.assertEqual(mine["entries"], dept_1["entries"])
        asked_2 = service.with_user(self.staff_1)._cic_figures(
            start, self.day, team_ids=self.fx.team_2.ids
        )
        self.assertEqual(asked_2["entries"], 0)
        clerk = service.with_user(self.fx.users["clerk"])._cic_figures(
            start, self.day, team_ids=self.fx.team_2.ids
        )
        self.assertEqual(clerk["entries"], 1)


@tagged("post_install", "-at_install")
class TestAppraisalSteps(RpcMixin, HttpCase):
    """Head <- evaluator 1 <- employee 1; head <- evaluator 2 <- employee 2."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))

        def user(login, groups="base.group_user"):
            return new_test_user(cls.env, login=login, groups=groups, password=login)

        cls.u_head = user(
            "sec_appr_head", "base.group_user,cic_registry.group_cic_secretary"
        )
        cls.u_eval1 = user("sec_appr_eval1")
        cls.u_eval2 = user("sec_appr_eval2")
        cls.u_emp1 = user("sec_appr_emp1")
        cls.u_emp2 = user("sec_appr_emp2")
        department = cls.env["hr.department"].create({"name": "Sec appraisal dept"})

        def employee(name, login_user, parent=None, category="execution"):
            return cls.env["hr.employee"].create(
                {
                    "name": name,
                    "user_id": login_user.id,
                    "parent_id": parent.id if parent else False,
                    "department_id": department.id,
                    "cic_staff_category": category,
                }
            )

        cls.head = employee("Sec Head", cls.u_head, category="high_civil_servant")
        cls.eval1 = employee("Sec Evaluator 1", cls.u_eval1, cls.head, "management")
        cls.eval2 = employee("Sec Evaluator 2", cls.u_eval2, cls.head, "management")
        cls.emp1 = employee("Sec Employee 1", cls.u_emp1, cls.eval1)
        cls.emp2 = employee("Sec Employee 2", cls.u_emp2, cls.eval2)
        for category in ("execution", "management", "high_civil_servant"):
            cls.env["cic.appraisal.methodology"].create(
                {
                    "name": f"Sec method {category}",
                    "staff_category": category,
                    "year_from": 2091,
                    "company_id": cls.env.company.id,
                    "criterion_ids": [
                        fields.Command.create({"name": "Objectives", "weight": 2.0}),
                        fields.Command.create({"name": "Teamwork", "weight": 1.0}),
                    ],
                }
            )
        cls.campaign = cls.env["cic.appraisal.campaign"].create(
            {"year": 2091, "department_ids": [(6, 0, department.ids)]}
        )
        appraisals = cls.campaign.action_generate()
        cls.a1 = appraisals.filtered(lambda a: a.employee_id == cls.emp1)
        cls.a2 = appraisals.filtered(lambda a: a.employee_id == cls.emp2)

    # ------------------------------------------------------------------
    def write(self, user, appraisal, vals, context=None):
        return self.call(
            user, "hr.appraisal", "write", appraisal.ids, vals, context=context
        )

    def button(self, user, appraisal, method):
        return self.call(user, "hr.appraisal", method, appraisal.ids)

    def snapshot(self, appraisal):
        appraisal.invalidate_recordset()
        return appraisal.read(
            [
                "cic_stage",
                "state",
                "cic_rating",
                "cic_score",
                "cic_employee_signed_date",
                "cic_countersign_date",
                "cic_contest_date",
                "cic_contest_deadline",
                "cic_evaluator_id",
                "cic_countersigner_id",
                "manager_ids",
                "cic_employee_comment",
                "cic_countersigner_note",
            ]
        )[0]

    def assertWriteDenied(self, user, appraisal, vals, context=None):
        before = self.snapshot(appraisal)
        with mute_logger("odoo.http"), self.assertRaises(JsonRpcException):
            self.write(user, appraisal, vals, context=context)
        self.assertEqual(self.snapshot(appraisal), before, vals)

    def forged_contexts(self):
        return (
            None,
            {"cic_workflow_write": True},
            {"cic_appraisal_write": True, "bypass_cic_checks": True},
        )

    def honest_report(self, appraisal, evaluator):
        """The evaluator's part up to the employee's signature, over RPC."""
        self.write(evaluator, appraisal, {"cic_objectives": "<p>Answer in term.</p>"})
        self.button(evaluator, appraisal, "action_cic_objectives_done")
        for mark, value in zip(appraisal.cic_mark_ids, (4.0, 5.0), strict=True):
            self.call(
                evaluator, "cic.appraisal.mark", "write", mark.ids, {"mark": value}
            )
        self.write(
            evaluator,
            appraisal,
            {"cic_training_needs": "Law 544", "cic_next_objectives": "Portal"},
        )
        self.button(evaluator, appraisal, "action_cic_submit_report")
        self.write(
            evaluator,
            appraisal,
            {"cic_interview_date": fields.Date.to_string(self.today())},
        )
        self.button(evaluator, appraisal, "action_cic_interview_done")
        self.assertEqual(appraisal.cic_stage, "employee")

    # ------------------------------------------------------------------
    def test_employee_cannot_write_steps(self):
        today = fields.Date.to_string(self.today())
        attempts = [
            {"cic_stage": "countersigned"},
            {"cic_stage": "closed", "state": "3_done"},
            {"state": "3_done"},
            {"cic_rating": "very_good"},
            {"cic_final_rating": "very_good"},
            {"cic_score": 5.0},
            {"cic_employee_signed_date": today},
            {"cic_countersign_date": today},
            {"cic_evaluator_id": self.emp1.id},
            {"cic_countersigner_id": self.emp1.id},
            {"manager_ids": [(6, 0, self.emp1.ids)]},
            {"cic_campaign_id": False},
        ]
        for context in self.forged_contexts():
            for vals in attempts:
                self.assertWriteDenied(self.u_emp1, self.a1, vals, context=context)
        self.assertEqual(self.a1.cic_stage, "objectives")
        self.assertEqual(self.a1.cic_evaluator_id, self.eval1)

    def test_evaluator_cannot_sign_for_others(self):
        self.honest_report(self.a1, self.u_eval1)
        today = fields.Date.to_string(self.today())
        attempts = [
            {"cic_employee_signed_date": today},
            {"cic_employee_signed_date": today, "cic_stage": "countersign"},
            {"cic_countersign_date": today},
            {"cic_countersign_amended": True},
            {"cic_countersigner_note": "Approved."},
            {"cic_employee_comment": "I agree with everything."},
            {"cic_stage": "countersigned"},
            {"cic_rating": "very_good"},
            {"cic_evaluator_id": self.eval2.id},
            {"cic_countersigner_id": self.eval1.id},
            {"cic_employee_signed_date": False},
        ]
        for context in self.forged_contexts():
            for vals in attempts:
                self.assertWriteDenied(self.u_eval1, self.a1, vals, context=context)
        for method in ("action_cic_employee_sign", "action_cic_contest"):
            self.assertDenied(self.u_eval1, "hr.appraisal", method, self.a1.ids)
        # the marks cannot change once the report went to the employee
        mark = self.a1.cic_mark_ids[:1]
        self.assertDenied(
            self.u_eval1, "cic.appraisal.mark", "write", mark.ids, {"mark": 1.0}
        )
        self.assertEqual(mark.mark, 4.0)
        self.assertEqual(self.a1.cic_stage, "employee")
        self.assertFalse(self.a1.cic_employee_signed_date)
        # once the employee signed, the evaluator does not countersign
        self.button(self.u_emp1, self.a1, "action_cic_employee_sign")
        self.assertDenied(
            self.u_eval1, "hr.appraisal", "action_cic_countersign", self.a1.ids
        )
        self.assertEqual(self.a1.cic_stage, "countersign")
        self.assertFalse(self.a1.cic_countersign_date)

    def test_employee_cannot_open_colleague_appraisal(self):
        Appraisal = self.env["hr.appraisal"]
        domain = [("employee_id", "=", self.emp2.id)]
        before = Appraisal.search_count(domain)
        attempts = [
            {"cic_evaluator_id": self.emp1.id},
            {"cic_evaluator_id": self.emp1.id, "cic_campaign_id": self.campaign.id},
            {"manager_ids": [(6, 0, self.emp1.ids)]},
            {},
        ]
        for context in self.forged_contexts():
            for extra in attempts:
                vals = dict(extra, employee_id=self.emp2.id, date_close="2092-03-31")
                self.assertDenied(
                    self.u_emp1, "hr.appraisal", "create", vals, context=context
                )
        # nor his own appraisal at a later step, rated or with himself as evaluator
        for extra in (
            {"cic_stage": "countersigned"},
            {"cic_rating": "very_good"},
            {"cic_evaluator_id": self.emp1.id},
            {"cic_campaign_id": self.campaign.id},
        ):
            vals = dict(extra, employee_id=self.emp1.id, date_close="2092-03-31")
            self.assertDenied(self.u_emp1, "hr.appraisal", "create", vals)
        self.assertEqual(Appraisal.search_count(domain), before)
        self.assertEqual(
            Appraisal.search_count([("cic_evaluator_id", "=", self.emp1.id)]), 0
        )

    def countersigned(self, appraisal, days_ago=0):
        self.honest_report(appraisal, self.u_eval1)
        self.button(self.u_emp1, appraisal, "action_cic_employee_sign")
        self.button(self.u_head, appraisal, "action_cic_countersign")
        if days_ago:
            # as if countersigned earlier (test set-up only, past the report's lock)
            signed = self.today() - timedelta(days=days_ago)
            deadline = signed + timedelta(days=self.campaign.contestation_days)
            self.env.cr.execute(
                "UPDATE hr_appraisal SET cic_countersign_date = %s, "
                "cic_contest_deadline = %s WHERE id = %s",
                (signed, deadline, appraisal.id),
            )
            appraisal.invalidate_recordset()
        self.assertEqual(appraisal.cic_stage, "countersigned")

    def test_contestation_not_backdated_nor_late(self):
        self.countersigned(self.a1, days_ago=10)
        self.assertLess(self.a1.cic_contest_deadline, self.today())
        self.write(self.u_emp1, self.a1, {"cic_contest_reason": "Teamwork was good."})
        early = fields.Date.to_string(self.a1.cic_countersign_date + timedelta(days=1))
        later = fields.Date.to_string(self.today() + timedelta(days=30))
        for context in self.forged_contexts():
            for vals in (
                {"cic_contest_date": early},
                {"cic_contest_date": early, "cic_stage": "contested"},
                {"cic_contest_deadline": later},
                {"cic_countersign_date": fields.Date.to_string(self.today())},
            ):
                self.assertWriteDenied(self.u_emp1, self.a1, vals, context=context)
        self.assertDenied(
            self.u_emp1, "hr.appraisal", "action_cic_contest", self.a1.ids
        )
        self.assertEqual(self.a1.cic_stage, "countersigned")
        self.assertFalse(self.a1.cic_contest_date)

    def test_honest_path_through_buttons(self):
        self.countersigned(self.a1)
        self.assertEqual(self.a1.cic_rating, "good")
        self.assertEqual(self.a1.cic_employee_signed_date, self.today())
        self.write(self.u_emp1, self.a1, {"cic_contest_reason": "Teamwork was good."})
        self.button(self.u_emp1, self.a1, "action_cic_contest")
        self.assertEqual(self.a1.cic_stage, "contested")
        self.assertEqual(self.a1.cic_contest_date, self.today())
        self.write(
            self.u_head,
            self.a1,
            {
                "cic_decision": "changed",
                "cic_decision_rating": "very_good",
                "cic_decision_note": "Admitted.",
            },
        )
        self.button(self.u_head, self.a1, "action_cic_decide")
        self.assertEqual(self.a1.cic_stage, "decided")
        self.assertEqual(self.a1.cic_final_rating, "very_good")
        self.assertEqual(self.a1.state, "3_done")


@tagged("post_install", "-at_install")
class TestDraftPublishedDocuments(HttpCase):
    """A visitor on a published draft act sees only the documents marked public."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.draft = cls.env["cic.transparency.draft"].create(
            {
                "name": "Sec draft on parking fees",
                "state": "published",
                "published_website": True,
                "publication_date": cls.env["cic.calendar"].today(),
            }
        )
        Attachment = cls.env["ir.attachment"]

        def attach(name, raw):
            return Attachment.create(
                {
                    "name": name,
                    "raw": raw,
                    "res_model": cls.draft._name,
                    "res_id": cls.draft.id,
                }
            )

        cls.published = attach("sec-draft-text.txt", b"Article 1. Parking costs 1 leu.")
        cls.internal = attach("sec-legal-opinion.txt", b"Internal: weak legal basis.")
        if "published_attachment_ids" in cls.draft._fields:
            cls.draft.published_attachment_ids = cls.published

    def document_url(self, attachment):
        return f"/cic/transparency/draft/{self.draft.id}/document/{attachment.id}"

    def test_visitor_sees_published_documents_only(self):
        page = self.url_open(f"/cic/transparency/draft/{self.draft.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.published.name, page.text)
        self.assertNotIn(self.internal.name, page.text)
        self.assertNotIn(self.document_url(self.internal), page.text)

    def test_visitor_cannot_download_unpublished(self):
        ok = self.url_open(self.document_url(self.published))
        self.assertEqual(ok.status_code, 200)
        self.assertEqual(ok.content, b"Article 1. Parking costs 1 leu.")
        # the request reads the attachment as the visitor, not from the test's cache
        self.env.invalidate_all()
        with mute_logger("odoo.http"):
            refused = self.url_open(self.document_url(self.internal))
            self.assertEqual(refused.status_code, 404)
            for url in (
                f"/web/content/{self.internal.id}",
                f"/web/content/{self.internal.id}?download=true",
                f"/web/content/ir.attachment/{self.internal.id}/datas",
            ):
                response = self.url_open(url, allow_redirects=False)
                self.assertIn(response.status_code, (403, 404), url)
                self.assertNotIn(b"weak legal basis", response.content)

    def test_only_own_attachments_publishable(self):
        other = self.env["cic.transparency.draft"].create({"name": "Other draft"})
        foreign = self.env["ir.attachment"].create(
            {
                "name": "other.txt",
                "raw": b"x",
                "res_model": other._name,
                "res_id": other.id,
            }
        )
        clerk = new_test_user(
            self.env,
            login="sec_draft_clerk",
            groups="cic_registry.group_cic_clerk",
            password="sec_draft_clerk",
        )
        self.authenticate(clerk.login, clerk.login)
        with mute_logger("odoo.http"), self.assertRaises(JsonRpcException):
            self.make_jsonrpc_request(
                "/web/dataset/call_kw",
                {
                    "model": "cic.transparency.draft",
                    "method": "write",
                    "args": [
                        self.draft.ids,
                        {"published_attachment_ids": [(4, foreign.id)]},
                    ],
                    "kwargs": {},
                },
            )
        self.assertNotIn(foreign, self.draft.published_attachment_ids)
