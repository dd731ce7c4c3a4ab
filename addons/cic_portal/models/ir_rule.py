# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A citizen browsing a commune's website reads that commune's records through
the company rules, without his account joining the commune (issue 19)."""

from odoo import api, models
from odoo.http import request


class IrRule(models.Model):
    _inherit = "ir.rule"

    @api.model
    def _eval_context(self):
        """On a commune's website, the company rules of a citizen's portal
        account also name the website's commune: he reads its services, pages
        and forms as its visitors do, and his own records there as his.

        Joining the commune is a write (``res.users._cic_join_commune``) and
        most public pages are read-only routes: the account joins when the
        citizen files there, and until then the request alone lets him read."""
        values = super()._eval_context()
        commune_id = self._cic_browsed_commune_id()
        if commune_id:
            values["company_ids"] = [*values["company_ids"], commune_id]
        return values

    def _compute_domain_context_values(self):
        """The browsed commune is part of the cached rule domain's key."""
        yield from super()._compute_domain_context_values()
        yield self._cic_browsed_commune_id()

    def _cic_browsed_commune_id(self):
        """The commune (company id) of the website this request browses, when
        this environment is the request's own portal account and that account
        has not joined the commune; else None. Decided on the server (the
        website of the request's host), never by a context the client sends."""
        if not request or not getattr(request, "is_frontend", False):
            return None
        website = getattr(request, "website", None)
        user = self.env.user
        if (
            not website
            or self.env.su
            or self.env.uid != request.session.uid
            or not user.share
            or user._is_public()
        ):
            return None
        commune_id = website._get_cached("company_id")
        if not commune_id or commune_id in user._get_company_ids():
            return None
        return commune_id
