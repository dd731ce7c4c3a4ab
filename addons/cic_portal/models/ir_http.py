# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re

from odoo import models
from odoo.http import request

# The citizen's own pages, with or without a language prefix (/ro/my/requests).
MY_PAGES = re.compile(r"^(/[a-z]{2}(_[A-Za-z]{2,4})?)?/my(/|$)")


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
    def _frontend_pre_dispatch(cls):
        """The commune of a website request is the website's company (issue 19).

        Odoo's website switches the request to the website's company only for
        an account of that company. A citizen's portal account joins the
        commune of a website when he files there
        (``res.users._cic_join_commune``), never by opening its pages: most
        are read-only routes, and a visit alone must not make him one of the
        commune's citizens. Until he files, ``ir.rule`` lets the request read
        the commune's records. On his own pages (``/my``) a citizen reads his
        records at every commune he belongs to; the website's commune stays the
        current company when he belongs to it."""
        super()._frontend_pre_dispatch()
        user = request.env.user
        if not user.share or user._is_public():
            return
        if MY_PAGES.match(request.httprequest.path):
            company = request.website.company_id
            companies = user._get_company_ids()
            first = company.ids if company.id in companies else []
            others = [cid for cid in companies if cid != company.id]
            request.update_context(allowed_company_ids=first + others)
            request.website = request.website.with_env(request.env)

    @classmethod
    def _serve_fallback(cls):
        """Odoo looks up pages and attachments by the raw path of an unknown URL;
        with a NUL in the path that query fails and the 404 became a 500."""
        if "\x00" in request.httprequest.path:
            return None
        return super()._serve_fallback()
