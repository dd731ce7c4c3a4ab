# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Published answers to public-information requests (issue 17 point 8):
``/cic/answers`` (search by words) and ``/cic/answers/<slug>``, read as the
visitor himself. His record rule shows published answers only, and every search
names the published condition too: an unpublished answer is 404 whatever the id."""

from werkzeug.exceptions import NotFound

from odoo import http
from odoo.http import request

from odoo.addons.portal.controllers.portal import pager as portal_pager

from .utils import commune_domain

ANSWERS_PER_PAGE = 20


def _published():
    """Published, of the website's commune or shared by every commune."""
    return [("is_published", "=", True)] + commune_domain()


class CicPublishedAnswerController(http.Controller):
    def _answer_domain(self, search=""):
        domain = _published()
        for word in (search or "").split()[:10]:
            domain += ["|", ("name", "ilike", word), ("answer", "ilike", word)]
        return domain

    @http.route(
        ["/cic/answers", "/cic/answers/page/<int:page>"],
        type="http",
        auth="public",
        website=True,
        readonly=True,
        sitemap=True,
    )
    def cic_answers(self, page=1, search="", **kw):
        Answer = request.env["cic.published.answer"]
        search = (search or "")[:200]
        domain = self._answer_domain(search)
        pager = portal_pager(
            url="/cic/answers",
            url_args={"search": search},
            total=Answer.search_count(domain),
            page=page,
            step=ANSWERS_PER_PAGE,
        )
        answers = Answer.search(domain, limit=ANSWERS_PER_PAGE, offset=pager["offset"])
        return request.render(
            "cic_portal.cic_answers_page",
            {
                "answers": answers,
                "search": search,
                "pager": pager,
                "slug": request.env["ir.http"]._slug,
            },
        )

    @http.route(
        "/cic/answers/<string:slug>",
        type="http",
        auth="public",
        website=True,
        readonly=True,
        sitemap=False,
    )
    def cic_answer(self, slug, **kw):
        answer_id = request.env["ir.http"]._unslug(slug)[1]
        if not answer_id:
            raise NotFound()
        answer = request.env["cic.published.answer"].search(
            _published() + [("id", "=", answer_id)], limit=1
        )
        if not answer:
            raise NotFound()
        return request.render("cic_portal.cic_answer_page", {"answer": answer})
