# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class CicCommuneOnboard(models.TransientModel):
    """Onboarding a commune: the template's service catalogue and fee tables,
    its chart of accounts (the fee invoices need one), and the commune's own
    public site (issue 19 point 2)."""

    _inherit = "cic.commune.onboard"

    create_website = fields.Boolean(
        string="Create its website",
        default=True,
        help="A public site of its own (Odoo's multi-website): the forms filed "
        "there are registered in this commune, its lists show this commune's "
        "services, documents and pages.",
    )
    website_name = fields.Char(
        string="Website name", help="Default: the name of the town hall."
    )
    website_domain = fields.Char(
        string="Website domain",
        help="E.g. https://www.primaria-vadu-motilor.ro: the site answers the "
        "requests addressed to this domain (the reverse proxy must serve it, see "
        "docs/nginx-example.conf).",
    )
    website_id = fields.Many2one("website", string="Website", readonly=True)
    load_chart = fields.Boolean(
        string="Load the chart of accounts",
        default=True,
        help="The chart of accounts of the template commune, loaded for the new "
        "commune (journals, accounts): without one it cannot issue fee invoices. "
        "Untick it to load a chart later in the Accounting settings.",
    )

    def action_onboard(self):
        self._cic_check_website_domain()
        self._cic_check_chart()
        res = super().action_onboard()
        if self.load_chart:
            self.sudo()._cic_load_chart(self.company_id)
        if self.create_website:
            self.website_id = self.sudo()._cic_create_website(self.company_id)
        return res

    @api.model
    def _cic_normalized_domain(self, domain):
        return self.env["website"]._normalize_domain_url(domain.strip())

    def _cic_check_website_domain(self):
        """A domain answers for one website only: refused before anything is
        created (Odoo's unique constraint would fail the whole onboarding)."""
        if not (self.create_website and (self.website_domain or "").strip()):
            return
        domain = self._cic_normalized_domain(self.website_domain)
        if self.env["website"].sudo().search_count([("domain", "=", domain)]):
            raise UserError(
                self.env._("The domain %s is already used by a website.", domain)
            )

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

    def _cic_create_website(self, company):
        """The commune's website: its company is the commune (visitors act as
        the commune's public user), its language that of the template's first
        website."""
        template_site = self.env["website"].search(
            [("company_id", "=", self.template_company_id.id)], limit=1
        )
        vals = {
            "name": (self.website_name or "").strip() or self.name,
            "company_id": company.id,
            "domain": self._cic_normalized_domain(self.website_domain)
            if (self.website_domain or "").strip()
            else False,
        }
        if template_site:
            vals["language_ids"] = [fields.Command.set(template_site.language_ids.ids)]
            vals["default_lang_id"] = template_site.default_lang_id.id
        return self.env["website"].create(vals)

    def _cic_onboard_copy(self, company, mapping):
        res = super()._cic_onboard_copy(company, mapping)
        template = self.template_company_id
        services = self.env["cic.service"].search([("company_id", "=", template.id)])
        mapping["cic.service"] = {
            service: service.copy(self._cic_service_values(service, company, mapping))
            for service in services
        }
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

    def _cic_service_values(self, service, company, mapping):
        return {
            "name": service.name,
            "slug": service.slug,
            "company_id": company.id,
            "procedure_id": self._cic_mapped(mapping, service.procedure_id).id
            or service.procedure_id.id,
            "department_id": self._cic_mapped(mapping, service.department_id).id,
            "form_field_ids": [
                fields.Command.create(dict(field.copy_data()[0], service_id=False))
                for field in service.form_field_ids
            ],
        }
