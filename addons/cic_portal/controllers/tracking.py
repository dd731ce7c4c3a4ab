# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Tracking without an account (/cic/track): the lookup and its lock-out are
``helpdesk.ticket._cic_track_lookup``; the client's address comes from the
spam guard of the forms."""

from odoo import http
from odoo.http import request

from .cic_portal import CicPortalController
from .utils import commune


class CicTrackingController(CicPortalController):
    @http.route(
        "/cic/track",
        type="http",
        auth="public",
        website=True,
        methods=["GET", "POST"],
        sitemap=True,
    )
    def cic_track(self, number=None, code=None, **kw):
        values = {
            "number": number or "",
            "code": code or "",
            "ticket": None,
            "error": None,
        }
        if number or code:
            ticket, values["error"] = request.env["helpdesk.ticket"]._cic_track_lookup(
                number, code, self._client_key(), company=commune()
            )
            values["ticket"] = ticket or None
        return request.render("cic_portal.cic_track_page", values)
