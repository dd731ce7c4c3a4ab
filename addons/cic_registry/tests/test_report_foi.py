# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Annual Law 544/2001 report (R-544-9) and the ex officio checklist (R-544-10)."""

import datetime
import io

import openpyxl

from odoo.tests import tagged

from .report_common import CicReportCase

D = datetime.date


@tagged("post_install", "-at_install")
class TestReportFoi(CicReportCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        tariff = cls.env["cic.foi.copy.tariff"].create(
            {"company_id": cls.company.id, "price_per_page": 0.5}
        )
        # Registered on Mon 4 Mar 2024: refusal due Mon 11 Mar (4 + 6 = Sun 10 Mar,
        # rolled), answer due Fri 15 Mar (4 + 11), extended answer due Thu 4 Apr
        # (4 + 31). Each request reaches its state through the workflow actions.
        day = D(2024, 3, 4)
        cls.r1 = cls.entry(
            "foi_request",
            day,
            channel_id=cls.channel_email.id,
            category_id=cls.topic_1.id,
        )
        cls.answer(D(2024, 3, 7), cls.r1)  # in term
        # the copies are released after the answer, at the tariff
        cls.r1.with_user(cls.clerk).write(
            {"cic_foi_copy_tariff_id": tariff.id, "cic_foi_copy_pages": 10}
        )
        cls.r2 = cls.entry(
            "foi_request",
            day,
            partner_id=cls.legal.id,
            channel_id=cls.channel_web.id,
            category_id=cls.topic_1.id,
        )
        cls.act(
            D(2024, 3, 12),
            cls.clerk,
            cls.r2,
            "cic.foi.extend",
            reason="Volum mare de documente de identificat.",
        )
        cls.answer(D(2024, 6, 1), cls.r2)  # after the extended term
        cls.r3 = cls.entry(
            "foi_request",
            day,
            team_id=cls.team_b.id,
            category_id=cls.topic_2.id,
        )
        cls.act(
            D(2024, 3, 6),
            cls.clerk,
            cls.r3,
            "cic.foi.refuse",
            ground="personal_data",
            partial=True,
            reason="Anexele conțin CNP-urile unor terți.",
            answered_part="<p>Contractul de salubrizare, fără anexe.</p>",
        )
        cls.r4 = cls.entry("foi_request", day, team_id=cls.team_b.id)
        # Wed 20 Mar 2024: after the refusal term and the answer term: refuz tardiv.
        cls.act(
            D(2024, 3, 20),
            cls.clerk,
            cls.r4,
            "cic.foi.refuse",
            ground="not_held",
            reason="Informația nu este deținută de instituție.",
        )
        cls.r5 = cls.entry(
            "foi_request",
            day,
            channel_id=cls.channel_email.id,
            category_id=cls.topic_2.id,
        )
        cls.r6 = cls.entry("foi_request", day)
        cls.act(
            D(2024, 3, 5),
            cls.clerk,
            cls.r6,
            "cic.petition.forward",
            authority_id=cls.institution,
            reason="Competența aparține prefecturii.",
        )
        cls.entry("foi_request", D(2023, 12, 29))
        for outcome in ("admitted", "rejected", False):
            cls.entry(
                "foi_complaint",
                D(2024, 4, 1),
                cic_foi_request_id=cls.r3.id,
                cic_complaint_type="refusal",
                cic_complaint_outcome=outcome,
            )
        litigation = cls.env["cic.foi.litigation"]
        for state, filed in (
            ("won", D(2024, 5, 1)),
            ("lost", D(2024, 6, 1)),
            ("open", D(2024, 7, 1)),
            ("won", D(2023, 5, 1)),
        ):
            litigation.create(
                {"request_id": cls.r3.id, "state": state, "filing_date": filed}
            )
        verbal = cls.env["cic.foi.verbal.request"]
        for moment in (
            datetime.datetime(2024, 5, 5, 10),
            datetime.datetime(2024, 12, 31, 10),
            datetime.datetime(2023, 5, 5, 10),
        ):
            verbal.create(
                {
                    "company_id": cls.company.id,
                    "request_datetime": moment,
                    "subject": "Program",
                }
            )
        item = cls.env["cic.exofficio.item"]
        item.create(
            {
                "company_id": cls.company.id,
                "letter": "a",
                "name": "Acte normative",
                "url": "https://exemplu.ro/acte",
                "last_update_date": D(2024, 2, 1),
            }
        )
        item.create(
            {
                "company_id": cls.company.id,
                "letter": "b",
                "name": "Structura",
                "url": "https://exemplu.ro/structura",
                "last_update_date": D(2023, 2, 1),
            }
        )
        item.create({"company_id": cls.company.id, "letter": "c", "name": "Conducere"})

    def test_measures(self):
        values = self.env["cic.report.foi"]._cic_measures(self.company.id, 2024, 1500)
        self.assertEqual(
            values.pop("by_domain"),
            [("Drumuri", 2), ("Not specified", 2), ("Salubrizare", 2)],
        )
        self.assertEqual(
            values,
            {
                "requests_written": 6,
                "requests_verbal": 2,
                "requests_total": 8,
                "channel_email": 2,
                "channel_web": 1,
                "channel_paper": 3,
                "applicant_natural": 5,
                "applicant_legal": 1,
                "answered": 2,
                "answered_in_term": 2,
                "extended": 1,
                "refused": 2,
                "refused_partial": 1,
                "refused_late": 1,
                "refused_personal_data": 1,
                "refused_classified": 0,
                "refused_commercial": 0,
                "refused_investigation": 0,
                "refused_not_held": 1,
                "refused_other": 0,
                "redirected": 1,
                "withdrawn": 0,
                "pending": 1,
                "copy_pages": 10,
                "copy_fees": 5.0,
                "operating_costs": 1500.0,
                "complaints_total": 3,
                "complaints_admitted": 1,
                "complaints_partly": 0,
                "complaints_rejected": 1,
                "complaints_pending": 1,
                "court_total": 3,
                "court_won": 1,
                "court_lost": 1,
                "court_pending": 1,
                "exofficio_items": 2,
                "exofficio_updated": 1,
            },
        )

    def test_fixture_states_come_from_the_workflow(self):
        self.assertEqual(
            (self.r1 | self.r2 | self.r3 | self.r4 | self.r5 | self.r6).mapped(
                "cic_closure_reason"
            ),
            ["answered", "answered", "refused_partial", "refused", False, "redirected"],
        )
        self.assertEqual(self.r2.cic_legal_due_date, D(2024, 4, 4))
        self.assertEqual(self.r4.cic_foi_refusal_date, D(2024, 3, 20))
        self.assertTrue(self.r4.cic_foi_refusal_late)
        self.assertFalse(self.r3.cic_foi_refusal_late)
        self.assertIn("fără anexe", self.r3.cic_foi_partial_answer)
        self.assertEqual(self.r1.cic_foi_copy_fee, 5.0)

    def test_configurable_layout_and_uat_table(self):
        wizard = self.wizard(report_type="foi_annual", year=2024, operating_costs=1500)
        tables = {t["title"]: t for t in wizard._cic_document()["tables"]}
        self.assertEqual(
            list(tables),
            [
                "A. Ex officio communication",
                "B. Requests for public information",
                "C. Administrative complaints and court complaints",
                "D. Costs",
                "UAT summary table (prefecture)",
            ],
        )
        section_b = dict(
            map(tuple, tables["B. Requests for public information"]["rows"])
        )
        self.assertEqual(section_b["Total requests for public information"], 8)
        self.assertEqual(section_b["Requests by domain: Drumuri"], 2)
        uat = tables["UAT summary table (prefecture)"]
        self.assertEqual(uat["rows"][0][:3], ["Exemplu", 8, 5])
        self.assertEqual(uat["columns"][:2], ["UAT", "Requests"])
        # An administrator relabels a row and moves a figure into section A.
        line = self.env.ref("cic_registry.foi_line_b_requests_verbal")
        line.write({"name": "Cereri verbale", "section": "a"})
        tables = {t["title"]: t for t in wizard._cic_document()["tables"]}
        section_a = dict(map(tuple, tables["A. Ex officio communication"]["rows"]))
        self.assertEqual(section_a["Cereri verbale"], 2)
        section_b = dict(
            map(tuple, tables["B. Requests for public information"]["rows"])
        )
        self.assertNotIn("Verbal requests", section_b)

    def test_department_heads(self):
        doc = self.wizard(self.head_a, report_type="foi_annual", year=2024)
        values = (
            self.env["cic.report.foi"]
            .with_user(self.head_a)
            .with_company(self.company)
            ._cic_measures(self.company.id, 2024)
        )
        self.assertEqual(values["requests_written"], 4)
        self.assertEqual(values["refused"], 0)
        self.assertEqual(values["requests_verbal"], 0)
        self.assertEqual(values["court_total"], 0)
        self.assertEqual(values["complaints_total"], 3)
        values_b = (
            self.env["cic.report.foi"]
            .with_user(self.head_b)
            .with_company(self.company)
            ._cic_measures(self.company.id, 2024)
        )
        self.assertEqual(values_b["requests_written"], 2)
        self.assertEqual(values_b["refused"], 2)
        self.assertEqual(values_b["court_total"], 3)
        self.assertEqual(values_b["complaints_total"], 0)
        self.assertTrue(doc._cic_document()["tables"])

    def test_pdf_and_xlsx(self):
        wizard = self.wizard(report_type="foi_annual", year=2024)
        wizard.action_compute()
        self.assertIn("8", wizard.line_ids.mapped("value"))
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("cic_registry.action_report_cic_statistics", wizard.ids)[
                0
            ]
            .decode()
        )
        self.assertIn("UAT", html)
        action = wizard.action_export_xlsx()
        content, _fmt = self.env["ir.actions.report"]._render_xlsx(
            action["report_name"], wizard.ids, action.get("data")
        )
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        values = [c for row in sheet.iter_rows(values_only=True) for c in row]
        self.assertIn("Requests refused", values)

    def test_exofficio_checklist_and_january_reminder(self):
        items = self.env["cic.exofficio.item"].search(
            [("company_id", "=", self.env.ref("base.main_company").id)]
        )
        self.assertEqual(sorted(set(items.mapped("letter"))) >= list("abcdefghi"), True)
        item = items[0]
        item.action_mark_updated()
        self.assertEqual(item.last_update_date, self.env["cic.calendar"].today())
        self.assertFalse(item.outdated)
        manager = self._user("cic_rep_manager", "cic_registry.group_cic_manager")
        manager.company_ids = [(4, self.env.ref("base.main_company").id)]
        model = self.env["cic.exofficio.item"]
        summary_filter = [
            ("res_model", "=", "cic.exofficio.item"),
            ("user_id", "=", manager.id),
        ]
        activity = self.env["mail.activity"]
        with self._today(D(2026, 3, 1)):
            model._cron_bulletin_reminder()
        self.assertFalse(activity.search(summary_filter))
        with self._today(D(2026, 1, 5)):
            model._cron_bulletin_reminder()
            model._cron_bulletin_reminder()
        # one activity per company of the manager, not repeated
        self.assertEqual(len(activity.search(summary_filter)), 2)

    def _today(self, day):
        from unittest.mock import patch

        return patch.object(type(self.env["cic.calendar"]), "today", lambda self_: day)
