# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The portal petition keeps the address typed in the form; the petition is judged
identified from it and never classed as anonymous (R-PET-2, OG 27/2002 art. 7;
issue 15 point 7)."""

from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from .common import CicPortalHttpCase


@tagged("post_install", "-at_install")
class TestPortalPetitionAddress(CicPortalHttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.citizen = new_test_user(
            cls.env,
            login="cic_addr_citizen",
            groups="base.group_portal",
            name="Elena Stan",
            email="elena.stan@example.com",
        )
        cls.citizen.partner_id.write({"street": False, "city": False})
        cls.clerk = new_test_user(
            cls.env, login="cic_addr_clerk", groups="cic_registry.group_cic_clerk"
        )

    def _register(self, subject):
        data = self._petition_data(
            subject=subject, first_name="Elena", last_name="Stan"
        )
        response = self._submit("/cic/form/petition", data)
        self.assertEqual(response.status_code, 303, response.text[:500])
        ticket = self._tickets(subject)
        self.assertEqual(len(ticket), 1)
        return ticket

    def test_logged_in_citizen_address_kept_and_identified(self):
        """The citizen's account has no address; the one typed in the form
        identifies the petition: it is answered, not classed."""
        self.authenticate(self.citizen.login, self.citizen.login)
        ticket = self._register("Adresa din formular")
        self.assertEqual(ticket.partner_id, self.citizen.partner_id)
        self.assertTrue(ticket.cic_identified)
        self.assertEqual(ticket.cic_petitioner_street, "Strada Mare 10")
        self.assertEqual(ticket.cic_petitioner_locality, "Exemplu")
        with self.assertRaises(UserError):
            ticket.with_user(self.clerk).action_cic_class_anonymous()
        self.assertFalse(ticket.cic_closure_reason)

    def test_visitor_address_on_entry_and_new_contact(self):
        ticket = self._register("Adresa vizitator")
        self.assertEqual(ticket.cic_petitioner_street, "Strada Mare 10")
        self.assertEqual(ticket.cic_petitioner_locality, "Exemplu")
        self.assertIn("Strada Mare", ticket.partner_id.street)
        self.assertEqual(ticket.partner_id.city, "Exemplu")
        self.assertTrue(ticket._cic_partner_identified(ticket.partner_id))
        self.assertTrue(ticket.cic_identified)

    def test_without_address_not_identified(self):
        """A named petitioner without any postal address stays unidentified."""
        ticket = self.env["helpdesk.ticket"].create(
            {
                "name": "Fără adresă",
                "description": "<p>Fără adresă poștală.</p>",
                "partner_id": self.citizen.partner_id.id,
                "cic_procedure_id": self.procedure_petition.id,
            }
        )
        self.assertFalse(ticket.cic_identified)
        ticket.with_user(self.clerk).action_cic_class_anonymous()
        self.assertEqual(ticket.cic_closure_reason, "anonymous")
