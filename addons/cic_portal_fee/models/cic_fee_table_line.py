# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CicFeeTableLine(models.Model):
    """One fee of a service in a yearly table.

    A line without a surface band is the flat fee of the service. For services
    charged by surface (certificat de urbanism, Codul fiscal art. 474) each line
    is a band: it applies when ``surface_from < surface <= surface_to``
    (``surface_to`` 0 = no upper limit) and costs ``amount`` plus
    ``amount_per_m2`` for every m² above ``surface_from``.
    """

    _name = "cic.fee.table.line"
    _description = "CIC local fee table line"
    _order = "table_id, service_id, fee_type, surface_from, id"

    table_id = fields.Many2one(
        "cic.fee.table",
        string="Fee table",
        required=True,
        ondelete="cascade",
        index=True,
    )
    company_id = fields.Many2one(related="table_id.company_id", store=True)
    year = fields.Integer(related="table_id.year", store=True)
    currency_id = fields.Many2one(related="table_id.currency_id")
    # restrict: the tables of past years document what was charged.
    service_id = fields.Many2one(
        "cic.service", required=True, ondelete="restrict", index=True
    )
    fee_type = fields.Selection(
        [("fee", "Fee"), ("urgency", "Urgency fee (taxa de urgență)")],
        string="Fee type",
        required=True,
        default="fee",
    )
    surface_from = fields.Float(
        string="Above (m²)",
        digits=(16, 2),
        help="The band applies to surfaces strictly greater than this value.",
    )
    surface_to = fields.Float(
        string="Up to (m²)",
        digits=(16, 2),
        help="The band applies to surfaces up to and including this value; "
        "0 means no upper limit.",
    )
    amount = fields.Monetary(required=True)
    amount_per_m2 = fields.Monetary(
        string="Plus per m² above the band start",
        help="For example 0.01 lei for each m² over 1,000 m² (art. 474).",
    )

    _sql_constraints = [
        (
            "amounts_positive",
            "CHECK(amount >= 0 AND COALESCE(amount_per_m2, 0) >= 0)",
            "Fee amounts cannot be negative.",
        ),
        (
            "surface_positive",
            "CHECK(COALESCE(surface_from, 0) >= 0 AND COALESCE(surface_to, 0) >= 0)",
            "Surfaces cannot be negative.",
        ),
    ]

    def _upper(self):
        """Upper limit of the band (infinite when `surface_to` is 0)."""
        self.ensure_one()
        return self.surface_to or float("inf")

    def _matches(self, surface):
        self.ensure_one()
        return self.surface_from < surface <= self._upper()

    def _compute_fee(self, surface=0.0):
        """Amount due for `surface` (m²) on this line."""
        self.ensure_one()
        extra = max(surface - self.surface_from, 0.0) if self.amount_per_m2 else 0.0
        return self.currency_id.round(self.amount + extra * self.amount_per_m2)

    @api.constrains("surface_from", "surface_to", "service_id", "fee_type", "table_id")
    def _check_bands(self):
        for line in self:
            if line.surface_to and line.surface_to <= line.surface_from:
                raise ValidationError(
                    self.env._(
                        "The band of %(service)s must end after it starts "
                        "(%(start)s m²).",
                        service=line.service_id.name,
                        start=line.surface_from,
                    )
                )
            siblings = line.table_id.line_ids.filtered(
                lambda other, line=line: other != line
                and other.service_id == line.service_id
                and other.fee_type == line.fee_type
            )
            for other in siblings:
                if (
                    line.surface_from < other._upper()
                    and other.surface_from < line._upper()
                ):
                    raise ValidationError(
                        self.env._(
                            "The fee bands of %(service)s in %(table)s overlap.",
                            service=line.service_id.name,
                            table=line.table_id.name,
                        )
                    )
