# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class CicCommuneOnboard(models.TransientModel):
    """Onboarding a commune: the template's service catalogue and the commune's
    own public site (issue 19 point 2). cic_portal_fee adds the fee tables and
    the chart of accounts."""

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

    def action_onboard(self):
        self._cic_check_website_domain()
        res = super().action_onboard()
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
