# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What of the decisional transparency (Law 52/2003) visitors and citizens read.

Drafts, meeting notices and answered recommendations are public: visitors and
portal users have read access rights on them, limited by the record rules of
``security/cic_transparency_security.xml`` to ``website_visible`` rows. Each model
states its publication condition once, in ``_cic_website_domain``; the rules, the
public pages and the attachment guard (``ir_attachment_transparency.py``) use it
through the searchable ``website_visible`` field. Fields that are not published
(authors, registry entries, unpublished minutes) carry ``groups``."""

from odoo import api, fields, models
from odoo.osv import expression


class CicTransparencyPublicationMixin(models.AbstractModel):
    _name = "cic.transparency.publication.mixin"
    _description = "Decisional transparency: published on the website"

    website_visible = fields.Boolean(
        string="Visible on the website",
        compute="_compute_website_visible",
        search="_search_website_visible",
        help="Visitors and citizens read this record on the website.",
    )

    @api.model
    def _cic_website_domain(self):
        """The publication condition of the model (a domain)."""
        raise NotImplementedError

    def _compute_website_visible(self):
        records = self.filtered("id")
        visible = (
            records.sudo()
            .with_context(active_test=False)
            .search([("id", "in", records.ids), *self._cic_website_domain()])
            if records
            else records
        )
        for record in self:
            record.website_visible = record.id in visible.ids

    def _search_website_visible(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError(operator)
        domain = expression.normalize_domain(self._cic_website_domain())
        if (operator == "=") == value:
            return domain
        return ["!", *domain]
