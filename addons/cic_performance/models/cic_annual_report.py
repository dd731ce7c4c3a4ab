# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Annual report on the town's economic and social state (CIC additional service).

The report is assembled from the year's operational KPIs, the CIC indicator values
and the participation activities, plus text sections edited by the CIC.
"""

from datetime import date

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.translate import LazyTranslate

from odoo.addons.cic_registry.models.cic_calendar import institution_today

from .cic_kpi_service import METRICS

_lt = LazyTranslate(__name__)

DEFAULT_SECTIONS = [
    (_lt("Economic state of the town"), "economy"),
    (_lt("Social state of the town"), "social"),
    (_lt("Public services and the Citizen Information Centre"), "services"),
    (_lt("Citizen participation"), "participation"),
    (_lt("Priorities for next year"), "priorities"),
]


class CicAnnualReport(models.Model):
    _name = "cic.annual.report"
    _description = "Annual report on the town's economic and social state"
    _inherit = ["mail.thread"]
    _order = "year desc"

    name = fields.Char(compute="_compute_name", store=True, readonly=False)
    year = fields.Integer(
        required=True, default=lambda self: institution_today(self).year - 1
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    state = fields.Selection(
        selection=[("draft", "Draft"), ("published", "Published")],
        default="draft",
        required=True,
        tracking=True,
    )
    date_published = fields.Date(readonly=True, tracking=True)
    introduction = fields.Html()
    section_ids = fields.One2many(
        "cic.annual.report.section", "report_id", string="Sections", copy=True
    )

    _sql_constraints = [
        ("year_company_unique", "UNIQUE (year, company_id)", "One report per year.")
    ]

    @api.depends("year", "company_id")
    def _compute_name(self):
        for report in self:
            report.name = self.env._(
                "Annual report %(year)s - %(company)s",
                year=report.year,
                company=report.company_id.name or "",
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not vals.get("section_ids"):
                vals["section_ids"] = [
                    fields.Command.create(
                        {
                            "title": title._translate(self.env.lang or "en_US"),
                            "code": code,
                            "sequence": i,
                        }
                    )
                    for i, (title, code) in enumerate(DEFAULT_SECTIONS)
                ]
        return super().create(vals_list)

    def action_publish(self):
        for report in self:
            if not report.section_ids.filtered("body"):
                raise UserError(
                    self.env._("Write at least one section before publishing.")
                )
        self.write(
            {"state": "published", "date_published": self.env["cic.calendar"].today()}
        )

    def action_draft(self):
        self.write({"state": "draft", "date_published": False})

    # ------------------------------------------------------------------
    # Data for the printed report
    # ------------------------------------------------------------------
    def _cic_period(self):
        self.ensure_one()
        return date(self.year, 1, 1), date(self.year, 12, 31)

    def _cic_kpi_lines(self):
        """(label, value, kind) of the year's operational KPIs."""
        self.ensure_one()
        service = self.env["cic.kpi.service"]
        start, end = self._cic_period()
        figures = service._cic_figures(start, end, company_ids=[self.company_id.id])
        labels = service.metric_labels()
        return [
            (labels[code], figures.get(code) or 0, kind) for code, _l, kind in METRICS
        ]

    def _cic_indicator_lines(self):
        self.ensure_one()
        start, _end = self._cic_period()
        return self.env["cic.kpi.value"].search(
            [
                ("period_type", "=", "year"),
                ("period_start", "=", start),
                ("company_id", "=", self.company_id.id),
            ],
            order="indicator_id",
        )

    def _cic_activities(self):
        self.ensure_one()
        start, end = self._cic_period()
        return self.env["cic.participation.activity"].search(
            [
                ("date", ">=", start),
                ("date", "<=", end),
                ("company_id", "=", self.company_id.id),
            ],
            order="date",
        )

    def _cic_report_lang(self):
        self.ensure_one()
        installed = dict(self.env["res.lang"].get_installed())
        return "ro_RO" if "ro_RO" in installed else self.env.lang
