# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Annual decisional transparency report (Law 52/2003 art. 13(1) a)-g), R-TD-6)."""

import datetime
import io
from unittest.mock import patch

import openpyxl

from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from .report_common import CicReportCase

D = datetime.date


@tagged("post_install", "-at_install")
class TestReportTransparency(CicReportCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        draft_model = cls.env["cic.transparency.draft"].with_company(cls.company)
        draft = draft_model.create(
            {
                "name": "Proiect HCL buget",
                "company_id": cls.company.id,
                "publication_date": D(2024, 2, 1),
            }
        )
        draft_model.create(
            {
                "name": "Proiect HCL taxe",
                "company_id": cls.company.id,
                "publication_date": D(2023, 11, 1),
            }
        )
        recommendation = cls.env["cic.transparency.recommendation"]
        for decision, received in (
            ("accepted", D(2024, 2, 5)),
            ("partly", D(2024, 2, 6)),
            ("rejected", D(2024, 2, 7)),
            ("pending", D(2024, 2, 8)),
            ("accepted", D(2023, 12, 1)),
        ):
            recommendation.create(
                {
                    "draft_id": draft.id,
                    "author_id": cls.natural.id,
                    "text": "Propunere",
                    "date_received": received,
                    "decision": decision,
                    "decision_reason": "Motivare",
                }
            )
        meeting = cls.env["cic.transparency.meeting"]
        for vals in (
            {"meeting_type": "meeting", "participant_count": 12},
            {"meeting_type": "debate", "participant_count": 30},
            {"meeting_type": "debate", "participant_count": 5},
            {
                "meeting_type": "meeting",
                "public": False,
                "participant_count": 9,
                "non_public_reason": "Informații clasificate",
            },
            {"meeting_type": "debate", "participant_count": 50, "state": "cancelled"},
        ):
            meeting.create(
                dict(
                    {
                        "name": "Ședință",
                        "company_id": cls.company.id,
                        "meeting_date": D(2024, 3, 14),
                    },
                    **vals,
                )
            )
        meeting.create(
            {
                "name": "Ședință 2023",
                "company_id": cls.company.id,
                "meeting_date": D(2023, 3, 14),
                "participant_count": 100,
            }
        )

    def _report(self):
        return self.env["cic.report.transparency"].create(
            {"company_id": self.company.id, "year": 2024}
        )

    def test_computed_and_manual_letters(self):
        report = self._report()
        report.write(
            {
                "court_cases": 1,
                "court_cases_note": "Dosar 123/2024, Tribunalul Exemplu",
                "self_evaluation": "good",
                "self_evaluation_note": "Parteneriat bun cu asociațiile.",
            }
        )
        report.action_compute()
        self.assertEqual(report.recommendations_received, 4)
        self.assertEqual(report.recommendations_included, 2)
        self.assertEqual(report.meeting_participants, 47)
        self.assertEqual(report.debates_organised, 2)
        self.assertEqual(report.non_public_meetings, 1)
        self.assertIn("Informații clasificate", report.non_public_reasons)
        self.assertEqual(report.drafts_published, 1)
        self.assertEqual(report.court_cases, 1)
        rows = report._cic_report_document()["tables"][0]["rows"]
        self.assertEqual(rows[0][1], 4)
        self.assertIn(["e) Court cases for breaching the law", 1], rows)
        self.assertIn(["f) Evaluation of the partnership", "Good"], rows)

    def test_publish_freezes_the_report(self):
        report = self._report()
        report.action_publish()
        self.assertEqual(report.state, "published")
        self.assertEqual(report.recommendations_received, 4)
        self.assertTrue(report.publication_date)
        with self.assertRaises(UserError):
            report.action_compute()

    def test_pdf_and_xlsx(self):
        report = self._report()
        report.action_compute()
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "cic_registry.action_report_cic_transparency", report.ids
            )[0]
            .decode()
        )
        self.assertIn("Law 52/2003", html)
        action = report.action_export_xlsx()
        content, _fmt = self.env["ir.actions.report"]._render_xlsx(
            action["report_name"], report.ids, action.get("data")
        )
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        values = [c for row in sheet.iter_rows(values_only=True) for c in row]
        self.assertIn("a) Recommendations received", values)
        self.assertIn(47, values)

    def test_january_reminder(self):
        manager = self._user("cic_rep_manager52", "cic_registry.group_cic_manager")
        model = self.env["cic.report.transparency"]
        calendar = type(self.env["cic.calendar"])
        with patch.object(calendar, "today", lambda self_: D(2025, 1, 10)):
            model._cron_january_reminder()
            model._cron_january_reminder()
        report = model.search(
            [("company_id", "=", self.company.id), ("year", "=", 2024)]
        )
        self.assertEqual(len(report), 1)
        self.assertEqual(
            report.activity_ids.filtered(lambda a: a.user_id == manager).mapped(
                "summary"
            ),
            ["Publish the decisional transparency report"],
        )

    def test_companies_do_not_see_each_other(self):
        report = self._report()
        item = self.env["cic.exofficio.item"].create(
            {"company_id": self.company.id, "letter": "a", "name": "Acte"}
        )
        other = new_test_user(
            self.env, login="cic_rep_other_clerk", groups="cic_registry.group_cic_clerk"
        )
        self.assertNotIn(self.company, other.company_ids)
        reports = self.env["cic.report.transparency"].with_user(other).search([])
        self.assertNotIn(report, reports)
        items = self.env["cic.exofficio.item"].with_user(other).search([])
        self.assertNotIn(item, items)
        self.assertIn(
            report, self.env["cic.report.transparency"].with_user(self.clerk).search([])
        )
        self.assertIn(
            item, self.env["cic.exofficio.item"].with_user(self.clerk).search([])
        )
