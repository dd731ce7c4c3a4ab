# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Annual report on decisional transparency (Law 52/2003 art. 13(1) a)-g), R-TD-6).

Letters a), b), c), d) and g) are computed from the transparency records of the year
(recommendations, public meetings and debates); e) (court cases) and f) (the
authority's own evaluation) are entered by hand. The report is kept per company and
year so that it can be published, and a reminder goes out every January.
"""

import datetime

from odoo import api, fields, models
from odoo.exceptions import UserError

COMPUTED_FIELDS = (
    "recommendations_received",
    "recommendations_included",
    "meeting_participants",
    "debates_organised",
    "non_public_meetings",
    "non_public_reasons",
    "drafts_published",
)


class CicReportTransparency(models.Model):
    _name = "cic.report.transparency"
    _description = "Annual decisional transparency report (Law 52/2003)"
    _inherit = ["mail.thread", "mail.activity.mixin", "cic.report.base"]
    _order = "year desc, company_id"

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    year = fields.Integer(
        required=True,
        default=lambda self: self.env["cic.calendar"].today().year - 1,
    )
    state = fields.Selection(
        [("draft", "Draft"), ("published", "Published")],
        default="draft",
        required=True,
        tracking=True,
    )
    publication_date = fields.Date(readonly=True, copy=False)
    computed_on = fields.Datetime(readonly=True, copy=False)
    # a)-d), g): computed
    recommendations_received = fields.Integer(
        string="a) Recommendations received", readonly=True
    )
    recommendations_included = fields.Integer(
        string="b) Recommendations included in drafts and decisions", readonly=True
    )
    meeting_participants = fields.Integer(
        string="c) Participants in public meetings", readonly=True
    )
    debates_organised = fields.Integer(
        string="d) Public debates organised", readonly=True
    )
    non_public_meetings = fields.Integer(
        string="g) Meetings not open to the public", readonly=True
    )
    non_public_reasons = fields.Text(
        string="g) Reasons access was restricted", readonly=True
    )
    drafts_published = fields.Integer(
        string="Draft normative acts published", readonly=True
    )
    # e), f): entered
    court_cases = fields.Integer(
        string="e) Court cases for breaching the law",
        tracking=True,
        help="Cases in which the authority was sued for breaching Law 52/2003.",
    )
    court_cases_note = fields.Text(string="e) Details of the court cases")
    self_evaluation = fields.Selection(
        [
            ("very_good", "Very good"),
            ("good", "Good"),
            ("satisfactory", "Satisfactory"),
            ("unsatisfactory", "Unsatisfactory"),
        ],
        string="f) Evaluation of the partnership",
        tracking=True,
    )
    self_evaluation_note = fields.Text(
        string="f) Evaluation of the partnership with citizens and associations"
    )

    _sql_constraints = [
        (
            "company_year_uniq",
            "unique(company_id, year)",
            "There is already a transparency report for this year.",
        )
    ]

    @api.depends("year")
    def _compute_name(self):
        for report in self:
            report.name = self.env._(
                "Decisional transparency report %(year)s", year=report.year
            )

    # ------------------------------------------------------------------
    # Computation
    # ------------------------------------------------------------------
    def _cic_period(self):
        self.ensure_one()
        return datetime.date(self.year, 1, 1), datetime.date(self.year, 12, 31)

    def _cic_figures(self):
        """Values of the computed letters for the report's company and year."""
        self.ensure_one()
        start, end = self._cic_period()
        company = [("company_id", "=", self.company_id.id)]
        recommendations = dict(
            self.env["cic.transparency.recommendation"]._read_group(
                company
                + [("date_received", ">=", start), ("date_received", "<=", end)],
                ["decision"],
                ["__count"],
            )
        )
        meeting_domain = company + [
            ("meeting_date", ">=", start),
            ("meeting_date", "<=", end),
            ("state", "!=", "cancelled"),
        ]
        meetings = self.env["cic.transparency.meeting"]
        public = meetings._read_group(
            meeting_domain + [("public", "=", True)],
            ["meeting_type"],
            ["__count", "participant_count:sum"],
        )
        closed = meetings.search(meeting_domain + [("public", "=", False)])
        drafts = self.env["cic.transparency.draft"].search_count(
            company
            + [("publication_date", ">=", start), ("publication_date", "<=", end)]
        )
        return {
            "recommendations_received": sum(recommendations.values()),
            "recommendations_included": recommendations.get("accepted", 0)
            + recommendations.get("partly", 0),
            "meeting_participants": sum(p or 0 for _t, _c, p in public),
            "debates_organised": sum(c for t, c, _p in public if t == "debate"),
            "non_public_meetings": len(closed),
            "non_public_reasons": "\n".join(
                "{} ({}): {}".format(
                    m.name,
                    m.meeting_date.strftime("%d.%m.%Y"),
                    m.non_public_reason or "-",
                )
                for m in closed
            ),
            "drafts_published": drafts,
        }

    def action_compute(self):
        for report in self:
            if report.state == "published":
                raise UserError(self.env._("A published report cannot be recomputed."))
            report.write(dict(report._cic_figures(), computed_on=fields.Datetime.now()))
        return True

    def action_publish(self):
        self.filtered(lambda r: not r.computed_on).action_compute()
        self.write(
            {"state": "published", "publication_date": self.env["cic.calendar"].today()}
        )

    def action_reset_draft(self):
        self.write({"state": "draft", "publication_date": False})

    # ------------------------------------------------------------------
    # Output
    # ------------------------------------------------------------------
    def _cic_report_document(self):
        self.ensure_one()
        _ = self.env._
        labels = {
            name: self._fields[name].get_description(self.env)["string"]
            for name in self._fields
        }
        evaluation = dict(
            self._fields["self_evaluation"]._description_selection(self.env)
        ).get(self.self_evaluation, "")
        rows = [
            [labels["recommendations_received"], self.recommendations_received],
            [labels["recommendations_included"], self.recommendations_included],
            [labels["meeting_participants"], self.meeting_participants],
            [labels["debates_organised"], self.debates_organised],
            [labels["court_cases"], self.court_cases],
            [labels["court_cases_note"], self.court_cases_note or ""],
            [labels["self_evaluation"], evaluation],
            [labels["self_evaluation_note"], self.self_evaluation_note or ""],
            [labels["non_public_meetings"], self.non_public_meetings],
            [labels["non_public_reasons"], self.non_public_reasons or ""],
            [labels["drafts_published"], self.drafts_published],
        ]
        return {
            "title": _(
                "Annual report on decisional transparency (Law 52/2003 art. 13)"
            ),
            "subtitle": _(
                "%(company)s - year %(year)s",
                company=self.company_id.name,
                year=self.year,
            ),
            "sheet": _("Law 52"),
            "tables": [
                {
                    "title": "",
                    "columns": [_("Indicator"), _("Value")],
                    "rows": rows,
                    "totals": None,
                }
            ],
        }

    def _cic_xlsx_document(self):
        """Document written by the XLSX report (report_cic_transparency_xlsx)."""
        return self._cic_report_document()

    def action_export_xlsx(self):
        """Download the XLSX (a spreadsheet has no letterhead: no layout check)."""
        self.ensure_one()
        return (
            self.env.ref("cic_registry.action_report_cic_transparency_xlsx")
            .with_context(discard_logo_check=True)
            .report_action(self)
        )

    @api.model
    def _cron_january_reminder(self):
        """January: remind the CIC administrators to draw up and publish last
        year's report."""
        today = self.env["cic.calendar"].today()
        if today.month != 1:
            return
        year = today.year - 1
        managers = self.env.ref("cic_registry.group_cic_manager").users.filtered(
            lambda u: not u.share and u.active
        )
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        for company in self.env["res.company"].search([]):
            report = self.search(
                [("company_id", "=", company.id), ("year", "=", year)]
            ) or self.create({"company_id": company.id, "year": year})
            if report.state == "published" or report.activity_ids:
                continue
            for user in managers.filtered(lambda u, c=company: c in u.company_ids):
                report.activity_schedule(
                    activity_type_id=activity_type.id,
                    summary=self.env._("Publish the decisional transparency report"),
                    user_id=user.id,
                    date_deadline=today.replace(day=31),
                )
