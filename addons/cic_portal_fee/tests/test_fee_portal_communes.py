# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The fee of a service filed at a commune's website is invoiced in that
commune's books (issue 19)."""

from odoo.tests import tagged

from odoo.addons.cic_portal.tests import test_portal_communes as base

HOST_B = base.HOST_B
SLUG = base.SLUG


@tagged("post_install", "-at_install")
class TestFeePortalCommunes(base.PortalCommunesCase):
    def test_fee_and_department_of_site_commune(self):
        """A fee service of B: the invoice in B's books, the entry in B's
        department."""
        self.env["account.chart.template"].try_loading(
            "generic_coa", company=self.company_b, install_demo=False
        )
        team_b = self.env["helpdesk.ticket.team"].create(
            {"name": "Urbanism B", "company_id": self.company_b.id}
        )
        self.service_b.write(
            {
                "department_id": team_b.id,
                "fee_product_id": self.env.ref("cic_portal_fee.product_cic_fee").id,
                "fee_amount": 12.0,
            }
        )
        self._submit(HOST_B, f"/cic/services/{SLUG}/apply", subject="Taxă la B")
        ticket = self._ticket("Taxă la B")
        self.assertEqual(ticket.team_id, team_b)
        self.assertEqual(ticket.cic_invoice_id.company_id, self.company_b)
        self.assertEqual(ticket.cic_invoice_id.amount_total, 12.0)
