# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, datetime

from freezegun import freeze_time

from odoo.tests import TransactionCase, tagged

from .common import CicPortalCommon


@tagged("post_install", "-at_install")
class TestFeeTargets(CicPortalCommon, TransactionCase):
    """R-POR-5 (certificat de atestare fiscală: internal target, validity) and
    R-POR-6 (urgency fee: internal target only)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_cic_portal()
        cls.calendar = cls.env["cic.calendar"]
        cls.citizen = cls.env["res.partner"].create(
            {"name": "Maria Georgescu", "email": "maria@example.com"}
        )
        cls.caf = cls.env["cic.service"].create(
            {
                "name": "Test certificat de atestare fiscala",
                "category_id": cls.category.id,
                "procedure_id": cls.procedure_service.id,
                "internal_target_days": 2,
                "validity_days": 30,
                "urgency_available": True,
                "urgency_fee_amount": 20.0,
                "urgency_target_days": 1,
            }
        )

    def _request(self, urgency=False, service=None, when=datetime(2026, 2, 27, 8)):
        with freeze_time(when):
            ticket = self._make_request(
                self.citizen, self.procedure_service, service or self.caf
            )
            ticket.cic_urgency_requested = urgency
            ticket._cic_assign_registration_number()
            if urgency:
                ticket._cic_create_fee_invoice()
        return ticket

    def test_internal_target_two_working_days(self):
        ticket = self._request()
        registered = self.calendar.local_date(ticket.cic_registration_date)
        self.assertEqual(registered, date(2026, 2, 27))
        self.assertEqual(
            ticket.cic_internal_due_date,
            self.calendar.add_working_days(registered, 2, company=ticket.company_id),
        )
        # Friday 27 February 2026 + 2 working days = Tuesday 3 March.
        self.assertEqual(ticket.cic_internal_due_date, date(2026, 3, 3))
        self.assertLessEqual(ticket.cic_internal_due_date, ticket.cic_legal_due_date)

    def test_target_days_are_service_data(self):
        self.caf.internal_target_days = 4
        ticket = self._request()
        self.assertEqual(ticket.cic_internal_due_date, date(2026, 3, 5))

    def test_validity_end_calendar_days(self):
        ticket = self._request()
        vectors = [
            (date(2026, 2, 27), date(2026, 3, 29)),
            (date(2026, 1, 31), date(2026, 3, 2)),
            (date(2028, 2, 29), date(2028, 3, 30)),
            (date(2026, 12, 15), date(2027, 1, 14)),
            (date(2026, 4, 30), date(2026, 5, 30)),
        ]
        for issued, valid_until in vectors:
            with self.subTest(issued=issued):
                ticket.cic_issue_date = issued
                self.assertEqual(ticket.cic_validity_end, valid_until)
        self.caf.validity_days = 10
        ticket.cic_issue_date = date(2026, 2, 27)
        self.assertEqual(ticket.cic_validity_end, date(2026, 3, 9))

    def test_issue_date_set_on_closing(self):
        ticket = self._request()
        self.assertFalse(ticket.cic_issue_date)
        ticket.closed_date = datetime(2026, 3, 2, 22, 30)  # 3 March, local time
        self.assertEqual(ticket.cic_issue_date, date(2026, 3, 3))
        self.assertEqual(ticket.cic_validity_end, date(2026, 4, 2))
        free = self._request(service=self.free_service)
        free.closed_date = datetime(2026, 3, 2, 10)
        self.assertFalse(free.cic_validity_end)

    def test_urgency_shortens_internal_target_only(self):
        normal = self._request()
        urgent = self._request(urgency=True)
        invoice = urgent.cic_invoice_id
        self.assertEqual(len(invoice.invoice_line_ids), 1)
        self.assertAlmostEqual(invoice.amount_total, 20.0)
        # Asked for, not paid yet: the usual target.
        self.assertFalse(urgent.cic_urgency_paid)
        self.assertEqual(urgent.cic_internal_due_date, date(2026, 3, 3))
        legal_due = urgent.cic_legal_due_date
        self._pay(invoice)
        self.assertTrue(urgent.cic_urgency_paid)
        # Paid: 1 working day, the legal due date and the KPI fields unchanged.
        self.assertEqual(urgent.cic_internal_due_date, date(2026, 3, 2))
        self.assertEqual(urgent.cic_legal_due_date, legal_due)
        self.assertEqual(urgent.cic_legal_due_date, normal.cic_legal_due_date)
        self.assertEqual(urgent.cic_due_basis, normal.cic_due_basis)
        self.assertEqual(urgent.cic_is_overdue, normal.cic_is_overdue)
        self.assertEqual(self.caf.term_days, self.procedure_service.term_days)

    def test_payment_keeps_internal_date_set_by_clerk(self):
        """Paying a fee without urgency leaves the clerk's internal due date."""
        ticket = self._request(service=self.fee_service)
        clerk_date = date(2026, 3, 4)
        ticket.cic_internal_due_date = clerk_date
        self._pay(ticket.cic_invoice_id)
        self.assertEqual(ticket.cic_fee_state, "paid")
        self.assertEqual(ticket.cic_internal_due_date, clerk_date)

    def test_urgency_not_offered_is_not_charged(self):
        self.caf.urgency_available = False
        urgent = self._request(urgency=True)
        self.assertFalse(urgent.cic_invoice_id)
        self.assertEqual(urgent.cic_internal_due_date, date(2026, 3, 3))

    def test_urgency_not_offered_keeps_target_when_fee_paid(self):
        """Asking for urgency on a service without it: paying the normal fee
        does not shorten the internal target."""
        self.fee_service.write({"internal_target_days": 2, "urgency_target_days": 1})
        ticket = self._request(urgency=True, service=self.fee_service)
        self.assertEqual(len(ticket.cic_invoice_id.invoice_line_ids), 1)
        self._pay(ticket.cic_invoice_id)
        self.assertFalse(ticket.cic_urgency_paid)
        self.assertEqual(ticket.cic_internal_due_date, date(2026, 3, 3))

    def test_internal_target_never_after_legal_due_date(self):
        self.caf.internal_target_days = 400
        ticket = self._request()
        self.assertEqual(ticket.cic_internal_due_date, ticket.cic_legal_due_date)
