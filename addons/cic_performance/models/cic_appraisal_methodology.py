# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Versioned appraisal methodology per year range and staff category (R-HR-1, R-HR-3).

A methodology holds the criteria with their weights and the score-to-rating grid.
The law behind each version is recorded in ``legal_basis``; the figures the spec
marks UNVERIFIED (grid for civil servants, contestation terms) are data, not code.
"""

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare, float_round

STAFF_CATEGORIES = [
    ("high_civil_servant", "High civil servant"),
    ("management", "Management civil servant"),
    ("execution", "Execution civil servant"),
    ("contract", "Contract staff"),
]

RATINGS = [
    ("unsatisfactory", "Unsatisfactory"),
    ("satisfactory", "Satisfactory"),
    ("good", "Good"),
    ("very_good", "Very good"),
]

#: Default grid (R-HR-3): (min, max, rating).
DEFAULT_GRID = [
    (1.00, 2.00, "unsatisfactory"),
    (2.01, 3.50, "satisfactory"),
    (3.51, 4.50, "good"),
    (4.51, 5.00, "very_good"),
]


class CicAppraisalMethodology(models.Model):
    _name = "cic.appraisal.methodology"
    _description = "Appraisal methodology version"
    _order = "year_from desc, staff_category, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(help="Short code, e.g. CA-ANEXA6-2019 or OUG7-2026.")
    legal_basis = fields.Text(translate=True)
    staff_category = fields.Selection(STAFF_CATEGORIES, required=True)
    year_from = fields.Integer(string="Applies from year", required=True)
    year_to = fields.Integer(string="Applies until year", help="Empty: still in force.")
    criterion_ids = fields.One2many(
        "cic.appraisal.criterion", "methodology_id", string="Criteria", copy=True
    )
    band_ids = fields.One2many(
        "cic.appraisal.rating.band", "methodology_id", string="Rating grid", copy=True
    )
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not vals.get("band_ids"):
                vals["band_ids"] = [
                    fields.Command.create(
                        {"min_score": low, "max_score": high, "rating": rating}
                    )
                    for low, high, rating in DEFAULT_GRID
                ]
        return super().create(vals_list)

    @api.constrains("year_from", "year_to", "staff_category", "company_id", "active")
    def _check_no_overlap(self):
        for method in self.filtered("active"):
            if method.year_to and method.year_to < method.year_from:
                raise ValidationError(
                    self.env._("The last year cannot precede the first year.")
                )
            others = self.search(
                [
                    ("id", "!=", method.id),
                    ("staff_category", "=", method.staff_category),
                    ("company_id", "=", method.company_id.id),
                ]
            )
            for other in others:
                if method._cic_overlaps(other):
                    raise ValidationError(
                        self.env._(
                            "%(a)s and %(b)s apply to the same staff category in "
                            "overlapping years.",
                            a=method.name,
                            b=other.name,
                        )
                    )

    def _cic_overlaps(self, other):
        far = 9999
        return self.year_from <= (other.year_to or far) and other.year_from <= (
            self.year_to or far
        )

    @api.constrains("band_ids")
    def _check_bands(self):
        for method in self:
            bands = method.band_ids.sorted("min_score")
            for previous, band in zip(bands, bands[1:], strict=False):
                if float_compare(band.min_score, previous.max_score, 2) <= 0:
                    raise ValidationError(
                        self.env._(
                            "The rating grid of %(name)s has overlapping bands.",
                            name=method.name,
                        )
                    )

    @api.model
    def _cic_find(self, year, staff_category, company=None):
        """The methodology in force for a year and staff category (or empty)."""
        company = company or self.env.company
        return self.search(
            [
                ("staff_category", "=", staff_category),
                ("year_from", "<=", year),
                "|",
                ("year_to", "=", False),
                ("year_to", ">=", year),
                ("company_id", "in", [company.id, False]),
            ],
            limit=1,
        )

    def _cic_score(self, marks):
        """Weighted average of ``{criterion: mark}``, rounded to 2 decimals."""
        self.ensure_one()
        total_weight = sum(criterion.weight for criterion in marks)
        if not total_weight:
            raise ValidationError(
                self.env._("The criteria of %(name)s have no weight.", name=self.name)
            )
        total = sum(criterion.weight * mark for criterion, mark in marks.items())
        return float_round(total / total_weight, precision_digits=2)

    def _cic_rating(self, score):
        """Rating of a score; a score outside the grid is an error."""
        self.ensure_one()
        for band in self.band_ids:
            if (
                float_compare(score, band.min_score, 2) >= 0
                and float_compare(score, band.max_score, 2) <= 0
            ):
                return band.rating
        raise ValidationError(
            self.env._(
                "The score %(score).2f is outside the rating grid of %(name)s.",
                score=score,
                name=self.name,
            )
        )

    def _cic_mark_bounds(self):
        self.ensure_one()
        if not self.band_ids:
            return 1.0, 5.0
        return min(self.band_ids.mapped("min_score")), max(
            self.band_ids.mapped("max_score")
        )
