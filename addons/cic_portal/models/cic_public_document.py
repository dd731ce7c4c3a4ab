# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from odoo.addons.cic_registry.models.cic_calendar import institution_today


class CicPublicDocument(models.Model):
    """Public document of the library (Law 544/2001 art. 5): local council
    decisions, mayor's orders, regulations, guides, forms and reports."""

    _name = "cic.public.document"
    _description = "CIC Public Document"
    _order = "date desc, id desc"
    _rec_names_search = ["name", "number"]

    name = fields.Char(string="Title", required=True, translate=True)
    category = fields.Selection(
        [
            ("hcl", "Local council decision (HCL)"),
            ("dispozitie", "Mayor's order"),
            ("regulation", "Regulation"),
            ("guide", "Guide"),
            ("form", "Form"),
            ("report", "Report"),
            ("budget", "Budget"),
            ("other", "Other"),
        ],
        required=True,
        default="other",
        index=True,
    )
    number = fields.Char(index=True)
    date = fields.Date(required=True, default=institution_today, index=True)
    year = fields.Integer(compute="_compute_year", store=True, index=True)
    description = fields.Text(translate=True)
    file = fields.Binary(attachment=True)
    file_name = fields.Char()
    is_published = fields.Boolean(string="Published", default=True, index=True)
    company_id = fields.Many2one(
        "res.company", default=lambda self: self.env.company, required=True
    )

    @api.depends("date")
    def _compute_year(self):
        for document in self:
            document.year = document.date.year if document.date else 0

    @api.depends("name", "number", "category")
    def _compute_display_name(self):
        labels = dict(self._fields["category"]._description_selection(self.env))
        for document in self:
            if document.number:
                document.display_name = (
                    f"{labels.get(document.category, '')} {document.number} "
                    f"- {document.name}"
                )
            else:
                document.display_name = document.name
