# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The administrator gives a service its fee in the browser (fee product, line
of this year's fee table), and a request filed online for it gets its invoice
through cic_portal's submission hook."""

from odoo.tests import new_test_user, tagged

from .common import CicPortalHttpCase


@tagged("post_install", "-at_install")
class TestFeeAdminService(CicPortalHttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.admin = new_test_user(
            cls.env,
            login="cic_fee_admin",
            groups="base.group_user,base.group_system,cic_registry.group_cic_manager",
            name="Adriana Administrator",
        )
        year = cls.env["cic.calendar"].today().year
        Table = cls.env["cic.fee.table"]
        cls.fee_table = Table._get_for_year(year, cls.env.company) or Table.create(
            {"year": year}
        )

    def test_admin_sets_fee_citizen_gets_invoice(self):
        service = self.free_service
        self.assertFalse(service.has_fee)
        self.start_tour(
            f"/odoo/action-cic_portal.action_cic_service/{service.id}",
            "cic_portal_fee_admin_service_tour",
            login="cic_fee_admin",
        )
        self.assertEqual(service.fee_table_line_ids.table_id, self.fee_table)
        self.assertEqual(service.fee_table_line_ids.amount, 45)
        self.assertTrue(service.has_fee)
        # A citizen files it: the submission hook issues the fee invoice.
        self.authenticate("cic_portal_a", "cic_portal_a")
        data = self._petition_data(subject="Cerere cu taxă din tabel")
        response = self._submit(f"/cic/services/{service.slug}/apply", data)
        self.assertEqual(response.status_code, 303)
        ticket = self._tickets("Cerere cu taxă din tabel")
        self.assertEqual(ticket.partner_id, self.portal_a.partner_id)
        invoice = ticket.cic_invoice_id
        self.assertEqual(invoice.amount_total, 45)
        self.assertEqual(invoice.state, "posted")
        self.assertEqual(invoice.invoice_origin, ticket.cic_registration_number)
        self.assertEqual(ticket.cic_fee_state, "unpaid")
