# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError


class CicCommuneOnboard(models.TransientModel):
    """Onboarding a commune, the fee part: the template's fee tables and its
    chart of accounts (the fee invoices need one)."""

    _inherit = "cic.commune.onboard"

    load_chart = fields.Boolean(
        string="Load the chart of accounts",
        default=True,
        help="The chart of accounts of the template commune, loaded for the new "
        "commune (journals, accounts): without one it cannot issue fee invoices. "
        "Untick it to load a chart later in the Accounting settings.",
    )

    def action_onboard(self):
        self._cic_check_chart()
        res = super().action_onboard()
        if self.load_chart:
            self.sudo()._cic_load_chart(self.company_id)
        return res

    def _cic_chart_code(self):
        """The template commune's chart of accounts, when it has one and the
        new commune should get it."""
        return self.load_chart and self.template_company_id.sudo().chart_template

    def _cic_check_chart(self):
        """The template's chart must still be installed: refused before anything
        is created (loading an uninstalled chart would install its module)."""
        code = self._cic_chart_code()
        if not code:
            return
        chart = (
            self.env["account.chart.template"]
            .sudo()
            ._get_chart_template_mapping(get_all=True)
            .get(code)
        )
        installed = chart and self.env["ir.module.module"].sudo().search_count(
            [("name", "=", chart["module"]), ("state", "=", "installed")]
        )
        if not installed:
            raise UserError(
                self.env._(
                    "The chart of accounts %s of the template commune is not "
                    "installed; untick 'Load the chart of accounts'.",
                    code,
                )
            )

    def _cic_create_company(self):
        """With the template's chart to load, the company is created without
        Odoo's own choice of a chart from its country (outside tests, a country
        installs its localisation module, then loads its chart at the commit,
        replacing the template's)."""
        if not self._cic_chart_code():
            return super()._cic_create_company()
        wizard = self.with_context(chart_template_load=True)
        return super(CicCommuneOnboard, wizard)._cic_create_company().with_env(self.env)

    def _cic_load_chart(self, company):
        """Odoo's loading of the template's chart for ``company`` (accounts,
        taxes, sale, bank and cash journals), then the fee products' income
        accounts of the template, matched by code. Called as superuser: only
        Odoo's settings administrator may load a chart."""
        code = self._cic_chart_code()
        if not code:
            return
        self.env["account.chart.template"].try_loading(
            code, company=company, install_demo=False
        )
        self._cic_copy_fee_income_accounts(company)

    def _cic_copy_fee_income_accounts(self, company):
        """The income account the template set on its fee products (a company
        dependent field): the account of the same code in the new commune."""
        template = self.template_company_id
        services = self.env["cic.service"].search([("company_id", "=", template.id)])
        products = services.fee_product_id | services.urgency_fee_product_id
        Account = self.env["account.account"].with_company(company)
        for product in products.with_company(template):
            account = product.property_account_income_id
            if not account:
                continue
            copy = Account.search(
                [*Account._check_company_domain(company), ("code", "=", account.code)],
                limit=1,
            )
            if copy:
                product.with_company(company).property_account_income_id = copy

    def _cic_onboard_copy(self, company, mapping):
        res = super()._cic_onboard_copy(company, mapping)
        template = self.template_company_id
        tables = self.env["cic.fee.table"].search([("company_id", "=", template.id)])
        for table in tables:
            lines = [
                fields.Command.create(
                    dict(
                        line.copy_data()[0],
                        table_id=False,
                        service_id=mapping["cic.service"][line.service_id].id,
                    )
                )
                for line in table.line_ids
                if line.service_id in mapping["cic.service"]
            ]
            table.copy({"company_id": company.id, "line_ids": lines})
        return res
