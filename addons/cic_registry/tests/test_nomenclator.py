# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Archive nomenclator, file indicators and year-end inventory (R-REG-5, R-REG-6)."""

import datetime

from odoo.exceptions import UserError, ValidationError

from .nomenclator_common import CicNomenclatorCase


class TestNomenclator(CicNomenclatorCase):
    def test_default_file_from_procedure(self):
        entry = self.create_entry("petition")
        self.assertEqual(entry.cic_nomenclator_entry_id, self.file_petitions)
        self.assertEqual(entry.cic_file_indicator, "T-1")

    def test_default_file_of_department(self):
        entry = self.create_entry("internal")
        self.assertEqual(entry.cic_nomenclator_entry_id, self.file_default)

    def test_no_default_outside_the_department(self):
        other_team = self.env["helpdesk.ticket.team"].create({"name": "Altă echipă"})
        entry = self.create_entry("internal", team_id=other_team.id)
        self.assertFalse(entry.cic_nomenclator_entry_id)

    def test_department_file_of_the_procedure_first(self):
        """A file of the procedure without department serves every department;
        the department's own file of the procedure comes first."""
        other_team = self.env["helpdesk.ticket.team"].create({"name": "Altă echipă"})
        shared = self.env["cic.nomenclator.entry"].create(
            {
                "nomenclator_id": self.nomenclator.id,
                "indicator": "T-4",
                "name": "Petiții ale tuturor compartimentelor",
                "retention_years": 3,
                "procedure_ids": [(6, 0, self.procedure["petition"].ids)],
            }
        )
        entry = self.create_entry("petition")
        self.assertEqual(entry.cic_nomenclator_entry_id, self.file_petitions)
        entry = self.create_entry("petition", team_id=other_team.id)
        self.assertEqual(entry.cic_nomenclator_entry_id, shared)
        self.assertEqual(entry.cic_file_indicator, "T-4")
        self.assertEqual(
            entry.cic_destroy_eligible_date,
            datetime.date(entry.cic_file_year + 3, 12, 31),
        )

    def test_chosen_file_is_kept(self):
        entry = self.create_entry(
            "petition", cic_nomenclator_entry_id=self.file_permanent.id
        )
        self.assertEqual(entry.cic_nomenclator_entry_id, self.file_permanent)
        self.assertEqual(entry.cic_file_indicator, "T-2")

    def test_free_text_indicator_without_file(self):
        other_team = self.env["helpdesk.ticket.team"].create({"name": "Altă echipă"})
        entry = self.create_entry(
            "internal", team_id=other_team.id, cic_file_indicator="X-9"
        )
        self.assertEqual(entry.cic_file_indicator, "X-9")

    def test_latest_approved_version_applies(self):
        Nomenclator = self.env["cic.nomenclator"]
        newer = self.nomenclator.copy({"version": 71})
        self.assertEqual(newer.state, "draft")
        self.assertEqual(Nomenclator._cic_for_year(self.this_year), self.nomenclator)
        newer.write(
            {"approval_act": "Dispoziția 2/2001", "approval_date": "2001-01-05"}
        )
        newer.action_approve()
        self.assertEqual(Nomenclator._cic_for_year(self.this_year), newer)
        self.assertNotIn(
            Nomenclator._cic_for_year(self.this_year - 1), self.nomenclator | newer
        )
        entry = self.create_entry("petition")
        self.assertEqual(entry.cic_nomenclator_entry_id.nomenclator_id, newer)

    def test_default_file_follows_nomenclator_changes(self):
        """The default file is looked up once and cached (every registration
        files its entry); each change to the nomenclator applies to the next
        registration."""
        self.assertEqual(
            self.create_entry("petition", as_user=self.clerk).cic_nomenclator_entry_id,
            self.file_petitions,
        )
        self.file_petitions.procedure_ids = False
        self.assertEqual(
            self.create_entry("petition", as_user=self.clerk).cic_nomenclator_entry_id,
            self.file_default,
            "the procedure's file was removed: the department's default file",
        )
        own = self.env["cic.nomenclator.entry"].create(
            {
                "nomenclator_id": self.nomenclator.id,
                "indicator": "T-5",
                "name": "Petiții (dosar nou)",
                "retention_years": 5,
                "team_id": self.team.id,
                "procedure_ids": [(6, 0, self.procedure["petition"].ids)],
            }
        )
        self.assertEqual(
            self.create_entry("petition", as_user=self.clerk).cic_nomenclator_entry_id,
            own,
        )
        newer = self.nomenclator.copy(
            {
                "version": 71,
                "approval_act": "Dispoziția 3/2001",
                "approval_date": "2001-02-01",
            }
        )
        newer.action_approve()
        self.assertEqual(
            self.create_entry(
                "petition", as_user=self.clerk
            ).cic_nomenclator_entry_id.nomenclator_id,
            newer,
            "a newer approved version applies from the next registration",
        )

    def test_approval_needs_act_and_date(self):
        draft = self.env["cic.nomenclator"].create(
            {"name": "Fără aprobare", "year": 2000, "version": 99}
        )
        with self.assertRaises(UserError):
            draft.action_approve()

    def test_retention_term(self):
        self.assertEqual(self.file_petitions.retention_label, "3 years")
        self.assertEqual(self.file_permanent.retention_label, "P")
        with self.assertRaises(ValidationError):
            self.file_petitions.retention_years = 0
        with self.assertRaises(Exception):  # noqa: B017 unique indicator
            with self.env.cr.savepoint():
                self.file_default.indicator = "T-1"

    def test_destroy_eligible_date(self):
        entry = self.old_entry(
            datetime.datetime(2019, 5, 6, 10, 0), self.file_petitions
        )
        self.assertEqual(entry.cic_file_year, 2019)
        self.assertEqual(entry.cic_destroy_eligible_date, datetime.date(2022, 12, 31))
        entry.cic_nomenclator_entry_id = self.file_permanent
        self.assertFalse(entry.cic_destroy_eligible_date)
        # 29 February of a leap year still ends on 31 December
        leap = self.old_entry(datetime.datetime(2020, 2, 29, 9, 0), self.file_default)
        self.assertEqual(leap.cic_destroy_eligible_date, datetime.date(2025, 12, 31))

    def test_retention_change_reaches_filed_entries(self):
        """The file's retention is read through a cache (``_cic_file_values``):
        a new term still reaches the entries already filed."""
        entry = self.old_entry(
            datetime.datetime(2019, 5, 6, 10, 0), self.file_petitions
        )
        self.assertEqual(entry.cic_destroy_eligible_date, datetime.date(2022, 12, 31))
        self.file_petitions.retention_years = 10
        self.assertEqual(entry.cic_destroy_eligible_date, datetime.date(2029, 12, 31))
        self.file_petitions.retention_type = "permanent"
        self.assertFalse(entry.cic_destroy_eligible_date)

    def test_file_year_is_the_local_year(self):
        # 31.12.2002 22:30 UTC is 1 January 2003, 00:30 in Bucharest
        entry = self.old_entry(
            datetime.datetime(2002, 12, 31, 22, 30), self.file_petitions
        )
        self.assertEqual(entry.cic_file_year, 2003)
        self.assertEqual(entry.cic_destroy_eligible_date, datetime.date(2006, 12, 31))

    def test_inventory_annex_2(self):
        e1 = self.old_entry(
            datetime.datetime(2003, 2, 3, 9), self.file_petitions, cic_page_count=4
        )
        e2 = self.old_entry(
            datetime.datetime(2003, 11, 20, 9), self.file_petitions, cic_page_count=6
        )
        e3 = self.old_entry(
            datetime.datetime(2003, 5, 5, 9), self.file_permanent, cic_page_count=2
        )
        unfiled = self.old_entry(datetime.datetime(2003, 6, 1, 9), self.file_default)
        unfiled.write({"cic_nomenclator_entry_id": False, "cic_file_indicator": False})
        self.assertFalse(unfiled.cic_file_indicator)
        # another year and another department stay out
        self.old_entry(datetime.datetime(2004, 1, 5, 9), self.file_petitions)
        inventory = self.env["cic.archive.inventory"].create(
            {"year": 2003, "team_id": self.team.id}
        )
        inventory.action_compute_lines()
        lines = inventory.line_ids.sorted("sequence")
        self.assertEqual(lines.mapped("sequence"), [1, 2])
        self.assertEqual(lines.mapped("indicator"), ["T-1", "T-2"])
        self.assertEqual(lines[0].summary, "Petiții și răspunsuri")
        self.assertEqual(lines[0].date_from, datetime.date(2003, 2, 3))
        self.assertEqual(lines[0].date_to, datetime.date(2003, 11, 20))
        self.assertEqual(lines[0].page_count, 10)
        self.assertEqual(lines[0].ticket_count, 2)
        self.assertEqual(lines[0].destroy_eligible_date, datetime.date(2006, 12, 31))
        self.assertEqual((lines[1].page_count, lines[1].retention_label), (2, "P"))
        self.assertEqual((inventory.file_count, inventory.page_count), (2, 12))
        self.assertEqual(inventory.unfiled_count, 1)
        self.assertIn(
            unfiled,
            self.env["helpdesk.ticket"].search(
                inventory.action_view_unfiled()["domain"]
            ),
        )
        self.assertEqual(
            self.env["helpdesk.ticket"].search(
                inventory._ticket_domain() + [("cic_file_indicator", "=", "T-1")]
            ),
            e1 | e2,
        )
        self.assertEqual(e3.cic_file_year, 2003)

        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "cic_registry.report_cic_archive_inventory", inventory.ids
            )[0]
            .decode()
        )
        self.assertIn("Petiții și răspunsuri", html)
        self.assertIn("T-2", html)

        with self.assertRaises(UserError):
            inventory.action_hand_over()
        inventory.write(
            {
                "handover_date": "2004-03-01",
                "received_by_id": self.clerk.id,
                "handed_by_id": self.head.id,
                "minute_number": "12",
            }
        )
        inventory.action_hand_over()
        self.assertEqual(inventory.state, "handed_over")
        with self.assertRaises(UserError):
            inventory.action_compute_lines()
        minute = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "cic_registry.report_cic_archive_handover", inventory.ids
            )[0]
            .decode()
        )
        self.assertIn(self.clerk.name, minute)
        self.assertIn(self.head.name, minute)

    def test_one_inventory_per_department_and_year(self):
        Inventory = self.env["cic.archive.inventory"]
        Inventory.create({"year": 2003, "team_id": self.team.id})
        with self.assertRaises(Exception):  # noqa: B017 unique constraint
            with self.env.cr.savepoint():
                Inventory.create({"year": 2003, "team_id": self.team.id})
