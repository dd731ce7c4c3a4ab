# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""KPIs of one period on screen and as an XLSX workbook."""

from odoo import api, fields, models

from odoo.addons.cic_registry.models.cic_calendar import institution_today

from ..models.cic_kpi_service import METRICS, PERIOD_TYPES


class CicKpiExport(models.TransientModel):
    _name = "cic.kpi.export"
    _description = "CIC KPIs of a period"

    period_type = fields.Selection(PERIOD_TYPES, required=True, default="month")
    day = fields.Date(
        string="Any day of the period",
        required=True,
        default=institution_today,
    )
    date_from = fields.Date(compute="_compute_bounds")
    date_to = fields.Date(compute="_compute_bounds")
    team_ids = fields.Many2many("helpdesk.ticket.team", string="Departments")
    channel_ids = fields.Many2many("helpdesk.ticket.channel", string="Channels")
    procedure_ids = fields.Many2many("cic.procedure", string="Procedures")
    user_ids = fields.Many2many("res.users", string="Officials")
    summary = fields.Html(compute="_compute_summary", sanitize=False)

    @api.depends("period_type", "day")
    def _compute_bounds(self):
        service = self.env["cic.kpi.service"]
        for wizard in self:
            wizard.date_from, wizard.date_to = (
                service.period_bounds(wizard.period_type, wizard.day)
                if wizard.day and wizard.period_type
                else (False, False)
            )

    def _cic_filters(self):
        self.ensure_one()
        team_ids = self.team_ids.ids
        user = self.env.user
        if not user.has_groups(
            "cic_registry.group_cic_clerk,cic_registry.group_cic_auditor"
        ):
            # department staff only get the figures of their own departments
            own = self.env["helpdesk.ticket.team"].search(
                [("user_ids", "in", user.ids)]
            )
            team_ids = [t for t in team_ids if t in own.ids] or own.ids or [0]
        return {
            "company_ids": self.env.companies.ids,
            "team_ids": team_ids,
            "channel_ids": self.channel_ids.ids,
            "procedure_ids": self.procedure_ids.ids,
            "user_ids": self.user_ids.ids,
        }

    def _cic_lines(self):
        """(label, value, kind) for every metric of the chosen period."""
        self.ensure_one()
        service = self.env["cic.kpi.service"]
        figures = service._cic_figures(
            self.date_from, self.date_to, **self._cic_filters()
        )
        labels = service.metric_labels()
        return [
            (labels[code], figures.get(code) or 0, kind) for code, _l, kind in METRICS
        ]

    @api.depends(
        "date_from", "date_to", "team_ids", "channel_ids", "procedure_ids", "user_ids"
    )
    def _compute_summary(self):
        for wizard in self:
            if not wizard.date_from:
                wizard.summary = False
                continue
            wizard.summary = self.env["ir.qweb"]._render(
                "cic_performance.kpi_summary_table", {"lines": wizard._cic_lines()}
            )

    def _cic_xlsx_document(self):
        """The indicators as a report document (see ``cic.report.base``),
        written by the XLSX report ``report_cic_kpi_xlsx``."""
        self.ensure_one()
        _ = self.env._
        return {
            "title": _("CIC indicators"),
            "subtitle": _(
                "Period: %(start)s - %(end)s",
                start=self.date_from.strftime("%d.%m.%Y"),
                end=self.date_to.strftime("%d.%m.%Y"),
            ),
            "sheet": _("Indicators"),
            "tables": [
                {
                    "title": "",
                    "columns": [_("Indicator"), _("Value")],
                    "rows": [
                        [label, float(value) if kind != "int" else int(value)]
                        for label, value, kind in self._cic_lines()
                    ],
                    "totals": None,
                }
            ],
        }

    def _cic_file_name(self):
        return f"cic_kpi_{self.date_from}_{self.date_to}"

    def action_export_xlsx(self):
        """Download the XLSX (a spreadsheet has no letterhead: no layout check)."""
        self.ensure_one()
        return (
            self.env.ref("cic_performance.action_report_cic_kpi_xlsx")
            .with_context(discard_logo_check=True)
            .report_action(self)
        )
