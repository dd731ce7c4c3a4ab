# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The clerk's Open / Closed searches on entries: the same entries as helpdesk_mgmt's
related field found, with the stage ids written out instead of a sub-query on the
stages (the Open filter of a commune of 100,000 entries, README "County scale")."""

from odoo.tests import tagged

from .common import CicRegistryCase


@tagged("post_install", "-at_install")
class TestClosedSearch(CicRegistryCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Stage = cls.env["helpdesk.ticket.stage"]
        cls.team2 = cls.env["helpdesk.ticket.team"].create(
            {"name": "CIC test department 2", "user_ids": [(6, 0, cls.clerk.ids)]}
        )
        cls.open_entries = cls.env["helpdesk.ticket"]
        cls.closed_entries = cls.env["helpdesk.ticket"]
        for team in cls.team | cls.team2:
            open_stage, closed_stage = Stage.create(
                [
                    {"name": f"Open {team.name}", "team_ids": team.ids},
                    {"name": f"Done {team.name}", "team_ids": team.ids, "closed": True},
                ]
            )
            for stage, bucket in (
                (open_stage, "open_entries"),
                (closed_stage, "closed_entries"),
            ):
                entry = cls.create_entry(team_id=team.id)
                entry.stage_id = stage
                setattr(cls, bucket, getattr(cls, bucket) | entry)
        # what the related field also found: an open stage since archived, and an
        # entry without a stage (it is not closed)
        archived = Stage.create({"name": "Old open stage", "team_ids": cls.team.ids})
        entry = cls.create_entry()
        entry.stage_id = archived
        archived.active = False
        stageless = cls.create_entry()
        stageless.stage_id = False
        cls.open_entries |= entry | stageless
        cls.entries = cls.open_entries | cls.closed_entries

    def search_as_clerk(self, domain):
        Ticket = self.env["helpdesk.ticket"].with_user(self.clerk)
        return Ticket.search([("id", "in", self.entries.ids), *domain])

    def test_open_and_closed_as_before(self):
        cases = [
            ([("closed", "=", False)], self.open_entries),
            ([("closed", "=", True)], self.closed_entries),
            ([("closed", "!=", False)], self.closed_entries),
            ([("closed", "!=", True)], self.open_entries),
            ([("closed", "in", [False])], self.open_entries),
            ([("closed", "in", [True])], self.closed_entries),
            ([("closed", "not in", [True])], self.open_entries),
            ([("closed", "in", [True, False])], self.entries),
            (["!", ("closed", "=", False)], self.closed_entries),
            (["!", ("closed", "=", True)], self.open_entries),
            ([("team_id", "=", self.team2.id), ("closed", "=", False)], None),
        ]
        for domain, expected in cases:
            if expected is None:
                expected = self.open_entries.filtered(lambda t: t.team_id == self.team2)
            with self.subTest(domain=domain):
                self.assertEqual(self.search_as_clerk(domain).sudo(), expected)

    def test_value_as_before(self):
        clerk_entries = self.entries.with_user(self.clerk)
        self.assertEqual(clerk_entries.filtered("closed").sudo(), self.closed_entries)

    def test_no_subquery_on_stages(self):
        """The Open filter reaches PostgreSQL as a list of stage ids."""
        Ticket = self.env["helpdesk.ticket"].with_user(self.clerk)
        sql = Ticket._search([("closed", "=", False)]).select().code
        self.assertNotIn("helpdesk_ticket_stage", sql)
        self.assertIn('"helpdesk_ticket"."stage_id" IN', sql)
