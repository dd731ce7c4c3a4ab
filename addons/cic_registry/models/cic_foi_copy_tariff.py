# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Copy fees for public information (Law 544/2001 art. 9(1), norms art. 18, R-544-4).

Access is free; only copies are paid, at `pages x price per page`.
"""

from odoo import api, fields, models


class CicFoiCopyTariff(models.Model):
    _name = "cic.foi.copy.tariff"
    _description = "Copy tariff for public information"
    _order = "paper_format, colour"

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    paper_format = fields.Selection(
        selection=[("a4", "A4"), ("a3", "A3")], required=True, default="a4"
    )
    colour = fields.Selection(
        selection=[("bw", "Black and white"), ("colour", "Colour")],
        required=True,
        default="bw",
    )
    price_per_page = fields.Monetary(currency_field="currency_id", required=True)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "format_colour_unique",
            "unique(company_id, paper_format, colour)",
            "There is already a tariff for this format and colour.",
        ),
    ]

    @api.depends("paper_format", "colour")
    def _compute_name(self):
        formats = dict(self._fields["paper_format"]._description_selection(self.env))
        colours = dict(self._fields["colour"]._description_selection(self.env))
        for tariff in self:
            paper = formats.get(tariff.paper_format, "")
            tariff.name = f"{paper} {colours.get(tariff.colour, '')}"

    def compute_fee(self, pages):
        """Fee for `pages` copies at this tariff."""
        self.ensure_one()
        return self.currency_id.round(max(pages, 0) * self.price_per_page)
