# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Local fee tables (R-POR-3): the amounts the local council (HCL) sets for a year.

Codul fiscal art. 474 gives ranges; the council fixes the exact amounts every
year (indexed), so amounts and surface bands are data the administrator edits.
"""

from odoo import api, fields, models

from odoo.addons.cic_registry.models.cic_calendar import institution_today


class CicFeeTable(models.Model):
    _name = "cic.fee.table"
    _description = "CIC local fee table (per year, HCL)"
    _order = "year desc, id desc"

    # Not stored: shown in the reader's language.
    name = fields.Char(compute="_compute_name")
    year = fields.Integer(
        required=True,
        default=lambda self: institution_today(self).year,
        help="Requests registered in this year (institution's local date) are "
        "charged with this table.",
    )
    hcl_number = fields.Char(string="HCL number", help="Local council decision.")
    hcl_date = fields.Date(string="HCL date")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one("res.currency", compute="_compute_currency_id")
    line_ids = fields.One2many("cic.fee.table.line", "table_id", string="Fees")
    note = fields.Text()
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "year_company_uniq",
            "unique(company_id, year)",
            "There is already a fee table for this year.",
        ),
        (
            "year_valid",
            "CHECK(year BETWEEN 2000 AND 2999)",
            "The year of a fee table must be between 2000 and 2999.",
        ),
    ]

    @api.depends("company_id.cic_fee_currency_id", "company_id.currency_id")
    def _compute_currency_id(self):
        for table in self:
            table.currency_id = table.company_id._cic_fee_currency()

    @api.depends("year", "hcl_number", "hcl_date")
    def _compute_name(self):
        for table in self:
            name = self.env._("Local fees %(year)s", year=table.year or "")
            if table.hcl_number:
                hcl = self.env._("HCL no. %(number)s", number=table.hcl_number)
                if table.hcl_date:
                    hcl = f"{hcl}/{table.hcl_date.strftime('%d.%m.%Y')}"
                name = f"{name} ({hcl})"
            table.name = name

    @api.model
    def _get_for_year(self, year, company):
        """The active fee table of `company` for `year` (empty if none)."""
        return self.search(
            [("year", "=", year), ("company_id", "=", company.id)], limit=1
        )
