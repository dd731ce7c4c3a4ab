# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The citizen's fees on /my/requests: the filter of the fees to pay and the
receipt (chitanță) of a payment of his request."""

from odoo import http
from odoo.http import request

from odoo.addons.cic_portal.controllers.portal import CicCustomerPortal


class CicFeeCustomerPortal(CicCustomerPortal):
    def _cic_searchbar_filters(self):
        _ = request.env._
        filters = super()._cic_searchbar_filters()
        filters.update(
            {
                "unpaid": {
                    "label": _("Fee to pay"),
                    "domain": [("cic_fee_state", "=", "unpaid")],
                },
            }
        )
        return filters

    @http.route(
        "/my/requests/<int:ticket_id>/payment/<int:payment_id>/receipt",
        type="http",
        auth="public",
        website=True,
    )
    def portal_my_cic_payment_receipt(
        self, ticket_id, payment_id, access_token=None, **kw
    ):
        ticket = self._cic_get_ticket(ticket_id, access_token)
        if not ticket:
            return request.redirect("/my")
        payment = ticket._cic_payments().filtered(lambda p: p.id == payment_id)
        if not payment:
            raise request.not_found()
        return self._show_report(
            payment,
            "pdf",
            "cic_portal_fee.action_report_cic_payment_receipt",
            download=True,
        )
