# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Record rules per role on registry entries, each with two users who must not
see each other's data (issue 3, "Roles")."""

from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, new_test_user


class TestAccessRules(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))

        def user(login, group, **kw):
            return new_test_user(cls.env, login=login, groups=group, **kw)

        cls.staff_a = user("acl_staff_a", "cic_registry.group_cic_department")
        cls.staff_b = user("acl_staff_b", "cic_registry.group_cic_department")
        cls.head_a = user("acl_head_a", "cic_registry.group_cic_department_head")
        cls.head_b = user("acl_head_b", "cic_registry.group_cic_department_head")
        cls.clerk = user("acl_clerk", "cic_registry.group_cic_clerk")
        cls.auditor = user("acl_auditor", "cic_registry.group_cic_auditor")
        cls.citizen_1 = user("acl_citizen_1", "base.group_portal")
        cls.citizen_2 = user("acl_citizen_2", "base.group_portal")
        Team = cls.env["helpdesk.ticket.team"]
        # heads lead their department without being listed as members
        cls.team_a = Team.create(
            {
                "name": "Urbanism (test)",
                "cic_head_id": cls.head_a.id,
                "user_ids": [(6, 0, cls.staff_a.ids)],
            }
        )
        cls.team_b = Team.create(
            {
                "name": "Taxe și impozite (test)",
                "cic_head_id": cls.head_b.id,
                "user_ids": [(6, 0, cls.staff_b.ids)],
            }
        )
        Ticket = cls.env["helpdesk.ticket"]

        def entry(name, **vals):
            return Ticket.create(dict({"name": name, "description": name}, **vals))

        cls.entry_a = entry(
            "Entry A", team_id=cls.team_a.id, partner_id=cls.citizen_1.partner_id.id
        )
        cls.entry_b = entry(
            "Entry B", team_id=cls.team_b.id, partner_id=cls.citizen_2.partner_id.id
        )
        cls.entry_inbox = entry("Unrouted entry")
        cls.entry_b_for_a = entry(
            "Entry of B assigned to staff A",
            team_id=cls.team_b.id,
            user_id=cls.staff_a.id,
        )
        cls.all_entries = (
            cls.entry_a | cls.entry_b | cls.entry_inbox | cls.entry_b_for_a
        )

    def _visible(self, user):
        return (
            self.env["helpdesk.ticket"]
            .with_user(user)
            .search([("id", "in", self.all_entries.ids)])
        )

    def test_department_staff_see_own_department_or_assigned(self):
        self.assertEqual(self._visible(self.staff_a), self.entry_a | self.entry_b_for_a)
        self.assertEqual(self._visible(self.staff_b), self.entry_b | self.entry_b_for_a)
        with self.assertRaises(AccessError):
            self.entry_b.with_user(self.staff_a).read(["name"])
        with self.assertRaises(AccessError):
            self.entry_a.with_user(self.staff_b).read(["name"])

    def test_department_staff_do_not_see_unrouted_entries(self):
        with self.assertRaises(AccessError):
            self.entry_inbox.with_user(self.staff_a).read(["name"])

    def test_department_head_sees_departments_they_lead(self):
        self.assertEqual(self._visible(self.head_a), self.entry_a)
        self.assertEqual(self._visible(self.head_b), self.entry_b | self.entry_b_for_a)
        with self.assertRaises(AccessError):
            self.entry_a.with_user(self.head_b).read(["name"])

    def test_clerk_sees_everything(self):
        self.assertEqual(self._visible(self.clerk), self.all_entries)
        self.entry_inbox.with_user(self.clerk).write({"team_id": self.team_a.id})
        self.assertIn(self.entry_inbox, self._visible(self.staff_a))

    def test_auditor_reads_all_and_writes_nothing(self):
        self.assertEqual(self._visible(self.auditor), self.all_entries)
        with self.assertRaises(AccessError):
            self.entry_a.with_user(self.auditor).write({"name": "changed"})
        with self.assertRaises(AccessError):
            self.env["helpdesk.ticket"].with_user(self.auditor).create(
                {"name": "new", "description": "new"}
            )
        with self.assertRaises(AccessError):
            self.entry_b.with_user(self.auditor).unlink()
        self.assertEqual(self.entry_a.name, "Entry A")

    def test_portal_citizens_see_only_their_entries(self):
        self.assertEqual(self._visible(self.citizen_1), self.entry_a)
        self.assertEqual(self._visible(self.citizen_2), self.entry_b)
        with self.assertRaises(AccessError):
            self.entry_b.with_user(self.citizen_1).read(["name"])
        with self.assertRaises(AccessError):
            self.entry_a.with_user(self.citizen_2).read(["name"])

    def test_portal_citizen_sees_entries_of_their_company(self):
        company = self.env["res.partner"].create(
            {"name": "SC Petent SRL", "is_company": True}
        )
        self.citizen_1.partner_id.parent_id = company
        entry_company = self.env["helpdesk.ticket"].create(
            {"name": "Company entry", "description": "x", "partner_id": company.id}
        )
        self.assertTrue(entry_company.with_user(self.citizen_1).has_access("read"))
        self.assertFalse(entry_company.with_user(self.citizen_2).has_access("read"))

    def test_multi_company(self):
        other = self.env["res.company"].create({"name": "Primăria Alta"})
        self.clerk.write({"company_ids": [(4, other.id)]})
        entry_other = self.env["helpdesk.ticket"].create(
            {"name": "Other company", "description": "x", "company_id": other.id}
        )
        clerk_main = (
            self.env["helpdesk.ticket"]
            .with_user(self.clerk)
            .with_context(allowed_company_ids=[self.env.company.id])
        )
        self.assertFalse(clerk_main.search([("id", "=", entry_other.id)]))
        clerk_both = clerk_main.with_context(
            allowed_company_ids=[self.env.company.id, other.id]
        )
        self.assertEqual(clerk_both.search([("id", "=", entry_other.id)]), entry_other)
        with self.assertRaises(AccessError):
            entry_other.with_user(self.auditor).read(["name"])

    def test_archive_inventory_per_department_head(self):
        Inventory = self.env["cic.archive.inventory"]
        inv_a = Inventory.create({"year": 2020, "team_id": self.team_a.id})
        inv_b = Inventory.create({"year": 2020, "team_id": self.team_b.id})
        both = inv_a | inv_b
        self.assertEqual(
            Inventory.with_user(self.head_a).search([("id", "in", both.ids)]), inv_a
        )
        self.assertEqual(
            Inventory.with_user(self.head_b).search([("id", "in", both.ids)]), inv_b
        )
        self.assertEqual(
            Inventory.with_user(self.auditor).search([("id", "in", both.ids)]), both
        )
        with self.assertRaises(AccessError):
            inv_a.with_user(self.auditor).write({"minute_number": "1"})
        with self.assertRaises(AccessError):
            Inventory.with_user(self.staff_a).search([])
