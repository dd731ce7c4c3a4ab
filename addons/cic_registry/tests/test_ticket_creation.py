# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Creating a ticket (helpdesk_ticket_creation.py): the creation message is logged
when the entry has no department, whose followers alone receive helpdesk_mgmt's
"Ticket Created", and posted to the department's followers when it has one;
helpdesk_mgmt's ticket number comes from the company's sequence, found once."""

from odoo.tests import new_test_user

from .common import CicRegistryCase


class TestCreationMessage(CicRegistryCase):
    def _register(self, **vals):
        """A petition registered by the clerk, with the chatter on (the shared
        fixtures disable tracking, which also skips the creation message)."""
        values = {
            "name": "Iluminat public",
            "description": "<p>Strada Morii nu are iluminat.</p>",
            "partner_id": self.partner.id,
            "cic_procedure_id": self.procedure["petition"].id,
            **vals,
        }
        env = self.env(user=self.clerk, context={"lang": "en_US"})
        return env["helpdesk.ticket"].create(values).sudo()

    def _creation_message(self, entry):
        return entry.message_ids.sorted("id")[:1]

    def test_without_department_logged_not_notified(self):
        entry = self._register()
        self.assertTrue(entry.cic_registration_number)
        message = self._creation_message(entry)
        self.assertEqual(message.subtype_id, self.env.ref("mail.mt_note"))
        self.assertIn("created", message.body)
        self.assertEqual(message.author_id, self.clerk.partner_id)
        self.assertFalse(message.notification_ids)

    def test_with_department_its_followers_notified(self):
        follower = new_test_user(
            self.env,
            login="cic_test_dept_follower",
            groups="cic_registry.group_cic_department",
        )
        # Following a department brings its "Helpdesk Ticket Created" subtype.
        self.team.message_subscribe(partner_ids=follower.partner_id.ids)
        entry = self._register(team_id=self.team.id)
        message = self._creation_message(entry)
        self.assertEqual(
            message.subtype_id, self.env.ref("helpdesk_mgmt.hlp_tck_created")
        )
        self.assertIn(follower.partner_id, message.notification_ids.res_partner_id)

    def test_ticket_number_follows_the_company_sequence(self):
        first = self._register()
        self.assertTrue(first.number and first.number != "/")
        # A sequence of the company's own replaces the shared one at once.
        self.env["ir.sequence"].create(
            {
                "name": "Tichete Primăria Test",
                "code": "helpdesk.ticket.sequence",
                "company_id": self.company.id,
                "prefix": "PT-",
                "padding": 4,
            }
        )
        second = self._register()
        self.assertEqual(second.number, "PT-0001")
