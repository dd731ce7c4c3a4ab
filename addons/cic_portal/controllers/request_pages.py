# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The pages of a request just filed online: confirmation, e-mail confirmation
of a visitor and the registration receipt. Access by the request's portal
token (or the citizen's own account), through Odoo's
``CustomerPortal._document_check_access``."""

from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from .portal import CicCustomerPortal


class CicRequestPagesPortal(CicCustomerPortal):
    def _cic_request_page_ticket(self, ticket_id, access_token):
        try:
            return self._document_check_access(
                "helpdesk.ticket", ticket_id, access_token
            )
        except (AccessError, MissingError):
            return None

    @http.route(
        "/cic/request/<int:ticket_id>/confirmation",
        type="http",
        auth="public",
        website=True,
        sitemap=False,
    )
    def cic_request_confirmation(self, ticket_id, access_token=None, **kw):
        ticket = self._cic_request_page_ticket(ticket_id, access_token)
        if not ticket:
            return request.redirect("/cic/track")
        return request.render(
            "cic_portal.cic_request_confirmation_page",
            {"ticket": ticket, "access_token": ticket.access_token},
        )

    @http.route(
        "/cic/request/<int:ticket_id>/confirm-email",
        type="http",
        auth="public",
        website=True,
        sitemap=False,
    )
    def cic_request_confirm_email(self, ticket_id, token=None, **kw):
        """The visitor confirms his e-mail address: his request's hold is lifted
        (cic_portal_fee: its fee invoice is issued)."""
        # The request comes from the signed token, never from the URL alone.
        ticket = request.env["helpdesk.ticket"]._cic_ticket_from_email_token(token)
        if not ticket or ticket.id != ticket_id:
            return request.redirect("/cic/track")
        ticket._cic_confirm_visitor(
            request.env._("The visitor confirmed his e-mail address.")
        )
        return request.redirect(f"{ticket.get_portal_url()}&message=email_confirmed")

    @http.route(
        "/cic/request/<int:ticket_id>/receipt",
        type="http",
        auth="public",
        website=True,
        sitemap=False,
    )
    def cic_request_receipt(self, ticket_id, access_token=None, **kw):
        ticket = self._cic_request_page_ticket(ticket_id, access_token)
        if not ticket:
            return request.redirect("/cic/track")
        return self._show_report(
            ticket,
            "pdf",
            "cic_registry.action_report_registration_receipt",
            download=kw.get("download") == "true",
        )
