# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""KPI computation service: every figure is one SQL aggregation.

``_cic_figures(date_from, date_to, **filters)`` returns a dict keyed by the metric
codes of ``METRICS``. Period bounds are inclusive local dates. Volume figures count
entries registered in the period; answer figures count entries answered in the period;
backlog and overdue are measured at the end of the period (today for the current
period).

The computations are private (not callable over RPC) and count only the rows the
current user may read: the record rules of ``cic.kpi.report``,
``cic.audience.request`` and ``cic.satisfaction.report`` are applied to the SQL
(department staff: their departments; officials: their audiences; clerks and
auditors: everything). The superuser (scheduled actions) counts everything.
"""

from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools import SQL
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)

#: (code, English label, kind) for every operational metric, in display order.
#: kind is "int", "pct" (0-100) or "days".
METRICS = [
    ("entries", _lt("Entries registered"), "int"),
    ("phone_line", _lt("Received on the citizen's phone line"), "int"),
    ("answered", _lt("Entries answered"), "int"),
    ("in_term_pct", _lt("% answered within the legal term"), "pct"),
    ("in_target_pct", _lt("% answered within the internal target"), "pct"),
    ("median_days", _lt("Median days to answer"), "days"),
    ("p90_days", _lt("90th percentile days to answer"), "days"),
    ("extended", _lt("Extensions"), "int"),
    ("forwarded", _lt("Forwarded to the competent authority"), "int"),
    ("classed", _lt("Classed"), "int"),
    ("joined", _lt("Joined"), "int"),
    ("refused_544", _lt("Law 544 refusals"), "int"),
    ("refused_partial", _lt("Partial refusals (not a full answer)"), "int"),
    ("complaints_544", _lt("Law 544 administrative complaints"), "int"),
    ("audiences_held", _lt("Audiences held"), "int"),
    ("audiences_solved_pct", _lt("% solved in audience"), "pct"),
    ("backlog", _lt("Backlog (open entries)"), "int"),
    ("overdue", _lt("Overdue entries"), "int"),
    ("satisfaction_avg", _lt("Satisfaction average (1-5)"), "days"),
    ("satisfaction_response_pct", _lt("Satisfaction survey response rate"), "pct"),
]

PERIOD_TYPES = [("month", "Month"), ("semester", "Semester"), ("year", "Year")]


class CicKpiService(models.AbstractModel):
    _name = "cic.kpi.service"
    _description = "CIC KPI computation service"

    # ------------------------------------------------------------------
    # Periods
    # ------------------------------------------------------------------
    @api.model
    def period_bounds(self, period_type, day):
        """First and last day of the month, semester or year containing ``day``."""
        day = fields.Date.to_date(day)
        if period_type == "month":
            start = day.replace(day=1)
            return start, start + relativedelta(months=1, days=-1)
        if period_type == "semester":
            start = date(day.year, 1 if day.month <= 6 else 7, 1)
            return start, start + relativedelta(months=6, days=-1)
        if period_type == "year":
            return date(day.year, 1, 1), date(day.year, 12, 31)
        raise ValueError(period_type)

    @api.model
    def metric_labels(self):
        """Translated labels of the metrics, keyed by code."""
        lang = self.env.lang or "en_US"
        return {code: label._translate(lang) for code, label, _kind in METRICS}

    # ------------------------------------------------------------------
    # Computation
    # ------------------------------------------------------------------
    @api.model
    def _filter_sql(self, alias, filters, columns):
        """AND-ed SQL conditions for the ids in ``filters`` on ``alias``'s columns."""
        conditions = [SQL("TRUE")]
        for key, column in columns.items():
            ids = filters.get(key)
            if ids:
                conditions.append(
                    SQL("%s IN %s", SQL.identifier(alias, column), tuple(ids))
                )
        return SQL(" AND ").join(conditions)

    @api.model
    def _cic_readable_sql(self, model_name, alias):
        """SQL condition keeping the rows of ``model_name`` the user may read.

        ``_search`` checks the access rights and applies the record rules of the
        current user; the superuser reads every row.
        """
        if self.env.su:
            return SQL("TRUE")
        model = self.env[model_name].with_context(active_test=False)
        return SQL(
            "%s IN %s", SQL.identifier(alias, "id"), model._search([]).subselect()
        )

    @api.model
    def _cic_figures(self, date_from, date_to, **filters):
        """KPIs between two inclusive dates, over the rows the user may read.

        Filters (lists of ids): ``company_ids``, ``team_ids``, ``channel_ids``,
        ``procedure_ids``, ``user_ids``.
        """
        date_from = fields.Date.to_date(date_from)
        date_to = fields.Date.to_date(date_to)
        # The companies selected in the company switcher, as everywhere in Odoo. Also
        # what keeps a commune's dashboard fast in a county database: the record
        # rules alone filter only after the report view is computed for every row.
        filters.setdefault("company_ids", self.env.companies.ids)
        self.env["helpdesk.ticket"].flush_model()
        result = dict.fromkeys((code for code, _l, _k in METRICS), 0)
        result.update(self._compute_registry(date_from, date_to, filters))
        result.update(self._compute_audiences(date_from, date_to, filters))
        result.update(self._compute_satisfaction(date_from, date_to, filters))
        return result

    @api.model
    def _registry_columns(self):
        return {
            "company_ids": "company_id",
            "team_ids": "team_id",
            "channel_ids": "channel_id",
            "procedure_ids": "procedure_id",
            "user_ids": "user_id",
        }

    @api.model
    def _compute_registry(self, date_from, date_to, filters):
        self.env["cic.report.base"]._cic_no_jit()
        where = SQL(
            "%s AND %s",
            self._filter_sql("r", filters, self._registry_columns()),
            self._cic_readable_sql("cic.kpi.report", "r"),
        )
        as_of = min(date_to, self.env["cic.calendar"].today())
        row = self.env.execute_query_dict(
            SQL(
                """
                SELECT
                  count(*) FILTER (WHERE r.registration_date BETWEEN %(f)s AND %(t)s)
                      AS entries,
                  count(*) FILTER (WHERE r.answer_date BETWEEN %(f)s AND %(t)s
                                     AND r.answered_count = 1)
                      AS answered,
                  round(avg(r.in_term_rate) FILTER (
                      WHERE r.answer_date BETWEEN %(f)s AND %(t)s)::numeric, 2)
                      AS in_term_pct,
                  round(avg(r.in_target_rate) FILTER (
                      WHERE r.answer_date BETWEEN %(f)s AND %(t)s)::numeric, 2)
                      AS in_target_pct,
                  percentile_cont(0.5) WITHIN GROUP (ORDER BY r.days_to_answer)
                      FILTER (WHERE r.answer_date BETWEEN %(f)s AND %(t)s)
                      AS median_days,
                  percentile_cont(0.9) WITHIN GROUP (ORDER BY r.days_to_answer)
                      FILTER (WHERE r.answer_date BETWEEN %(f)s AND %(t)s)
                      AS p90_days,
                  %(flag_sums)s,
                  count(*) FILTER (
                      WHERE r.registration_date <= %(as_of)s
                        AND (r.answer_date IS NULL OR r.answer_date > %(as_of)s))
                      AS backlog,
                  count(*) FILTER (
                      WHERE r.registration_date <= %(as_of)s
                        AND (r.answer_date IS NULL OR r.answer_date > %(as_of)s)
                        AND r.legal_due_date < %(as_of)s)
                      AS overdue
                FROM cic_kpi_report r
                WHERE %(where)s
                """,
                f=date_from,
                t=date_to,
                as_of=as_of,
                where=where,
                flag_sums=SQL(", ").join(
                    SQL(
                        "count(*) FILTER (WHERE r.%s = 1 AND r.registration_date "
                        "BETWEEN %s AND %s) AS %s",
                        SQL.identifier(column),
                        date_from,
                        date_to,
                        SQL.identifier(code),
                    )
                    for code, column in (
                        ("extended", "extended_count"),
                        ("forwarded", "forwarded_count"),
                        ("classed", "classed_count"),
                        ("joined", "joined_count"),
                        ("refused_544", "refused_544_count"),
                        ("refused_partial", "refused_partial_count"),
                        ("complaints_544", "complaint_544_count"),
                        ("phone_line", "phone_line_count"),
                    )
                ),
            )
        )[0]
        return {
            key: float(value)
            if value is not None and key.endswith(("pct", "days"))
            else (value or 0)
            for key, value in row.items()
        }

    @api.model
    def _compute_audiences(self, date_from, date_to, filters):
        """Audiences held in the period and the share solved in the audience.

        Reads ``cic.audience.request`` through ``_cic_kpi_audience_sql`` so the
        field names of cic_audience stay in one place.
        """
        if any(filters.get(k) for k in ("team_ids", "channel_ids", "procedure_ids")):
            # audiences belong to an official, not to a department or channel
            return {}
        query = self._cic_kpi_audience_sql(date_from, date_to, filters)
        if query is None:
            return {}
        row = self.env.execute_query_dict(query)[0]
        return {
            "audiences_held": row["held"] or 0,
            "audiences_solved_pct": float(row["solved_pct"] or 0.0),
        }

    @api.model
    def _cic_kpi_audience_sql(self, date_from, date_to, filters):
        """Held audiences (``state`` done, not a no-show) and those solved there."""
        model = self.env.get("cic.audience.request")
        if model is None or not hasattr(model, "_cic_solved_pct_sql"):
            return None
        model.flush_model()
        columns = {"company_ids": "company_id"}
        if (
            "official_user_id" in model._fields
            and model._fields["official_user_id"].store
        ):
            columns["user_ids"] = "official_user_id"
        # The definition of a held and of a solved audience is the register's
        # (cic.audience.request._cic_held_sql / _cic_solved_pct_sql, R-AUD-5).
        return SQL(
            """
            SELECT count(*) FILTER (WHERE %s) AS held,
                   %s AS solved_pct
              FROM cic_audience_request a
             WHERE a.audience_date BETWEEN %s AND %s AND %s AND %s
            """,
            model._cic_held_sql("a"),
            model._cic_solved_pct_sql("a"),
            date_from,
            date_to,
            self._filter_sql("a", filters, columns),
            self._cic_readable_sql(model._name, "a"),
        )

    @api.model
    def _compute_satisfaction(self, date_from, date_to, filters):
        report = self.env["cic.satisfaction.report"]
        self.env["survey.user_input"].flush_model()
        self.env["survey.user_input.line"].flush_model()
        columns = {
            "company_ids": "company_id",
            "team_ids": "team_id",
            "channel_ids": "channel_id",
            "procedure_ids": "procedure_id",
        }
        row = self.env.execute_query_dict(
            SQL(
                """
                SELECT round(avg(s.rating)::numeric, 2) AS satisfaction_avg,
                       round(avg(s.response_rate)::numeric, 2)
                           AS satisfaction_response_pct
                  FROM %s s
                 WHERE s.kind = 'closure' AND s.sent_date BETWEEN %s AND %s
                   AND %s AND %s
                """,
                SQL.identifier(report._table),
                date_from,
                date_to,
                self._filter_sql("s", filters, columns),
                self._cic_readable_sql(report._name, "s"),
            )
        )[0]
        return {k: float(v or 0.0) for k, v in row.items()}
