# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Pre-computed KPIs per period and department, refreshed by a scheduled action.

Dashboards read this table instead of aggregating the registry on every opening. A
row with no department holds the institution's totals.
"""

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from .cic_kpi_service import METRICS, PERIOD_TYPES


class CicKpiSnapshot(models.Model):
    _name = "cic.kpi.snapshot"
    _description = "CIC KPI snapshot"
    _order = "period_start desc, period_type, team_id"
    _rec_name = "period_start"

    period_type = fields.Selection(PERIOD_TYPES, required=True, index=True)
    period_start = fields.Date(required=True, index=True)
    period_end = fields.Date(required=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    team_id = fields.Many2one(
        "helpdesk.ticket.team",
        string="Department",
        help="Empty on the institution's totals.",
    )
    computed_at = fields.Datetime(readonly=True)
    entries = fields.Integer(string="Entries registered")
    phone_line = fields.Integer(
        string="Citizen's phone line",
        help="Entries received on the citizen's phone line (R-KPI-3).",
    )
    answered = fields.Integer(string="Entries answered")
    in_term_pct = fields.Float(string="% in legal term", aggregator="avg")
    in_target_pct = fields.Float(string="% within internal target", aggregator="avg")
    median_days = fields.Float(string="Median days to answer", aggregator="avg")
    p90_days = fields.Float(string="P90 days to answer", aggregator="avg")
    extended = fields.Integer(string="Extensions")
    forwarded = fields.Integer(string="Forwarded")
    classed = fields.Integer(string="Classed")
    joined = fields.Integer(string="Joined")
    refused_544 = fields.Integer(string="544 refusals")
    refused_partial = fields.Integer(string="Partial refusals")
    complaints_544 = fields.Integer(string="544 complaints")
    audiences_held = fields.Integer(string="Audiences held")
    audiences_solved_pct = fields.Float(string="% solved in audience", aggregator="avg")
    backlog = fields.Integer(string="Backlog", aggregator="max")
    overdue = fields.Integer(string="Overdue", aggregator="max")
    satisfaction_avg = fields.Float(string="Satisfaction average", aggregator="avg")
    satisfaction_response_pct = fields.Float(
        string="Survey response rate (%)", aggregator="avg"
    )

    _sql_constraints = [
        (
            "period_team_unique",
            "UNIQUE NULLS NOT DISTINCT "
            "(company_id, period_type, period_start, team_id)",
            "A snapshot already exists for this period and department.",
        ),
    ]

    @api.model
    def _cic_refresh_period(self, period_type, day, company):
        """Compute totals and per-department rows of one period for one company."""
        service = self.env["cic.kpi.service"]
        start, end = service.period_bounds(period_type, day)
        teams = self.env["helpdesk.ticket.team"].search(
            [("company_id", "in", [company.id, False])]
        )
        self.search(
            [
                ("company_id", "=", company.id),
                ("period_type", "=", period_type),
                ("period_start", "=", start),
            ]
        ).unlink()
        now = fields.Datetime.now()
        vals_list = []
        for team in [self.env["helpdesk.ticket.team"], *teams]:
            filters = {"company_ids": [company.id]}
            if team:
                filters["team_ids"] = [team.id]
            figures = service._cic_figures(start, end, **filters)
            vals = {code: figures.get(code) or 0 for code, _l, _k in METRICS}
            vals.update(
                period_type=period_type,
                period_start=start,
                period_end=end,
                company_id=company.id,
                team_id=team.id,
                computed_at=now,
            )
            vals_list.append(vals)
        return self.create(vals_list)

    @api.model
    def _cron_refresh(self, months_back=1):
        """Refresh the current and previous month, semester and year."""
        today = self.env["cic.calendar"].today()
        days = {today, today - relativedelta(months=months_back)}
        snapshots = self.browse()
        for company in self.env["res.company"].search([]):
            for period_type, _label in PERIOD_TYPES:
                starts = set()
                for day in sorted(days):
                    start = self.env["cic.kpi.service"].period_bounds(period_type, day)[
                        0
                    ]
                    if start in starts:
                        continue
                    starts.add(start)
                    snapshots |= self._cic_refresh_period(period_type, day, company)
        return snapshots

    def action_refresh(self):
        for period_type, start, company in {
            (s.period_type, s.period_start, s.company_id) for s in self
        }:
            self._cic_refresh_period(period_type, start, company)
