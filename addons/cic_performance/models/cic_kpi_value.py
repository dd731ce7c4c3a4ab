# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from .cic_kpi_service import PERIOD_TYPES


class CicKpiValue(models.Model):
    _name = "cic.kpi.value"
    _description = "CIC indicator value per period"
    _order = "period_start desc, indicator_id"
    _rec_name = "indicator_id"

    indicator_id = fields.Many2one(
        "cic.kpi.indicator", required=True, ondelete="cascade", index=True
    )
    kind = fields.Selection(related="indicator_id.kind")
    unit = fields.Char(related="indicator_id.unit")
    period_type = fields.Selection(PERIOD_TYPES, required=True, default="month")
    period_start = fields.Date(required=True)
    period_end = fields.Date(compute="_compute_period_end", store=True)
    value = fields.Float(aggregator="sum")
    target = fields.Float(aggregator="avg")
    target_reached = fields.Boolean(compute="_compute_target_reached", store=True)
    note = fields.Text()
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        (
            "indicator_period_unique",
            "UNIQUE (indicator_id, period_type, period_start, company_id)",
            "The indicator already has a value for this period.",
        )
    ]

    @api.depends("period_type", "period_start")
    def _compute_period_end(self):
        service = self.env["cic.kpi.service"]
        for value in self:
            value.period_end = (
                service.period_bounds(value.period_type, value.period_start)[1]
                if value.period_start
                else False
            )

    @api.depends("value", "target", "indicator_id.higher_is_better")
    def _compute_target_reached(self):
        for value in self:
            if value.indicator_id.higher_is_better:
                value.target_reached = value.value >= value.target
            else:
                value.target_reached = value.value <= value.target

    @api.onchange("indicator_id")
    def _onchange_indicator_id(self):
        if self.indicator_id and not self.target:
            self.target = self.indicator_id.target

    @api.model_create_multi
    def create(self, vals_list):
        service = self.env["cic.kpi.service"]
        for vals in vals_list:
            if vals.get("period_start") and vals.get("period_type"):
                vals["period_start"] = service.period_bounds(
                    vals["period_type"], vals["period_start"]
                )[0]
        return super().create(vals_list)
