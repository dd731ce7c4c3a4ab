# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Channels of petitions (R-PET-1) and distinct menu names (the demo entries taken
through the legal workflows: tests/test_demo_data.py)."""

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
