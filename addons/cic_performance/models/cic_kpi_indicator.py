# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The CIC's own performance indicators (CIC operating manual).

An indicator is either computed from the suite's data by one of the
``_cic_compute_<source>`` methods (the ``compute_source`` selection), or, where no data
source exists, a value typed in per period and labelled so ("valoare introdusă
manual"). Values are stored per period in ``cic.kpi.value`` so the trend chart reads
a table. Addons that own a data source add it through ``_selection_compute_source``
and a ``_cic_compute_<source>`` method (cic_portal: the catalogue's services and
forms, the public pages' updates).
"""

from odoo import api, fields, models
from odoo.exceptions import UserError

from .cic_kpi_service import METRICS, PERIOD_TYPES


class CicKpiIndicator(models.Model):
    _name = "cic.kpi.indicator"
    _description = "CIC performance indicator"
    _order = "sequence, id"

    sequence = fields.Integer(default=10)
    code = fields.Char(required=True)
    name = fields.Char(required=True, translate=True)
    description = fields.Text(translate=True)
    kind = fields.Selection(
        selection=[
            ("computed", "Computed from data"),
            ("manual", "Typed value (no data source)"),
        ],
        required=True,
        default="manual",
    )
    compute_source = fields.Selection(
        selection="_selection_compute_source",
        help="What a computed indicator counts.",
    )
    unit = fields.Char(translate=True)
    target = fields.Float()
    higher_is_better = fields.Boolean(default=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)
    value_ids = fields.One2many("cic.kpi.value", "indicator_id", string="Values")

    _sql_constraints = [
        ("code_company_unique", "UNIQUE (code, company_id)", "The code must be unique.")
    ]

    @api.model
    def _selection_compute_source(self):
        sources = [
            ("services_offered", self.env._("Services (procedures) offered")),
            ("participation_methods", self.env._("Citizen-participation methods used")),
            (
                "participation_activities",
                self.env._("Citizen-participation activities"),
            ),
            ("participation_attendance", self.env._("Participants in activities")),
            ("reports_issued", self.env._("Reports issued to the community")),
            (
                "founded_complaints",
                self.env._("Founded complaints against the CIC (petitions)"),
            ),
        ]
        labels = self.env["cic.kpi.service"].metric_labels()
        sources += [(f"kpi_{code}", labels[code]) for code, _l, _k in METRICS]
        # computed from the training participations (cic_kpi_indicator_training.py)
        sources.append(
            ("training_hours", self.env._("Training hours per CIC employee"))
        )
        # computed from the front-desk log (cic_kpi_indicator_frontdesk.py)
        sources += [
            ("frontdesk_contacts", self.env._("Front-desk contacts (counselling)")),
            (
                "frontdesk_waiting_avg",
                self.env._("Average waiting time at the counter (minutes)"),
            ),
        ]
        return sources

    @api.constrains("kind", "compute_source")
    def _check_compute_source(self):
        for indicator in self:
            if indicator.kind == "computed" and not indicator.compute_source:
                raise UserError(
                    self.env._(
                        "The computed indicator %(name)s needs a computation source.",
                        name=indicator.name,
                    )
                )

    # ------------------------------------------------------------------
    # Computation
    # ------------------------------------------------------------------
    def _cic_compute_value(self, date_from, date_to, company):
        """Value of a computed indicator over a period (inclusive dates)."""
        self.ensure_one()
        source = self.compute_source
        if source.startswith("kpi_"):
            figures = self.env["cic.kpi.service"]._cic_figures(
                date_from, date_to, company_ids=[company.id]
            )
            return figures.get(source[4:]) or 0.0
        return getattr(self, f"_cic_compute_{source}")(date_from, date_to, company)

    def _cic_compute_services_offered(self, date_from, date_to, company):
        """The procedures offered; cic_portal counts its published catalogue."""
        procedure = self.env.get("cic.procedure")
        if procedure is None:
            return 0.0
        domain = [("active", "=", True)] if "active" in procedure._fields else []
        if "company_id" in procedure._fields:
            domain.append(("company_id", "in", [company.id, False]))
        return float(procedure.search_count(domain))

    def _cic_activities(self, date_from, date_to, company):
        return self.env["cic.participation.activity"]._read_group(
            [
                ("date", ">=", date_from),
                ("date", "<=", date_to),
                ("company_id", "=", company.id),
            ],
            aggregates=["__count", "attendance:sum", "activity_type:count_distinct"],
        )[0]

    def _cic_compute_participation_methods(self, date_from, date_to, company):
        return float(self._cic_activities(date_from, date_to, company)[2])

    def _cic_compute_participation_activities(self, date_from, date_to, company):
        return float(self._cic_activities(date_from, date_to, company)[0])

    def _cic_compute_participation_attendance(self, date_from, date_to, company):
        return float(self._cic_activities(date_from, date_to, company)[1] or 0)

    def _cic_compute_reports_issued(self, date_from, date_to, company):
        return float(
            self.env["cic.annual.report"].search_count(
                [
                    ("state", "=", "published"),
                    ("date_published", ">=", date_from),
                    ("date_published", "<=", date_to),
                    ("company_id", "=", company.id),
                ]
            )
        )

    def _cic_compute_founded_complaints(self, date_from, date_to, company):
        """Complaints (petitions of type complaint) about the CIC's department,
        answered in the period and found founded, wholly or in part."""
        team = company.cic_kpi_team_id
        if not team:
            return 0.0
        return float(
            self.env["helpdesk.ticket"].search_count(
                [
                    ("cic_petition_type", "=", "complaint"),
                    ("cic_complaint_about_team_id", "=", team.id),
                    ("cic_complaint_founded", "in", ("founded", "partly")),
                    ("cic_dispatch_date", ">=", date_from),
                    ("cic_dispatch_date", "<=", date_to),
                    ("company_id", "=", company.id),
                ]
            )
        )

    @api.model
    def _cic_compute_period(self, period_type, day, company=None):
        """Store the values of every computed indicator for one period."""
        company = company or self.env.company
        start, end = self.env["cic.kpi.service"].period_bounds(period_type, day)
        Value = self.env["cic.kpi.value"]
        values = Value.browse()
        indicators = self.search(
            [("kind", "=", "computed"), ("company_id", "in", [company.id, False])]
        )
        for indicator in indicators:
            amount = indicator._cic_compute_value(start, end, company)
            value = Value.search(
                [
                    ("indicator_id", "=", indicator.id),
                    ("period_type", "=", period_type),
                    ("period_start", "=", start),
                    ("company_id", "=", company.id),
                ],
                limit=1,
            )
            vals = {"value": amount, "target": indicator.target}
            if value:
                value.write(vals)
            else:
                value = Value.create(
                    dict(
                        vals,
                        indicator_id=indicator.id,
                        period_type=period_type,
                        period_start=start,
                        company_id=company.id,
                    )
                )
            values |= value
        return values

    @api.model
    def _cron_compute(self):
        today = self.env["cic.calendar"].today()
        for company in self.env["res.company"].search([]):
            for period_type, _label in PERIOD_TYPES:
                self._cic_compute_period(period_type, today, company)

    def action_compute_current(self):
        for period_type, _label in PERIOD_TYPES:
            self._cic_compute_period(period_type, self.env["cic.calendar"].today())
        return self.action_open_values()

    def action_open_values(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "cic_performance.cic_kpi_value_action"
        )
        if len(self) == 1:
            action["domain"] = [("indicator_id", "=", self.id)]
        return action
