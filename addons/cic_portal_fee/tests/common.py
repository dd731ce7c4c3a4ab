# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The portal's test fixtures with fees: the first service has a fee, every
request made by ``_make_request`` gets its fee invoice, ``_pay`` pays one."""

from odoo.addons.cic_portal.tests import common


class CicFeeCommon:
    @classmethod
    def _setup_cic_portal(cls):
        res = super()._setup_cic_portal()
        cls.fee_product = cls.env.ref("cic_portal_fee.product_cic_fee")
        cls.fee_service.write(
            {"fee_product_id": cls.fee_product.id, "fee_amount": 25.5}
        )
        return res

    @classmethod
    def _make_request(cls, *args, **kwargs):
        """A registered request with its fee invoice."""
        ticket = super()._make_request(*args, **kwargs)
        ticket._cic_create_fee_invoice()
        return ticket

    @staticmethod
    def _pay(invoice, amount=None):
        wizard = (
            invoice.env["account.payment.register"]
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create({"amount": amount or invoice.amount_residual})
        )
        return wizard._create_payments()


class CicPortalCommon(CicFeeCommon, common.CicPortalCommon):
    pass


class CicPortalHttpCase(CicFeeCommon, common.CicPortalHttpCase):
    pass
