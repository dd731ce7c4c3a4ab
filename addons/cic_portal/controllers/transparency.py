# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Decisional transparency pages (Law 52/2003): drafts under consultation,
public meeting notices and published answers to recommendations.

The transparency models of cic_registry have no public access rights: these
read-only pages search them in sudo, always with the publication conditions
in the domain, so nothing unpublished is ever reachable by id.

Why not ACL rows and a published rule, as for services, documents, institutions
and participation (issue 18 point 5): a draft readable by visitors would make
every attachment of it readable through /web/content (ir.attachment follows its
record), internal memos included, and not only the published documents; a
recommendation carries its author and registry entry (personal data that is not
published). Both need an attachment guard and field groups first."""

from odoo import fields, http
from odoo.http import request

from .utils import commune_domain

PUBLISHED_DRAFT = [("published_website", "=", True), ("state", "!=", "draft")]


class CicTransparencyController(http.Controller):
    def _drafts(self, extra=None):
        return (
            request.env["cic.transparency.draft"]
            .sudo()
            .search(
                PUBLISHED_DRAFT + commune_domain() + (extra or []),
                order="publication_date desc",
            )
        )

    def _draft_documents(self, draft):
        """Only the documents the back office marked as published, never every
        attachment of the draft."""
        return draft._cic_published_documents()

    @http.route(
        "/cic/transparency", type="http", auth="public", website=True, readonly=True
    )
    def cic_transparency(self, **kw):
        today = fields.Date.context_today(request.env.user)
        meetings = (
            request.env["cic.transparency.meeting"]
            .sudo()
            .search(
                [
                    ("public", "=", True),
                    ("notice_publication_date", "!=", False),
                    ("notice_publication_date", "<=", today),
                    *commune_domain(),
                ],
                order="meeting_date desc",
                limit=20,
            )
        )
        answered = (
            request.env["cic.transparency.recommendation"]
            .sudo()
            .search(
                [
                    ("draft_id.published_website", "=", True),
                    ("draft_id.state", "!=", "draft"),
                    ("decision", "!=", "pending"),
                    *commune_domain(),
                ],
                order="date_received desc",
                limit=50,
            )
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
                "today": fields.Date.context_today(request.env.user),
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
