# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The citizen sees the legal basis and counting mode next to each date of his
request (R-CAL-6); a service's internal target and validity name theirs."""

from datetime import date, datetime

from freezegun import freeze_time

from odoo.tests import tagged

from .common import CicPortalHttpCase


@tagged("post_install", "-at_install")
class TestDateBasisPortal(CicPortalHttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_a.partner_id.write({"street": "Strada Mare 10", "city": "Exemplu"})
        cls.caf = cls.env["cic.service"].create(
            {
                "name": "Test certificat de atestare fiscala",
                "category_id": cls.category.id,
                "procedure_id": cls.procedure_service.id,
                "internal_target_days": 2,
                "validity_days": 30,
            }
        )

    def request_on(self, day, procedure=None, service=None):
        with freeze_time(day):
            ticket = self._make_request(
                self.portal_a.partner_id, procedure, service, name="Termen test"
            )
            ticket._cic_assign_registration_number()
        return ticket

    def test_request_page_and_tracking_show_the_basis(self):
        petition = self.request_on(datetime(2026, 3, 2, 8))
        self.assertEqual(petition.cic_legal_due_date, date(2026, 4, 2))
        self.authenticate(self.portal_a.login, self.portal_a.login)
        page = self.url_open(f"/my/requests/{petition.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("o_cic_due_basis", page.text)
        self.assertIn("OG 27/2002 art. 8(1); 30", page.text)
        tracked = self.url_open(
            f"/cic/track?number={petition.cic_registration_number}"
            f"&code={petition.cic_access_code}"
        )
        self.assertIn("o_cic_due_basis", tracked.text)
        self.assertIn("OG 27/2002 art. 8(1); 30", tracked.text)

    def test_service_target_and_validity(self):
        ticket = self.request_on(
            datetime(2026, 2, 27, 8), self.procedure_service, self.caf
        )
        # Fri 27 Feb 2026 + 2 working days = Tue 3 Mar 2026
        self.assertEqual(ticket.cic_internal_due_date, date(2026, 3, 3))
        self.assertIn("2 working days from registration", ticket.cic_internal_due_basis)
        self.assertIn(self.caf.name, ticket.cic_internal_due_basis)
        ticket.cic_issue_date = date(2026, 3, 3)
        self.assertEqual(ticket.cic_validity_end, date(2026, 4, 2))
        self.assertEqual(
            ticket.cic_validity_end_basis,
            f"Validity of {self.caf.name} from the issue date; 30 days, calendar days",
        )
        self.authenticate(self.portal_a.login, self.portal_a.login)
        page = self.url_open(f"/my/requests/{ticket.id}")
        self.assertIn("o_cic_validity_end_basis", page.text)
