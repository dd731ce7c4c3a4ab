# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Semestrial petitions report (OG 27/2002 art. 13, R-PET-11)."""

import datetime
import io

import openpyxl

from odoo.tests import tagged

from .report_common import CicReportCase

D = datetime.date


@tagged("post_install", "-at_install")
class TestReportPetition(CicReportCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Registered on Fri 1 Mar 2024: answer due Mon 1 Apr 2024 (1 + 31),
        # forwarding due Thu 7 Mar (1 + 6). Each petition reaches its state through
        # the workflow actions, as the role allowed to take them.
        day = D(2024, 3, 1)
        common = {"cic_petition_type": "request", "channel_id": cls.channel_email.id}
        cls.p1 = cls.entry("petition", day, **common, category_id=cls.topic_1.id)
        # Same petitioner, same matter, registered on Mon 4 Mar: joined to p1 and
        # answered with it.
        cls.p7 = cls.entry(
            "petition", D(2024, 3, 4), **common, category_id=cls.topic_1.id
        )
        cls.act(D(2024, 3, 5), cls.clerk, cls.p7, "cic.petition.join", target_id=cls.p1)
        cls.answer(D(2024, 3, 6), cls.p1, basis="OG 27/2002 art. 8; HCL 12/2024")
        cls.p2 = cls.entry(
            "petition",
            day,
            partner_id=cls.legal.id,
            cic_petition_type="complaint",
            channel_id=cls.channel_web.id,
            category_id=cls.topic_1.id,
        )
        cls.answer(D(2024, 5, 30), cls.p2, basis="OG 27/2002 art. 8")  # late
        cls.p3 = cls.entry(
            "petition",
            day,
            partner_id=cls.institution.id,
            cic_petition_type="notification",
            channel_id=cls.channel_email.id,
            category_id=cls.topic_2.id,
        )
        cls.act(
            D(2024, 3, 20),
            cls.secretary,
            cls.p3,
            "cic.petition.extend",
            days=15,
            reason="Necesită informare și cercetare mai amănunțită.",
        )
        cls.p4 = cls.entry(
            "petition",
            day,
            team_id=cls.team_b.id,
            cic_petition_type="proposal",
            category_id=cls.topic_2.id,
        )
        cls.act(
            D(2024, 3, 5),
            cls.clerk,
            cls.p4,
            "cic.petition.forward",
            authority_id=cls.institution,
            reason="Competența aparține prefecturii.",
        )
        cls.p5 = cls.entry(
            "petition", day, **common, team_id=cls.team_b.id, partner_id=False
        )
        with cls.on(D(2024, 3, 4)):
            cls.p5.with_user(cls.clerk).action_cic_class_anonymous()
        cls.p6 = cls.entry(
            "petition",
            day,
            **common,
            team_id=cls.team_b.id,
            category_id=cls.topic_1.id,
        )
        cls.act(
            D(2024, 3, 7),
            cls.clerk,
            cls.p6,
            "cic.petition.class.identical",
            original_id=cls.p1,
        )
        # Outside the report: H2, another procedure, a legacy entry.
        cls.entry("petition", D(2024, 7, 1), **common)
        cls.entry("foi_request", D(2024, 3, 1))
        cls.env["helpdesk.ticket"].create(
            {
                "name": "Legacy",
                "description": "<p>x</p>",
                "company_id": cls.company.id,
                "cic_procedure_id": cls.procedure["petition"].id,
                "cic_is_legacy": True,
                "cic_legacy_number": "12",
                "cic_legacy_date": D(2024, 2, 1),
                "cic_legacy_year": 2024,
            }
        )

    def test_fixture_states_come_from_the_workflow(self):
        petitions = self.p1 | self.p2 | self.p3 | self.p4 | self.p5 | self.p6 | self.p7
        self.assertEqual(
            petitions.mapped("cic_closure_reason"),
            [
                "answered",
                "answered",
                False,
                "redirected",
                "anonymous",
                "identical",
                "joined",
            ],
        )
        self.assertEqual(self.p7.cic_joined_to_id, self.p1)
        self.assertEqual(self.p3.cic_extension_days, 15)
        # due(1 Mar 2024, 45) = 1 Mar + 46 = Tue 16 Apr 2024
        self.assertEqual(self.p3.cic_legal_due_date, D(2024, 4, 16))
        self.assertEqual(self.p1.cic_dispatch_date, D(2024, 3, 6))
        self.assertEqual(self.p2.cic_dispatch_date, D(2024, 5, 30))

    def _tables(self, document):
        return {t["title"]: t for t in document["tables"]}

    def _rows(self, table):
        return {row[0]: row[1:] for row in table["rows"]}

    def test_semester_figures(self):
        wizard = self.wizard(report_type="petitions", year=2024, semester="1")
        self.assertEqual(wizard._cic_dates(), (D(2024, 1, 1), D(2024, 6, 30)))
        tables = self._tables(wizard._cic_document())
        summary = self._rows(tables["Overview"])
        self.assertEqual(
            {k: v[0] for k, v in summary.items()},
            {
                "Registered": 7,
                "Answered in term": 1,
                "Answered late": 1,
                "Pending": 1,
                "Forwarded (misdirected)": 1,
                "Classed - anonymous": 1,
                "Classed - identical content": 1,
                "Withdrawn by the petitioner": 0,
                "Joined": 1,
                "Extended": 1,
            },
        )
        # columns: registered, in term, late, pending
        self.assertEqual(
            self._rows(tables["By source"]),
            {
                "Natural persons": [4, 1, 0, 0],
                "Legal persons": [1, 0, 1, 0],
                "Public institutions": [1, 0, 0, 1],
                "Unidentified": [1, 0, 0, 0],
            },
        )
        self.assertEqual(tables["By source"]["totals"], ["Total", 7, 1, 1, 1])
        types = self._rows(tables["By type"])
        self.assertEqual(types["Request (cerere)"], [4, 1, 0, 0])
        self.assertEqual(types["Complaint (reclamație)"], [1, 0, 1, 0])
        self.assertEqual(types["Notification (sesizare)"], [1, 0, 0, 1])
        self.assertEqual(types["Proposal (propunere)"], [1, 0, 0, 0])
        channels = self._rows(tables["By channel"])
        self.assertEqual(channels[self.channel_email.name], [5, 1, 0, 1])
        self.assertEqual(channels[self.channel_web.name], [1, 0, 1, 0])
        self.assertEqual(channels["Not specified"], [1, 0, 0, 0])
        self.assertEqual(
            self._rows(tables["By department"]),
            {"Urbanism": [4, 1, 1, 1], "Taxe locale": [3, 0, 0, 0]},
        )
        self.assertEqual(
            self._rows(tables["By topic"]),
            {
                "Drumuri": [4, 1, 1, 0],
                "Salubrizare": [2, 0, 0, 1],
                "Not specified": [1, 0, 0, 0],
            },
        )

    def test_second_semester(self):
        wizard = self.wizard(report_type="petitions", year=2024, semester="2")
        summary = self._rows(self._tables(wizard._cic_document())["Overview"])
        self.assertEqual(summary["Registered"], [1])
        self.assertEqual(summary["Pending"], [1])

    def test_semester_boundary_in_local_time(self):
        """30 Jun 2024 22:30 UTC is 1 Jul 01:30 in Bucharest: second half-year."""
        late = self.entry("petition", D(2024, 6, 30))
        late.sudo().with_context(cic_registration_write=True).write(
            {"cic_registration_date": datetime.datetime(2024, 6, 30, 22, 30)}
        )
        for semester, count in (("1", 7), ("2", 2)):
            wizard = self.wizard(report_type="petitions", year=2024, semester=semester)
            summary = self._rows(self._tables(wizard._cic_document())["Overview"])
            self.assertEqual(summary["Registered"], [count])

    def test_department_heads_see_their_figures_only(self):
        doc_a = self.wizard(
            self.head_a, report_type="petitions", year=2024, semester="1"
        )._cic_document()
        summary_a = self._rows(self._tables(doc_a)["Overview"])
        self.assertEqual(summary_a["Registered"], [4])
        self.assertEqual(summary_a["Extended"], [1])
        self.assertEqual(summary_a["Classed - anonymous"], [0])
        self.assertEqual(
            self._rows(self._tables(doc_a)["By department"]), {"Urbanism": [4, 1, 1, 1]}
        )
        doc_b = self.wizard(
            self.head_b, report_type="petitions", year=2024, semester="1"
        )._cic_document()
        summary_b = self._rows(self._tables(doc_b)["Overview"])
        self.assertEqual(summary_b["Registered"], [3])
        self.assertEqual(summary_b["Classed - anonymous"], [1])
        self.assertEqual(summary_b["Answered in term"], [0])
        self.assertEqual(
            self._rows(self._tables(doc_b)["By department"]),
            {"Taxe locale": [3, 0, 0, 0]},
        )

    def test_screen_pdf_and_xlsx(self):
        wizard = self.wizard(report_type="petitions", year=2024, semester="1")
        wizard.action_compute()
        line = wizard.line_ids.filtered(lambda x: x.name == "Registered")
        self.assertEqual(line.value, "7")
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("cic_registry.action_report_cic_statistics", wizard.ids)[
                0
            ]
            .decode()
        )
        self.assertIn("Salubrizare", html)
        action = wizard.action_export_xlsx()
        content, _fmt = self.env["ir.actions.report"]._render_xlsx(
            action["report_name"], wizard.ids, action.get("data")
        )
        book = openpyxl.load_workbook(io.BytesIO(content))
        values = [c for row in book.active.iter_rows(values_only=True) for c in row]
        self.assertIn("Registered", values)
        self.assertIn("Taxe locale", values)

    def test_county_scale_index_and_no_jit(self):
        """What keeps one commune's report at the commune's size in a county
        database (bench/README.md row 10): the composite index exists, and the
        report's queries run without PostgreSQL's JIT (whose cost threshold the
        whole table's estimate crosses)."""
        self.env.cr.execute(
            "SELECT indexdef FROM pg_indexes WHERE tablename = 'helpdesk_ticket' "
            "AND indexname = 'helpdesk_ticket_company_registration_date_index'"
        )
        self.assertIn("(company_id, cic_registration_date)", self.env.cr.fetchone()[0])
        self.env.cr.execute("SET LOCAL jit = on")
        wizard = self.wizard(report_type="petitions", year=2024, semester="1")
        self.assertTrue(self._tables(wizard._cic_document()))
        self.env.cr.execute("SHOW jit")
        self.assertEqual(self.env.cr.fetchone()[0], "off")
