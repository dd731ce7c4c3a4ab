# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Decisional transparency pages (Law 52/2003): drafts under consultation,
public meeting notices and published answers to recommendations.

Searched as the visitor (issue 18 point 5): his access rights and record rules
(cic_registry/security/cic_transparency_security.xml) let him read what each model
publishes (its ``website_visible`` condition), and every search names that condition
too, so nothing unpublished is found whatever the id in the address (404). What is
not published stays out of his reach through the ORM, JSON-RPC and /web/content
alike: the authors and registry entries of recommendations and unpublished minutes
are internal fields (groups), the chatter of these records is internal, and of a
draft's attachments only the documents the back office published are served
(cic_registry/models/ir_attachment_transparency.py)."""

from odoo import http
from odoo.http import request

from .utils import commune_domain

PUBLISHED = [("website_visible", "=", True)]


class CicTransparencyController(http.Controller):
    def _drafts(self, extra=None):
        return request.env["cic.transparency.draft"].search(
            PUBLISHED + commune_domain() + (extra or []),
            order="publication_date desc",
        )

    def _draft_documents(self, draft):
        """Only the documents the back office marked as published, never every
        attachment of the draft."""
        # Narrow sudo: attachments have no access rights for visitors in Odoo;
        # the draft was found as the visitor, its published documents only.
        return draft.sudo()._cic_published_documents()

    @http.route(
        "/cic/transparency", type="http", auth="public", website=True, readonly=True
    )
    def cic_transparency(self, **kw):
        env = request.env
        today = env["cic.calendar"].today()
        meetings = env["cic.transparency.meeting"].search(
            PUBLISHED + commune_domain(), order="meeting_date desc", limit=20
        )
        answered = env["cic.transparency.recommendation"].search(
            PUBLISHED + commune_domain(), order="date_received desc", limit=50
        )
        return request.render(
            "cic_portal.cic_transparency_page",
            {
                "consultations": self._drafts([("state", "=", "published")]),
                "past_drafts": self._drafts([("state", "!=", "published")]),
                "meetings": meetings,
                "answered": answered,
                "today": today,
            },
        )

    @http.route(
        "/cic/transparency/draft/<int:draft_id>",
        type="http",
        auth="public",
        website=True,
        readonly=True,
    )
    def cic_transparency_draft(self, draft_id, **kw):
        draft = self._drafts([("id", "=", draft_id)])
        if not draft:
            raise request.not_found()
        return request.render(
            "cic_portal.cic_transparency_draft_page",
            {
                "draft": draft,
                "documents": self._draft_documents(draft),
                "today": request.env["cic.calendar"].today(),
            },
        )

    @http.route(
        "/cic/transparency/draft/<int:draft_id>/document/<int:attachment_id>",
        type="http",
        auth="public",
        website=True,
        readonly=True,
    )
    def cic_transparency_document(self, draft_id, attachment_id, **kw):
        draft = self._drafts([("id", "=", draft_id)])
        attachment = (
            self._draft_documents(draft).filtered(lambda a: a.id == attachment_id)
            if draft
            else None
        )
        if not attachment:
            raise request.not_found()
        return (
            request.env["ir.binary"]
            ._get_stream_from(attachment)
            .get_response(as_attachment=True)
        )
