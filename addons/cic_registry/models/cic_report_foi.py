# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Annual report on access to public information (Law 544/2001, HG 123/2002 Annex 10,
R-544-9): sections A-D and the prefecture's UAT summary table.

The figures are computed once per report (a handful of SQL aggregates on the
access-filtered queries) and laid out by the rows of ``cic.report.foi.line``.
"""

import datetime

from odoo import api, models
from odoo.tools import SQL

from .cic_report_foi_line import FOI_SECTIONS

CHANNEL_XMLIDS = {
    "channel_email": "helpdesk_mgmt.helpdesk_ticket_channel_email",
    "channel_web": "helpdesk_mgmt.helpdesk_ticket_channel_web",
}
REFUSAL_GROUNDS = (
    "personal_data",
    "classified",
    "commercial",
    "investigation",
    "not_held",
    "other",
)


class CicReportFoi(models.AbstractModel):
    _name = "cic.report.foi"
    _description = "Annual Law 544 report"
    _inherit = "cic.report.base"

    @api.model
    def _cic_year_domain(self, company_id, year, code):
        return [
            ("company_id", "=", company_id),
            ("cic_procedure_id.code", "=", code),
            ("cic_is_legacy", "=", False),
            *self._cic_registered_between(
                datetime.date(year, 1, 1), datetime.date(year, 12, 31)
            ),
        ]

    @api.model
    def _cic_request_measures(self, t):
        """(code, SQL aggregate) over the written requests, ticket alias ``t``."""
        reason = SQL("%s.cic_closure_reason", t)
        # full and partial refusals (a partial one answers the rest of the request)
        refused = SQL("%s IN ('refused', 'refused_partial')", reason)
        channel_ids = {
            code: (
                self.env.ref(xmlid, raise_if_not_found=False)
                or self.env["helpdesk.ticket.channel"]
            ).id
            or 0
            for code, xmlid in CHANNEL_XMLIDS.items()
        }

        def count(condition):
            return SQL("COUNT(*) FILTER (WHERE %s)", condition)

        measures = [
            ("requests_written", SQL("COUNT(*)")),
            (
                "channel_email",
                count(SQL("%s.channel_id = %s", t, channel_ids["channel_email"])),
            ),
            (
                "channel_web",
                count(SQL("%s.channel_id = %s", t, channel_ids["channel_web"])),
            ),
            (
                "channel_paper",
                count(
                    SQL(
                        "%s.channel_id IS NULL OR %s.channel_id NOT IN %s",
                        t,
                        t,
                        tuple(channel_ids.values()),
                    )
                ),
            ),
            ("answered", count(SQL("%s = 'answered'", reason))),
            (
                "answered_in_term",
                count(SQL("%s.cic_answered_in_term", t)),
            ),
            ("extended", count(SQL("COALESCE(%s.cic_extension_days, 0) > 0", t))),
            ("refused", count(refused)),
            ("refused_partial", count(SQL("%s = 'refused_partial'", reason))),
            (
                "refused_late",
                count(SQL("%s AND %s.cic_foi_refusal_late", refused, t)),
            ),
            ("redirected", count(SQL("%s = 'redirected'", reason))),
            ("withdrawn", count(SQL("%s = 'withdrawn'", reason))),
            ("pending", count(SQL("%s IS NULL", reason))),
            ("copy_pages", SQL("COALESCE(SUM(%s.cic_foi_copy_pages), 0)", t)),
            ("copy_fees", SQL("COALESCE(SUM(%s.cic_foi_copy_fee), 0)", t)),
        ]
        for ground in REFUSAL_GROUNDS:
            measures.append(
                (
                    "refused_" + ground,
                    count(
                        SQL(
                            "%s AND %s.cic_foi_refusal_ground = %s",
                            refused,
                            t,
                            ground,
                        )
                    ),
                )
            )
        return measures

    @api.model
    def _cic_run(self, domain, measures_fn, extra_join=None):
        query = self._cic_ticket_query(domain)
        t = SQL.identifier(query.table)
        if extra_join:
            extra_join(query)
        measures = measures_fn(t, query)
        row = self._cic_fetch(query, [sql for _c, sql in measures])[0]
        return {code: value for (code, _s), value in zip(measures, row, strict=True)}

    @api.model
    def _cic_applicant_measures(self, t, query):
        partner = SQL.identifier(
            query.left_join(query.table, "partner_id", "res_partner", "id", "partner")
        )
        return [
            (
                "applicant_legal",
                SQL("COUNT(*) FILTER (WHERE %s.cic_person_type = 'legal')", partner),
            ),
            (
                "applicant_natural",
                SQL(
                    "COUNT(*) FILTER "
                    "(WHERE %s.cic_person_type IS DISTINCT FROM 'legal')",
                    partner,
                ),
            ),
        ]

    @api.model
    def _cic_complaint_measures(self, t, query):
        outcome = SQL("%s.cic_complaint_outcome", t)
        return [
            ("complaints_total", SQL("COUNT(*)")),
            (
                "complaints_admitted",
                SQL("COUNT(*) FILTER (WHERE %s = 'admitted')", outcome),
            ),
            (
                "complaints_partly",
                SQL("COUNT(*) FILTER (WHERE %s = 'partly')", outcome),
            ),
            (
                "complaints_rejected",
                SQL("COUNT(*) FILTER (WHERE %s = 'rejected')", outcome),
            ),
            ("complaints_pending", SQL("COUNT(*) FILTER (WHERE %s IS NULL)", outcome)),
        ]

    @api.model
    def _cic_by_domain(self, domain):
        """[(topic label, count)] of the requests per helpdesk category."""
        query = self._cic_ticket_query(domain)
        group = SQL("%s.category_id", SQL.identifier(query.table))
        result = self._cic_fetch(query, [group, SQL("COUNT(*)")], groupby=group)
        names = self._cic_names("helpdesk.ticket.category", [r[0] for r in result])
        return sorted(
            (names.get(cat) or self.env._("Not specified"), n) for cat, n in result
        )

    @api.model
    def _cic_other_measures(self, company_id, year):
        """Figures from the verbal requests log, litigation and ex officio items."""
        start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
        verbal = self.env["cic.foi.verbal.request"]._search(
            [
                ("company_id", "=", company_id),
                ("request_datetime", ">=", datetime.datetime(year, 1, 1)),
                ("request_datetime", "<", datetime.datetime(year + 1, 1, 1)),
            ]
        )
        # Verbal requests are answered at the CIC counter, not by a department:
        # they are counted for the users who see the whole register.
        whole_register = self.env.user.has_group(
            "cic_registry.group_cic_clerk"
        ) or self.env.user.has_group("cic_registry.group_cic_auditor")
        values = {
            "requests_verbal": self._cic_fetch(verbal, [SQL("COUNT(*)")])[0][0]
            if whole_register
            else 0
        }
        court = self.env["cic.foi.litigation"]._read_group(
            [
                ("company_id", "=", company_id),
                # only the litigation of requests the user may read
                ("request_id", "in", self.env["helpdesk.ticket"]._search([])),
                ("filing_date", ">=", start),
                ("filing_date", "<=", end),
            ],
            ["state"],
            ["__count"],
        )
        by_state = dict(court)
        values.update(
            court_total=sum(by_state.values()),
            court_won=by_state.get("won", 0),
            court_lost=by_state.get("lost", 0),
            court_pending=by_state.get("open", 0),
        )
        items = self.env["cic.exofficio.item"].search([("company_id", "=", company_id)])
        values.update(
            exofficio_items=len(items.filtered("published")),
            exofficio_updated=len(
                items.filtered(
                    lambda i: i.last_update_date and start <= i.last_update_date <= end
                )
            ),
        )
        return values

    @api.model
    def _cic_measures(self, company_id, year, operating_costs=0.0):
        """{measure code: value} for the year, plus 'by_domain' rows."""
        requests = self._cic_year_domain(company_id, year, "foi_request")
        values = self._cic_run(requests, lambda t, q: self._cic_request_measures(t))
        values.update(self._cic_run(requests, self._cic_applicant_measures))
        values.update(
            self._cic_run(
                self._cic_year_domain(company_id, year, "foi_complaint"),
                self._cic_complaint_measures,
            )
        )
        values.update(self._cic_other_measures(company_id, year))
        values["requests_total"] = (
            values["requests_written"] + values["requests_verbal"]
        )
        values["copy_fees"] = float(values["copy_fees"] or 0.0)
        values["operating_costs"] = float(operating_costs or 0.0)
        values["by_domain"] = self._cic_by_domain(requests)
        return values

    @api.model
    def _cic_compute(self, company_id, year, operating_costs=0.0):
        """The report as a document (see ``cic.report.base``)."""
        _ = self.env._
        values = self._cic_measures(company_id, year, operating_costs)
        lines = self.env["cic.report.foi.line"].search([])
        sections = dict(
            self.env["cic.report.foi.line"]
            ._fields["section"]
            ._description_selection(self.env)
        )
        company = self.env["res.company"].browse(company_id)
        tables = []
        for code, _label in FOI_SECTIONS:
            section_lines = lines.filtered(lambda line, c=code: line.section == c)
            if not section_lines:
                continue
            if code == "uat":
                tables.append(
                    self._cic_uat_table(section_lines, values, sections[code], company)
                )
                continue
            rows = []
            for line in section_lines:
                if line.measure == "by_domain":
                    rows.extend(
                        [f"{line.name}: {topic}", n] for topic, n in values["by_domain"]
                    )
                else:
                    rows.append([line.name, values.get(line.measure, 0)])
            tables.append(
                {
                    "title": sections[code],
                    "columns": [_("Indicator"), _("Value")],
                    "rows": rows,
                    "totals": None,
                }
            )
        return {
            "title": _("Annual report on access to public information (Law 544/2001)"),
            "subtitle": _(
                "%(company)s - year %(year)s", company=company.name, year=year
            ),
            "sheet": _("Law 544"),
            "tables": tables,
            "values": values,
        }

    @api.model
    def _cic_uat_table(self, lines, values, title, company):
        """The prefecture's summary: one row for the UAT, one column per line."""
        _ = self.env._
        columns = [_("UAT")] + [
            line.name for line in lines if line.measure != "by_domain"
        ]
        row = [company.city or company.name] + [
            values.get(line.measure, 0) for line in lines if line.measure != "by_domain"
        ]
        return {"title": title, "columns": columns, "rows": [row], "totals": None}
