# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Onboarding a commune (issue 19 point 3): one company per commune, made in one
step from a template commune: its register and counter, calendar (bridge days),
departments, procedures and settings; ``cic_portal`` adds the services and fee
tables; a first administrator gets the CIC manager's rights."""

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError


class CicCommuneOnboard(models.TransientModel):
    _name = "cic.commune.onboard"
    _description = "Onboard a commune"

    name = fields.Char(
        string="Town hall", required=True, help="E.g. Primăria Comunei Vadu Moților."
    )
    vat = fields.Char(string="CUI", help="Fiscal identification code of the town hall.")
    siruta_id = fields.Many2one(
        "cic.siruta", string="SIRUTA", help="The commune's locality code (INS)."
    )
    street = fields.Char()
    city = fields.Char()
    zip = fields.Char()
    state_id = fields.Many2one(
        "res.country.state",
        string="County",
        domain="[('country_id.code', '=', 'RO')]",
    )
    email = fields.Char()
    phone = fields.Char()
    template_company_id = fields.Many2one(
        "res.company",
        string="Template commune",
        required=True,
        default=lambda self: self.env.company,
        domain=lambda self: [("id", "in", self.env.user.company_ids.ids)],
        help="Its departments, procedures, bridge days, services and fees are copied.",
    )
    copy_holidays = fields.Boolean(
        string="Copy the bridge days",
        default=True,
        help="Copy the template's extra non-working days; else the calendar starts "
        "with the legal holidays only.",
    )
    admin_name = fields.Char(string="Administrator")
    admin_login = fields.Char(
        string="Administrator login",
        help="When set, a user with the CIC manager's rights in the new commune.",
    )
    company_id = fields.Many2one("res.company", string="Commune", readonly=True)

    def action_onboard(self):
        """Create the commune and open it."""
        self.ensure_one()
        self._cic_check_onboard_allowed()
        company = self._cic_create_company()
        mapping = {}
        self.sudo()._cic_onboard_copy(company, mapping)
        self._cic_create_admin(company)
        self.company_id = company
        return {
            "type": "ir.actions.act_window",
            "res_model": "res.company",
            "res_id": company.id,
            "view_mode": "form",
            "target": "current",
        }

    def _cic_check_onboard_allowed(self):
        if not self.env.user.has_group("cic_registry.group_cic_manager"):
            raise AccessError(
                self.env._("Only a CIC administrator onboards a commune.")
            )
        if self.template_company_id not in self.env.user.company_ids:
            raise UserError(
                self.env._("The template commune must be one of your communes.")
            )
        if self.env["res.company"].sudo().search_count([("name", "=", self.name)]):
            raise UserError(self.env._("A company named %s already exists.", self.name))
        if self.admin_login and self.env["res.users"].sudo().with_context(
            active_test=False
        ).search_count([("login", "=", self.admin_login)]):
            raise UserError(
                self.env._("The login %s is already taken.", self.admin_login)
            )

    def _cic_create_company(self):
        """The company (a sudo: a CIC administrator is not Odoo's settings
        administrator), its register counter, and the onboarding user's access."""
        template = self.template_company_id
        vals = {
            "name": self.name,
            "vat": self.vat,
            "street": self.street,
            "city": self.city,
            "zip": self.zip,
            "state_id": self.state_id.id,
            "country_id": template.country_id.id,
            "currency_id": template.currency_id.id,
            "email": self.email,
            "phone": self.phone,
        }
        vals.update(self._cic_company_settings(template))
        company = self.env["res.company"].sudo().create(vals)
        if self.siruta_id and "cic_siruta_id" in company.partner_id._fields:
            company.partner_id.cic_siruta_id = self.siruta_id
        self.env.user.sudo().company_ids = [fields.Command.link(company.id)]
        self.env["cic.register.counter"].sudo().create(
            {"company_id": company.id, "year": self.env["cic.calendar"].today().year}
        )
        return company

    @api.model
    def _cic_company_settings(self, template):
        """The template's CIC settings of simple type (numbering format, margins,
        reminders...): copied so that the commune starts configured alike."""
        return {
            name: template[name]
            for name, field in template._fields.items()
            if name.startswith("cic_")
            and field.store
            and not field.compute
            and not field.related
            and field.type
            in ("char", "integer", "float", "boolean", "selection", "text")
        }

    def _cic_onboard_copy(self, company, mapping):
        """Copy the template's configuration into ``company``; ``mapping`` maps
        each copied model to ``{template record: copy}`` for later steps."""
        template = self.template_company_id
        teams = self.env["helpdesk.ticket.team"].search(
            [("company_id", "=", template.id)]
        )
        mapping["helpdesk.ticket.team"] = {
            team: team.copy(
                {
                    "name": team.name,
                    "company_id": company.id,
                    "user_ids": [fields.Command.clear()],
                    "cic_head_id": False,
                }
            )
            for team in teams
        }
        procedures = self.env["cic.procedure"].search(
            [("company_id", "=", template.id)]
        )
        mapping["cic.procedure"] = {
            procedure: procedure.copy(
                {
                    "name": procedure.name,
                    "company_id": company.id,
                    "team_id": self._cic_mapped(mapping, procedure.team_id).id,
                }
            )
            for procedure in procedures
        }
        if self.copy_holidays:
            holidays = self.env["cic.holiday"].search(
                [("company_id", "=", template.id)]
            )
            for holiday in holidays:
                holiday.copy({"name": holiday.name, "company_id": company.id})

    @api.model
    def _cic_mapped(self, mapping, record):
        """The copy of ``record`` made for the new commune, else ``record`` when
        it is shared by every commune (no company), else nothing."""
        if not record:
            return record
        copy = mapping.get(record._name, {}).get(record)
        if copy:
            return copy
        if "company_id" in record._fields and record.company_id:
            return record.browse()
        return record

    def _cic_create_admin(self, company):
        if not self.admin_login:
            return
        self.env["res.users"].sudo().with_context(no_reset_password=True).create(
            {
                "name": self.admin_name or self.admin_login,
                "login": self.admin_login,
                "email": self.admin_login if "@" in self.admin_login else False,
                "company_id": company.id,
                "company_ids": [fields.Command.set(company.ids)],
                "groups_id": [
                    fields.Command.set(
                        [
                            self.env.ref("base.group_user").id,
                            self.env.ref("cic_registry.group_cic_manager").id,
                        ]
                    )
                ],
            }
        )
