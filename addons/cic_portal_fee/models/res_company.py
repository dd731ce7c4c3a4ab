# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    cic_fee_currency_id = fields.Many2one(
        "res.currency",
        string="Currency of local fees",
        help="Local fees are set in lei; fee invoices of the portal are issued in "
        "this currency even if the accounting currency of the company differs. "
        "Empty: the company's currency.",
    )

    def _cic_fee_currency(self):
        self.ensure_one()
        return self.cic_fee_currency_id or self.currency_id
