# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.tests import new_test_user, tagged

from .common import CicPortalHttpCase


@tagged("post_install", "-at_install")
class TestFeePortal(CicPortalHttpCase):
    """Fees on the portal: surface declared on the form, urgency opt-in, Law 544
    copy fees payable by the requester only, validity of issued certificates."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        today = cls.env["cic.calendar"].today()
        table = cls.env["cic.fee.table"]._get_for_year(today.year, cls.env.company)
        table = table or cls.env["cic.fee.table"].create({"year": today.year})
        cls.fee_service.fee_by_surface = True
        table.line_ids = [
            (0, 0, {"service_id": cls.fee_service.id, **vals})
            for vals in (
                {"surface_from": 0, "surface_to": 150, "amount": 6},
                {"surface_from": 150, "surface_to": 1000, "amount": 9},
            )
        ]
        cls.url = f"/cic/services/{cls.fee_service.slug}/apply"

    def test_surface_field_required_and_used(self):
        page = self.url_open(self.url)
        self.assertIn('name="surface_m2"', page.text)
        free_page = self.url_open(f"/cic/services/{self.free_service.slug}/apply")
        self.assertNotIn('name="surface_m2"', free_page.text)
        subject = "Certificat de urbanism Strada Lungă 3"
        for surface, message in (("", "surface"), ("abc", "surface"), ("2500", "2500")):
            with self.subTest(surface=surface):
                response = self._submit(
                    self.url, self._petition_data(subject=subject, surface_m2=surface)
                )
                self.assertEqual(response.status_code, 200)
                self.assertIn("cic_err_surface_m2", response.text)
                self.assertIn(message, response.text)
        self.assertFalse(self._tickets(subject))
        response = self._submit(
            self.url, self._petition_data(subject=subject, surface_m2="150,5")
        )
        self.assertEqual(response.status_code, 303)
        ticket = self._tickets(subject)
        self.assertAlmostEqual(ticket.cic_surface_m2, 150.5)
        self.assertAlmostEqual(ticket.cic_invoice_id.amount_total, 9.0)
        # Numbered at the commit, after the invoice: the invoice takes the number.
        self.assertTrue(ticket.cic_registration_number)
        self.assertEqual(
            ticket.cic_invoice_id.invoice_origin, ticket.cic_registration_number
        )

    def test_urgency_opt_in(self):
        self.fee_service.write({"urgency_available": True, "urgency_fee_amount": 15})
        page = self.url_open(self.url)
        self.assertIn('name="urgency"', page.text)
        subject = "Certificat de urbanism urgent"
        response = self._submit(
            self.url,
            self._petition_data(subject=subject, surface_m2="100", urgency="1"),
        )
        self.assertEqual(response.status_code, 303)
        ticket = self._tickets(subject)
        self.assertTrue(ticket.cic_urgency_requested)
        self.assertAlmostEqual(ticket.cic_invoice_id.amount_total, 21.0)
        self.assertEqual(len(ticket.cic_invoice_id.invoice_line_ids), 2)

    def _copy_fee_request(self):
        tariff = self.env["cic.foi.copy.tariff"].search(
            [("company_id", "=", self.env.company.id), ("paper_format", "=", "a4")],
            limit=1,
        ) or self.env["cic.foi.copy.tariff"].create({"price_per_page": 0.5})
        partner = self.portal_a.partner_id
        partner.write({"street": "Strada Mare 1", "city": "Exemplu"})
        ticket = self._make_request(
            partner, self.env.ref("cic_registry.procedure_foi_request")
        )
        self.assertFalse(ticket.cic_invoice_id, "no copies yet, nothing to pay")
        ticket.write(
            {
                "cic_foi_copy_tariff_id": tariff.id,
                "cic_foi_copy_pages": 12,
                "cic_answer_legal_basis": "Legea 544/2001 art. 6",
                "cic_answer_body": "<p>Vă transmitem copiile solicitate.</p>",
            }
        )
        return ticket

    def test_copy_fees_invoiced_before_answer_and_payable_by_requester_only(self):
        ticket = self._copy_fee_request()
        clerk = new_test_user(
            self.env, login="cic_copy_clerk", groups="cic_registry.group_cic_clerk"
        )
        ticket.with_user(clerk).action_cic_invoice_fee()
        invoice = ticket.cic_invoice_id
        self.assertTrue(invoice, "the clerk invoices the copies before the answer")
        self.assertAlmostEqual(invoice.amount_total, ticket.cic_foi_copy_fee)
        self.assertIn("12", invoice.invoice_line_ids.name)
        self.assertEqual(ticket.cic_fee_state, "unpaid")
        invoice_url = invoice.get_portal_url().split("?")[0]

        self.authenticate("cic_portal_a", "cic_portal_a")
        page = self.url_open(f"/my/requests/{ticket.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn('o_cic_pay"', page.text)
        # Only the registry's crumbs, not helpdesk_mgmt's "Tickets / <name>".
        self.assertNotIn('href="/my/tickets', page.text)
        self.assertIn(invoice_url, page.text)
        own = self.url_open(invoice_url)
        self.assertEqual(own.status_code, 200)
        self.assertIn(invoice.name, own.text)

        self.authenticate("cic_portal_b", "cic_portal_b")
        other = self.url_open(invoice_url)
        self.assertNotIn(invoice.name, other.text)
        other_request = self.url_open(f"/my/requests/{ticket.id}")
        self.assertNotIn(invoice_url, other_request.text)
        self.assertNotIn(ticket.cic_registration_number, other_request.text)

        ticket._cic_register_fee_payment(channel="online", reference="SNEP-1")
        self.assertEqual(ticket.cic_fee_state, "paid")
        self.authenticate("cic_portal_a", "cic_portal_a")
        page = self.url_open(f"/my/requests/{ticket.id}")
        self.assertNotIn('o_cic_pay"', page.text)
        self.assertIn("o_cic_payment_receipt", page.text)

    def test_validity_end_on_request_page(self):
        caf = self.free_service
        caf.validity_days = 30
        ticket = self._make_request(self.portal_a.partner_id, service=caf)
        ticket.cic_issue_date = date(2026, 2, 27)
        self.authenticate("cic_portal_a", "cic_portal_a")
        page = self.url_open(f"/my/requests/{ticket.id}")
        self.assertIn("o_cic_validity_end", page.text)
        self.assertIn(
            self.env["ir.qweb.field.date"]
            .with_context(lang=self.portal_a.lang)
            .value_to_html(date(2026, 3, 29), {}),
            page.text,
        )

    def test_service_page_shows_fee_rules(self):
        """Catalogue and service page (rendered in Romanian) state that the fee
        depends on the surface and the internal target of the service."""
        self.fee_service.internal_target_days = 2
        catalogue = self.url_open("/cic/services")
        self.assertEqual(catalogue.status_code, 200)
        self.assertIn("art. 474", catalogue.text)
        page = self.url_open(f"/cic/services/{self.fee_service.slug}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("o_cic_internal_target", page.text)
        self.fee_service.fee_by_surface = False
        page = self.url_open(f"/cic/services/{self.fee_service.slug}")
        self.assertNotIn("art. 474", page.text)
        # The current year's table (first line), not the service's own 25.50.
        self.assertIn("6,00", page.text)
