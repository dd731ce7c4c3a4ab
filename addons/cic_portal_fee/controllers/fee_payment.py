# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The payment form of a fee invoice offers only the providers that may pay it."""

from odoo.addons.account_payment.controllers.portal import PortalAccount


class CicFeePortalAccount(PortalAccount):
    def _invoice_get_page_view_values(self, invoice, access_token, **kwargs):
        values = super()._invoice_get_page_view_values(invoice, access_token, **kwargs)
        providers = values.get("providers_sudo")
        # Narrow sudo: the invoice was checked by account_payment (access or
        # token); only its link to a registry entry is read.
        if providers is None or not invoice.sudo().cic_ticket_id:
            return values
        allowed = providers._cic_fee_providers()
        values["providers_sudo"] = allowed
        values["payment_methods_sudo"] = values["payment_methods_sudo"].filtered(
            lambda method: method.provider_ids & allowed
        )
        values["tokens_sudo"] = values["tokens_sudo"].filtered(
            lambda token: token.provider_id in allowed
        )
        return values
