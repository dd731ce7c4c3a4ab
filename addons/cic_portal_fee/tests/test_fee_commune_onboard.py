# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Onboarding a commune (issue 19 point 3) with fees: the template's fee tables
are copied into the new commune, out of the template clerk's sight; the
template's chart of accounts is loaded for it, so that it issues fee invoices at
once."""

from datetime import date

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.cic_portal.tests import test_commune_onboard_services as base

from .common import CicFeeCommon

YEAR = 2041


@tagged("post_install", "-at_install")
class TestFeeCommuneOnboard(CicFeeCommon, base.CommuneOnboardCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.table = cls.env["cic.fee.table"].create(
            {
                "year": YEAR,
                "hcl_number": "41",
                "hcl_date": date(YEAR - 1, 4, 24),
                "line_ids": [(0, 0, {"service_id": cls.fee_service.id, "amount": 15})],
            }
        )
        if not cls.env.company.chart_template:
            cls.env["account.chart.template"].try_loading(
                "generic_coa", company=cls.env.company, install_demo=False
            )

    def test_fee_tables_copied(self):
        commune, service = self._onboard_with_service()
        self.assertEqual(len(service), 1)
        table = self.env["cic.fee.table"].search(
            [("company_id", "=", commune.id), ("year", "=", YEAR)]
        )
        self.assertEqual(table.line_ids.service_id, service)
        self.assertEqual(table.line_ids.amount, 15)
        self.assertFalse(
            self.env["cic.fee.table"]
            .with_user(self.clerk_a)
            .search([("id", "=", table.id)])
        )

    def test_chart_of_accounts_loaded(self):
        """The template's chart for the new commune: a fee service copied there
        is invoiced in the commune's books and paid at its counter."""
        wizard = (
            self.env["cic.commune.onboard"]
            .with_user(self.admin)
            .create({"name": "Primăria Comunei Arieșeni (test)"})
        )
        self.assertTrue(wizard.load_chart)
        wizard.action_onboard()
        commune = wizard.company_id
        self.assertEqual(commune.chart_template, self.env.company.chart_template)
        Journal = self.env["account.journal"]
        self.assertTrue(
            Journal.search([("company_id", "=", commune.id), ("type", "=", "sale")])
        )
        service = self.env["cic.service"].search(
            [("company_id", "=", commune.id), ("slug", "=", self.fee_service.slug)]
        )
        ticket = self._make_request(
            self.portal_a.partner_id,
            procedure=self.procedure_service,
            service=service,
            company=commune,
        )
        invoice = ticket.cic_invoice_id
        self.assertEqual(invoice.state, "posted")
        self.assertEqual(invoice.company_id, commune)
        self.assertEqual(invoice.journal_id.company_id, commune)
        self.assertEqual(invoice.amount_total, 25.5)
        self.assertIn(commune, invoice.invoice_line_ids.account_id.company_ids)
        self._pay(invoice.with_company(commune))
        self.assertIn(invoice.payment_state, ("paid", "in_payment"))

    def test_no_chart_when_unticked(self):
        wizard = (
            self.env["cic.commune.onboard"]
            .with_user(self.admin)
            .create({"name": "Primăria Comunei Gârda (test)", "load_chart": False})
        )
        wizard.action_onboard()
        self.assertFalse(wizard.company_id.chart_template)
        self.assertFalse(
            self.env["account.journal"].search(
                [("company_id", "=", wizard.company_id.id)]
            )
        )

    def test_uninstalled_chart_refused(self):
        """A template whose chart's module is not installed: a message before
        anything is created, never a module installed from the wizard."""
        Module = self.env["ir.module.module"]
        uninstalled = set(Module.search([("state", "=", "uninstalled")]).mapped("name"))
        charts = self.env["account.chart.template"]._get_chart_template_mapping()
        code = next(c for c, chart in charts.items() if chart["module"] in uninstalled)
        template = self.env["res.company"].create({"name": "Comuna șablon (test)"})
        template.chart_template = code
        self.admin.company_ids = [(4, template.id)]
        wizard = (
            self.env["cic.commune.onboard"]
            .with_user(self.admin)
            .create(
                {
                    "name": "Primăria Comunei Horea (test)",
                    "template_company_id": template.id,
                }
            )
        )
        with self.assertRaises(UserError):
            wizard.action_onboard()
        self.assertFalse(
            self.env["res.company"].search(
                [("name", "=", "Primăria Comunei Horea (test)")]
            )
        )
