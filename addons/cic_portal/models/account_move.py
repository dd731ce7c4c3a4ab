# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    cic_ticket_id = fields.Many2one(
        "helpdesk.ticket", string="CIC request", index=True, copy=False
    )

    def _invoice_paid_hook(self):
        """A paid fee invoice that includes the urgency fee shortens the
        request's internal target (R-POR-6)."""
        res = super()._invoice_paid_hook()
        # sudo: finance or the portal's payment transaction posts the payment;
        # the new date comes from the service's configuration only.
        self.sudo().cic_ticket_id._cic_apply_urgency_target()
        return res
