# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CicRegisterCounter(models.Model):
    """Last registration number given per company and calendar year.

    One row per (company, year); it is only ever changed by
    ``cic.registration.mixin`` through SQL under a row lock, never edited by hand.
    """

    _name = "cic.register.counter"
    _description = "General register counter"
    _order = "year desc, company_id"
    _rec_name = "year"

    company_id = fields.Many2one("res.company", required=True, readonly=True)
    year = fields.Integer(required=True, readonly=True)
    last_seq = fields.Integer(string="Last number", readonly=True, default=0)

    _sql_constraints = [
        (
            "company_year_uniq",
            "unique(company_id, year)",
            "There is already a counter for this company and year.",
        )
    ]
