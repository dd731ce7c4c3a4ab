# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Public information (Law 544/2001 art. 5): the documents published by the
institution and the ex officio information pages. Read as the visitor: the
record rules show the published records only."""

from odoo import http
from odoo.http import request

from odoo.addons.portal.controllers.portal import pager as portal_pager

from .utils import commune_domain

DOCUMENTS_PER_PAGE = 20


class CicPublicPagesController(http.Controller):
    @http.route(
        ["/cic/documents", "/cic/documents/page/<int:page>"],
        type="http",
        auth="public",
        website=True,
        readonly=True,
    )
    def cic_documents(self, page=1, search="", category="", year="", **kw):
        Document = request.env["cic.public.document"]
        domain = [("is_published", "=", True)] + commune_domain()
        if search:
            domain += [
                "|", "|",
                ("name", "ilike", search),
                ("number", "ilike", search),
                ("description", "ilike", search),
            ]  # fmt: skip
        if category:
            domain.append(("category", "=", category))
        if year and year.isdigit():
            domain.append(("year", "=", int(year)))
        total = Document.search_count(domain)
        pager = portal_pager(
            url="/cic/documents",
            url_args={"search": search, "category": category, "year": year},
            total=total,
            page=page,
            step=DOCUMENTS_PER_PAGE,
        )
        documents = Document.search(
            domain, limit=DOCUMENTS_PER_PAGE, offset=pager["offset"]
        )
        return request.render(
            "cic_portal.cic_documents_page",
            {
                "documents": documents,
                "pager": pager,
                "search": search,
                "category": category,
                "year": year,
                "categories": Document._fields["category"]._description_selection(
                    request.env
                ),
            },
        )

    @http.route(
        "/cic/documents/<int:document_id>/download",
        type="http",
        auth="public",
        website=True,
        readonly=True,
    )
    def cic_document_download(self, document_id, **kw):
        # No sudo: the record rule only lets visitors read published documents.
        document = request.env["cic.public.document"].search(
            [("id", "=", document_id)] + commune_domain()
        )
        if not document or not document.has_access("read") or not document.file:
            raise request.not_found()
        return (
            request.env["ir.binary"]
            ._get_stream_from(
                document, "file", filename=document.file_name or document.name
            )
            .get_response(as_attachment=True)
        )

    @http.route(
        ["/cic/info", "/cic/info/<string:slug>"],
        type="http",
        auth="public",
        website=True,
        readonly=True,
    )
    def cic_info(self, slug=None, **kw):
        pages = request.env["cic.public.info.page"].search(
            [("is_published", "=", True)] + commune_domain()
        )
        page = pages.filtered(lambda p: p.slug == slug)[:1] if slug else pages[:1]
        if slug and not page:
            raise request.not_found()
        return request.render(
            "cic_portal.cic_info_page", {"pages": pages, "page": page}
        )
