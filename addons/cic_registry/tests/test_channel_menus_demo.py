# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Channels of petitions (R-PET-1), distinct menu names, and the demo entries taken
through the legal workflows."""

from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase, tagged

from .common import CicRegistryCase


class TestChannels(CicRegistryCase):
    def test_channels_of_the_law(self):
        for xmlid in (
            "cic_registry.helpdesk_ticket_channel_counter",
            "cic_registry.helpdesk_ticket_channel_post",
            "cic_registry.helpdesk_ticket_channel_audience",
            "helpdesk_mgmt.helpdesk_ticket_channel_email",
            "helpdesk_mgmt.helpdesk_ticket_channel_web",
            "helpdesk_mgmt.helpdesk_ticket_channel_phone",
        ):
            self.assertTrue(self.env.ref(xmlid))
        verbal = self.env["helpdesk.ticket.channel"].search([("cic_verbal", "=", True)])
        self.assertEqual(
            set(verbal.get_external_id().values()),
            {
                "cic_registry.helpdesk_ticket_channel_audience",
                "cic_registry.helpdesk_ticket_channel_phone_line",
                "helpdesk_mgmt.helpdesk_ticket_channel_phone",
            },
        )

    def test_verbal_petition_needs_its_written_record(self):
        phone = self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_phone")
        counter = self.env.ref("cic_registry.helpdesk_ticket_channel_counter")
        with self.assertRaisesRegex(ValidationError, "written down"):
            self.create_entry(channel_id=phone.id, description="<p> </p>")
        ticket = self.create_entry(
            channel_id=phone.id,
            description="<p>Sesizare telefonică: iluminat stradal defect.</p>",
        )
        self.assertTrue(ticket.cic_registration_number)
        # A written petition at the counter needs no transcript.
        self.create_entry(channel_id=counter.id, description="<p><br></p>")
        with self.assertRaises(ValidationError):
            ticket.description = "<p><br></p>"


@tagged("post_install", "-at_install")
class TestRegistryMenus(TransactionCase):
    def test_sibling_menus_have_distinct_romanian_names(self):
        """Two menus of the same parent in the registry app never read the same in
        Romanian (helpdesk_mgmt's "Tickets" and the registry's "Registry entries"
        were both "Înregistrări")."""
        root = self.env.ref("helpdesk_mgmt.helpdesk_ticket_main_menu")
        menus = (
            self.env["ir.ui.menu"]
            .with_context(lang="ro_RO")
            .search([("id", "child_of", root.id)])
        )
        seen = {}
        for menu in menus:
            key = (menu.parent_id.id, menu.name.strip().lower())
            self.assertNotIn(key, seen, f"{menu.complete_name} vs {seen.get(key)}")
            seen[key] = menu.complete_name
        processing = self.env.ref("helpdesk_mgmt.helpdesk_ticket_menu")
        self.assertEqual(processing.with_context(lang="ro_RO").name, "Soluționare")


@tagged("post_install", "-at_install")
class TestWorkflowDemo(TransactionCase):
    """The demo shows each workflow state reached through the workflow actions,
    with the users who may perform them."""

    def _entry(self, name):
        return self.env.ref(f"cic_registry.{name}")

    def test_answered_with_approvals_and_letter(self):
        entry = self._entry("wf_answered")
        self.assertEqual(entry.cic_closure_reason, "answered")
        self.assertEqual(entry.cic_department_approval_id.login, "sef.urbanism")
        self.assertEqual(entry.cic_head_approval_id.login, "secretar")
        letter = entry.cic_answer_ids.filtered(lambda x: x.cic_letter_type == "answer")
        self.assertTrue(letter.cic_registration_number)
        self.assertEqual(letter.cic_registration_number, entry.cic_registration_number)
        self.assertTrue(entry.cic_dispatch_date)

    def test_each_state_through_its_action(self):
        self.assertEqual(self._entry("wf_identical").cic_closure_reason, "identical")
        self.assertEqual(
            self._entry("wf_identical").cic_identical_of_id, self._entry("wf_answered")
        )
        self.assertEqual(self._entry("wf_forwarded").cic_closure_reason, "redirected")
        self.assertEqual(self._entry("wf_anonymous").cic_closure_reason, "anonymous")
        self.assertEqual(self._entry("wf_extended").cic_extension_days, 15)
        self.assertEqual(
            self._entry("wf_join_repeat").cic_joined_to_id, self._entry("wf_join_first")
        )
        self.assertTrue(self._entry("wf_foi_extended").cic_extension_days)
        refused = self._entry("wf_foi_refused")
        self.assertEqual(refused.cic_closure_reason, "refused")
        self.assertEqual(refused.cic_foi_refusal_ground, "personal_data")

    def test_demo_petitioner_linked_to_siruta(self):
        partner = self.env.ref("cic_registry.partner_vasile_moldovan")
        self.assertEqual(partner.cic_siruta_id.code, 1703)
        self.assertEqual(partner.state_id, self.env.ref("base.RO_AB"))

    def test_demo_numbers_follow_registration_dates(self):
        """In the demo register, as in a real one, a later number never has an
        earlier registration date (answers sharing their entry's number aside)."""
        self.env.cr.execute(
            """
            SELECT cic_registration_year, cic_registration_seq, cic_registration_date
              FROM helpdesk_ticket
             WHERE cic_registration_seq IS NOT NULL
               AND NOT COALESCE(cic_registration_shared, FALSE)
               AND company_id = %s
             ORDER BY cic_registration_year, cic_registration_seq
            """,
            [self.env.company.id],
        )
        previous = None
        for year, seq, registered in self.env.cr.fetchall():
            if previous and previous[0] == year:
                self.assertGreaterEqual(registered, previous[1], f"{seq}/{year}")
            previous = (year, registered)
