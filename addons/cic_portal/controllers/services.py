# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The service catalogue: /cic/services, a service's page and its forms to
download. Read as the visitor: the record rules show the published services."""

from odoo import http
from odoo.http import request

from .cic_portal import CicPortalController
from .utils import attachment_download, commune_domain


class CicServiceController(CicPortalController):
    @http.route(
        "/cic/services", type="http", auth="public", website=True, readonly=True
    )
    def cic_services(self, search="", **kw):
        domain = [("is_published", "=", True)] + commune_domain()
        if search:
            domain += ["|", ("name", "ilike", search), ("summary", "ilike", search)]
        services = request.env["cic.service"].search(domain)
        return request.render(
            "cic_portal.cic_services_page",
            {
                "categories": services.category_id.sorted(),
                "services": services,
                "search": search,
            },
        )

    @http.route(
        "/cic/services/<string:slug>",
        type="http",
        auth="public",
        website=True,
        readonly=True,
    )
    def cic_service(self, slug, **kw):
        return request.render(
            "cic_portal.cic_service_page", {"service": self._get_service(slug)}
        )

    @http.route(
        "/cic/services/<string:slug>/form/<int:attachment_id>",
        type="http",
        auth="public",
        website=True,
        readonly=True,
    )
    def cic_service_form_download(self, slug, attachment_id, **kw):
        service = self._get_service(slug)
        # Only among the forms of a service the visitor can read.
        attachment = service.sudo().form_attachment_ids.filtered(
            lambda a: a.id == attachment_id
        )
        return attachment_download(attachment)
