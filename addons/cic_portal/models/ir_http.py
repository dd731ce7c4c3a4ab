# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.http import request


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    @classmethod
    def _dispatch(cls, endpoint):
        """Drop NUL characters from the request's text parameters.

        PostgreSQL cannot store or compare them: a ``%00`` in a slug, a search box
        or a form field made the public routes answer 500. Browsers never send
        them, so nothing legitimate is lost."""
        params = request.params
        for key, value in params.items():
            if isinstance(value, str) and "\x00" in value:
                params[key] = value.replace("\x00", "")
        return super()._dispatch(endpoint)

    @classmethod
    def _serve_fallback(cls):
        """Odoo looks up pages and attachments by the raw path of an unknown URL;
        with a NUL in the path that query fails and the 404 became a 500."""
        if "\x00" in request.httprequest.path:
            return None
        return super()._serve_fallback()
