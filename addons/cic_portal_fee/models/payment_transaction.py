# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import ValidationError


class PaymentTransaction(models.Model):
    _inherit = "payment.transaction"

    @api.constrains("provider_id", "invoice_ids")
    def _check_cic_fee_provider(self):
        """A fee is paid online only with money: a transaction of a provider in
        test mode (e.g. the Demo provider) is refused for the invoice of a registry
        entry, whoever creates it and whatever the client sends."""
        for tx in self:
            fees = tx.sudo().invoice_ids.filtered("cic_ticket_id")
            if fees and not tx.provider_id.sudo()._cic_fee_providers():
                raise ValidationError(
                    self.env._(
                        "This fee cannot be paid with %(provider)s, which is in test "
                        "mode. Please pay it with another payment method or at the "
                        "town hall's counter.",
                        provider=tx.provider_id.sudo().name,
                    )
                )
