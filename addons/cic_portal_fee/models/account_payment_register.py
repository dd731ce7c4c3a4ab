# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from .account_payment import PAYMENT_CHANNELS


class AccountPaymentRegister(models.TransientModel):
    """Odoo's payment dialog records how a fee was paid (counter, bank...)."""

    _inherit = "account.payment.register"

    cic_channel = fields.Selection(
        PAYMENT_CHANNELS,
        string="Payment channel",
        help="How the citizen paid the fee: at the counter (cash or card), by bank "
        "transfer or through Ghișeul.ro.",
    )

    def _create_payment_vals_from_wizard(self, batch_result):
        vals = super()._create_payment_vals_from_wizard(batch_result)
        if self.cic_channel:
            vals["cic_channel"] = self.cic_channel
        return vals

    def _create_payment_vals_from_batch(self, batch_result):
        vals = super()._create_payment_vals_from_batch(batch_result)
        if self.cic_channel:
            vals["cic_channel"] = self.cic_channel
        return vals
