# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The website's accessibility statement (OUG 112/2018 art. 7)."""

from odoo import http
from odoo.http import request


class CicAccessibilityController(http.Controller):
    @http.route(
        "/cic/accessibility",
        type="http",
        auth="public",
        website=True,
        readonly=True,
        sitemap=True,
    )
    def cic_accessibility(self, **kw):
        company = request.website.company_id or request.env.company
        # Narrow sudo: the institution's published accessibility statement (its
        # company fields), shown to visitors who have no read right on them.
        return request.render(
            "cic_portal.cic_accessibility_page", {"company": company.sudo()}
        )
