# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What a new user sees first in the register (issue 16): the petitioner's name in
the list, the registration number as the entry's title, the register in its
chronological order, no entry assigned to OdooBot."""

from lxml import etree

from odoo import SUPERUSER_ID

from .common import CicRegistryCase

REGISTER_ORDER = "cic_registration_year desc, cic_registration_seq, id"


class TestRegistryFirstSight(CicRegistryCase):
    def _arch(self, user, view, view_type):
        views = (
            self.env["helpdesk.ticket"]
            .with_user(user)
            .get_views([(view.id, view_type)])
        )
        return etree.fromstring(views["views"][view_type]["arch"])

    def _register_list_view(self):
        action = self.env.ref("cic_registry.action_cic_registry_entries")
        return action.view_ids.filtered(lambda v: v.view_mode == "list").view_id

    def test_petitioner_column_follows_the_contact(self):
        entry = self.create_entry(as_user=self.clerk)
        self.assertEqual(entry.partner_name, "Ion Testescu")
        column = self._arch(self.clerk, self._register_list_view(), "list").xpath(
            "//field[@name='partner_name']"
        )
        self.assertEqual(column[0].get("string"), "Petitioner")
        other = self.env["res.partner"].create({"name": "Elena Alta"})
        entry.with_user(self.clerk).partner_id = other
        self.assertEqual(entry.partner_name, "Elena Alta")
        # A name written without a contact (anonymous petition, a line of an
        # imported register) is kept, and so is a name given with the contact.
        named = self.create_entry(
            as_user=self.clerk, partner_id=False, partner_name="Petent fără contact"
        )
        self.assertEqual(named.partner_name, "Petent fără contact")
        given = self.create_entry(as_user=self.clerk, partner_name="I. Testescu")
        self.assertEqual(given.partner_name, "I. Testescu")

    def test_registration_number_is_the_title(self):
        entry = self.create_entry(as_user=self.clerk).with_user(self.clerk)
        number = entry.cic_registration_number
        self.assertEqual(entry.display_name, f"No. {number} - Test entry")
        self.assertNotIn(entry.number, entry.display_name)
        found = entry.name_search(number)
        self.assertIn(entry.id, [row[0] for row in found])
        draft = self.create_entry(procedure=None, as_user=self.clerk)
        self.assertFalse(draft.cic_registration_number)
        self.assertEqual(draft.display_name, f"{draft.number} - Test entry")
        form = self.env.ref("helpdesk_mgmt.ticket_view_form")
        arch = self._arch(self.clerk, form, "form")
        title = arch.xpath("//h1[hasclass('oe_title')]")[0]
        self.assertEqual(
            title.xpath(".//field[@name='number']")[0].get("invisible"),
            "cic_registration_number",
        )
        self.assertTrue(title.xpath(".//field[@name='cic_registration_number']"))
        reference = arch.xpath("//div[hasclass('o_cic_ticket_reference')]")[0]
        self.assertTrue(reference.xpath("./field[@name='number']"))

    def test_register_is_chronological(self):
        """R-REG-1/R-REG-2: a register is written in the order of its numbers,
        one register per year; the current year's comes first."""
        arch = self._arch(self.clerk, self._register_list_view(), "list")
        self.assertEqual(arch.get("default_order"), REGISTER_ORDER)
        entries = [
            self.create_entry(as_user=self.clerk, name=f"Ordine {i}") for i in range(3)
        ]
        rows = (
            self.env["helpdesk.ticket"]
            .with_user(self.clerk)
            .search([("id", "in", [e.id for e in entries])], order=REGISTER_ORDER)
        )
        self.assertEqual(rows.ids, [e.id for e in entries])
        seqs = rows.mapped("cic_registration_seq")
        self.assertEqual(seqs, sorted(seqs))

    def test_entries_created_by_the_system_are_not_assigned_to_odoobot(self):
        system = self.env(user=SUPERUSER_ID, su=True)["helpdesk.ticket"]
        entry = system.create(
            {
                "name": "Intrare creată de sistem",
                "description": "<p>Test</p>",
                "team_id": self.team.id,
                "partner_id": self.partner.id,
                "cic_procedure_id": self.procedure["petition"].id,
            }
        )
        self.assertFalse(entry.user_id)
        # A person still gets the entry he creates in his department
        # (helpdesk_mgmt's automatic assignment).
        self.assertEqual(self.create_entry(as_user=self.clerk).user_id, self.clerk)
