# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class CicPublicInfoPage(models.Model):
    """Ex officio public information page (Law 544/2001 art. 5(1) a-i),
    edited in the backend and shown under /cic/info."""

    _name = "cic.public.info.page"
    _description = "CIC Ex Officio Information Page"
    _order = "sequence, id"

    name = fields.Char(string="Title", required=True, translate=True)
    slug = fields.Char(compute="_compute_slug", store=True, readonly=False)
    sequence = fields.Integer(default=10)
    legal_item = fields.Selection(
        [
            ("a", "art. 5(1) a) - Legal framework"),
            ("b", "art. 5(1) b) - Structure, duties, programme, audiences"),
            ("c", "art. 5(1) c) - Management and public-information officer"),
            ("d", "art. 5(1) d) - Contacts"),
            ("e", "art. 5(1) e) - Financial sources, budget and balance"),
            ("f", "art. 5(1) f) - Programmes and strategies"),
            ("g", "art. 5(1) g) - Documents of public interest"),
            ("h", "art. 5(1) h) - Documents managed by law"),
            ("i", "art. 5(1) i) - Means of complaint"),
        ],
        string="Legal item",
    )
    content = fields.Html(translate=True, sanitize=True)
    is_published = fields.Boolean(string="Published", default=True)
    last_update = fields.Datetime(compute="_compute_last_update", string="Last updated")
    company_id = fields.Many2one(
        "res.company", default=lambda self: self.env.company, required=True
    )

    _sql_constraints = [
        ("slug_uniq", "unique(slug, company_id)", "The page address must be unique."),
    ]

    @api.depends("name")
    def _compute_slug(self):
        for page in self:
            if not page.slug and page.name:
                page.slug = self.env["ir.http"]._slugify(page.name)

    def _compute_last_update(self):
        for page in self:
            page.last_update = page.write_date
