# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.tools import str2bool

# System parameter (administrators only): "True" on a demo or test database lets
# providers in test mode pay fees. Set by the demo data; never on production.
ALLOW_TEST_PAYMENTS = "cic_portal.allow_test_payments"


class PaymentProvider(models.Model):
    _inherit = "payment.provider"

    @api.model
    def _cic_test_payments_allowed(self):
        return str2bool(
            self.env["ir.config_parameter"].sudo().get_param(ALLOW_TEST_PAYMENTS)
            or "False"
        )

    def _cic_fee_providers(self):
        """The providers among these that may pay a fee: only those in production
        mode (real money), unless the administrator allowed test payments."""
        if self._cic_test_payments_allowed():
            return self
        return self.filtered(lambda provider: provider.state == "enabled")
