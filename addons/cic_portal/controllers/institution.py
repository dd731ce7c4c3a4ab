# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Public directory of institutions (issue 17 point 2): the published entries of
``cic.institution``, searched as the visitor himself. His record rule shows the
published ones only, and every search names the published condition too, so an
unpublished entry is not found whatever the id in the address: 404."""

from werkzeug.exceptions import NotFound

from odoo import http
from odoo.http import request

from odoo.addons.portal.controllers.portal import pager as portal_pager

from .utils import commune_domain

INSTITUTIONS_PER_PAGE = 30


def _published():
    """Published, of the website's commune or shared by every commune."""
    return [("website_published", "=", True)] + commune_domain()


class CicInstitutionController(http.Controller):
    def _institution_domain(self, search="", kind=""):
        domain = _published()
        if search:
            domain += [
                "|", "|",
                ("name", "ilike", search),
                ("competences", "ilike", search),
                ("locality", "ilike", search),
            ]  # fmt: skip
        if kind:
            domain.append(("kind", "=", kind))
        return domain

    @http.route(
        ["/cic/institutions", "/cic/institutions/page/<int:page>"],
        type="http",
        auth="public",
        website=True,
        readonly=True,
        sitemap=True,
    )
    def cic_institutions(self, page=1, search="", kind="", **kw):
        Institution = request.env["cic.institution"]
        kinds = Institution._fields["kind"]._description_selection(request.env)
        if kind not in dict(kinds):
            kind = ""
        domain = self._institution_domain(search, kind)
        pager = portal_pager(
            url="/cic/institutions",
            url_args={"search": search, "kind": kind},
            total=Institution.search_count(domain),
            page=page,
            step=INSTITUTIONS_PER_PAGE,
        )
        institutions = Institution.search(
            domain, limit=INSTITUTIONS_PER_PAGE, offset=pager["offset"]
        )
        return request.render(
            "cic_portal.cic_institutions_page",
            {
                "institutions": institutions,
                "kinds": kinds,
                "kind": kind,
                "search": search,
                "pager": pager,
                "slug": request.env["ir.http"]._slug,
            },
        )

    @http.route(
        "/cic/institutions/<string:slug>",
        type="http",
        auth="public",
        website=True,
        readonly=True,
        sitemap=False,
    )
    def cic_institution(self, slug, **kw):
        institution_id = request.env["ir.http"]._unslug(slug)[1]
        if not institution_id:
            raise NotFound()
        institution = request.env["cic.institution"].search(
            _published() + [("id", "=", institution_id)], limit=1
        )
        if not institution:
            raise NotFound()
        return request.render(
            "cic_portal.cic_institution_page", {"institution": institution}
        )
