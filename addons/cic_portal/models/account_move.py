# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    cic_ticket_id = fields.Many2one(
        "helpdesk.ticket", string="CIC request", index=True, copy=False
    )
