# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The front desk driven in the browser by its clerk (never admin): a walk-in
recorded on the counter's kanban, registered as a petition from its card."""

from odoo.tests import tagged

from ..models.cic_calendar import INSTITUTION_TZ
from .journey_common import CicJourneyCase

FRONTDESK_URL = "/odoo/action-cic_registry.cic_frontdesk_contact_action"
TOUR = "cic_registry_frontdesk_clerk_tour"


@tagged("post_install", "-at_install")
class TestFrontdeskTour(CicJourneyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The tour's own topic and citizen, so that it finds them with or without
        # the demo data (the topic first: its column is the kanban's first).
        cls.topic = cls.env["cic.frontdesk.topic"].create(
            {"name": "Tur ghișeu: stare civilă", "sequence": 0}
        )
        cls.citizen = cls.env["res.partner"].create(
            {
                "name": "Elena Ghișeu",
                "email": "elena.ghiseu@example.com",
                "street": "Str. Ghișeului 2",
                "city": "Exemplu",
            }
        )

    def authenticate(self, user, password, browser=None):
        """The clerk's browser runs on Romanian time, as at the counter: the Today
        filter compares the contact's institution-local date with the browser's
        date, which a test browser on UTC gets wrong from 22:00 or 21:00 UTC."""
        session = super().authenticate(user, password, browser=browser)
        if browser:
            browser._websocket_request(
                "Emulation.setTimezoneOverride", params={"timezoneId": INSTITUTION_TZ}
            )
        return session

    def test_clerk_records_a_walk_in_and_registers_it(self):
        self.start_tour_as(self.clerk, FRONTDESK_URL, TOUR)
        contact = self.env["cic.frontdesk.contact"].search(
            [("partner_id", "=", self.citizen.id)]
        )
        self.assertEqual(len(contact), 1)
        self.assertEqual(contact.topic_id, self.topic)
        self.assertEqual(contact.note, "Certificat de naștere pierdut")
        self.assertEqual(contact.channel, "walk_in")
        self.assertEqual(contact.user_id, self.clerk)
        self.assertEqual(contact.create_uid, self.clerk)
        self.assertEqual(contact.state, "served")
        self.assertEqual(contact.outcome, "registered")
        entry = contact.ticket_id
        self.assertEqual(entry.cic_procedure_id, self.procedure["petition"])
        self.assertEqual(entry.partner_id, self.citizen)
        self.assertEqual(entry.channel_id, self.counter)
        self.assertEqual(entry.create_uid, self.clerk)
        self.assertTrue(entry.cic_registration_number)
