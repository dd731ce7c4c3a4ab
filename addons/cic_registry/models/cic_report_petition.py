# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Semestrial report on the resolution of petitions (OG 27/2002 art. 13, R-PET-11).

Petitions registered in the half-year (H1: 1 Jan-30 Jun, H2: 1 Jul-31 Dec), by
source, type, channel, department and topic, with their state at the time the report
is run. Legacy entries are not counted (they carry no workflow state).

Every figure is one SQL aggregate over the access-filtered query: the register date
range is served by the index on ``cic_registration_date``.
"""

import datetime

from odoo import api, models
from odoo.tools import SQL

INSTITUTION_CATEGORY = "cic_registry.partner_category_institution"


class CicReportPetition(models.AbstractModel):
    _name = "cic.report.petition"
    _description = "Semestrial petitions report"
    _inherit = "cic.report.base"

    @api.model
    def _cic_period(self, year, semester):
        if str(semester) == "1":
            return datetime.date(year, 1, 1), datetime.date(year, 6, 30)
        return datetime.date(year, 7, 1), datetime.date(year, 12, 31)

    @api.model
    def _cic_domain(self, company_id, date_from, date_to):
        return [
            ("company_id", "=", company_id),
            ("cic_procedure_id.code", "=", "petition"),
            ("cic_is_legacy", "=", False),
            *self._cic_registered_between(date_from, date_to),
        ]

    @api.model
    def _cic_status_measures(self, t):
        """(label, SQL condition) of the outcome figures, on ticket alias ``t``."""
        _ = self.env._
        reason = SQL("%s.cic_closure_reason", t)
        return [
            (_("Registered"), SQL("TRUE")),
            (
                _("Answered in term"),
                SQL(
                    "%s IN ('answered', 'refused') AND %s.cic_answered_in_term",
                    reason,
                    t,
                ),
            ),
            (
                _("Answered late"),
                SQL(
                    "%s IN ('answered', 'refused') "
                    "AND %s.cic_answered_in_term IS NOT TRUE",
                    reason,
                    t,
                ),
            ),
            (_("Pending"), SQL("%s IS NULL", reason)),
            (_("Forwarded (misdirected)"), SQL("%s = 'redirected'", reason)),
            (_("Classed - anonymous"), SQL("%s = 'anonymous'", reason)),
            (_("Classed - identical content"), SQL("%s = 'identical'", reason)),
            (_("Withdrawn by the petitioner"), SQL("%s = 'withdrawn'", reason)),
            (
                _("Joined"),
                SQL("%s = 'joined' OR %s.cic_joined_to_id IS NOT NULL", reason, t),
            ),
            (_("Extended"), SQL("COALESCE(%s.cic_extension_days, 0) > 0", t)),
        ]

    @api.model
    def _cic_source_sql(self, query):
        """SQL classifying the petitioner: institution (partner tagged with the
        'Public institution' category), legal person, natural person, unknown."""
        t = SQL.identifier(query.table)
        partner = SQL.identifier(
            query.left_join(query.table, "partner_id", "res_partner", "id", "partner")
        )
        category = self.env.ref(INSTITUTION_CATEGORY, raise_if_not_found=False)
        institution = SQL(
            "EXISTS (SELECT 1 FROM res_partner_res_partner_category_rel rel "
            "WHERE rel.partner_id = %s.id AND rel.category_id = %s)",
            partner,
            category.id if category else 0,
        )
        return SQL(
            "CASE WHEN %s.partner_id IS NULL THEN 'unknown' "
            "WHEN %s THEN 'institution' "
            "WHEN %s.cic_person_type = 'legal' THEN 'legal' "
            "ELSE 'natural' END",
            t,
            institution,
            partner,
        )

    @api.model
    def _cic_breakdown(self, domain, key, labels):
        """Rows [label, registered, in term, late, pending] grouped by the SQL
        expression ``key(query)``; ``labels`` maps key values to labels (a dict, or
        a callable given the keys)."""
        query = self._cic_ticket_query(domain)
        t = SQL.identifier(query.table)
        group = key(query)
        measures = self._cic_status_measures(t)[:4]
        result = self._cic_fetch(
            query,
            [group, *self._cic_count_filters(measures)],
            groupby=group,
        )
        if callable(labels):
            labels = labels([r[0] for r in result])
        counts = {r[0]: list(r[1:]) for r in result}
        rows = []
        for value, label in labels.items():
            if value in counts:
                rows.append([label, *counts.pop(value)])
        for value, figures in counts.items():
            rows.append([labels.get(value) or self.env._("Not specified"), *figures])
        return rows

    @api.model
    def _cic_breakdown_columns(self, first):
        t = SQL.identifier("helpdesk_ticket")
        return [first] + [label for label, _cond in self._cic_status_measures(t)[:4]]

    @api.model
    def _cic_totals(self, rows):
        return [self.env._("Total")] + [sum(r[i] for r in rows) for i in range(1, 5)]

    @api.model
    def _cic_selection_labels(self, field_name):
        field = self.env["helpdesk.ticket"]._fields[field_name]
        return dict(field._description_selection(self.env))

    @api.model
    def _cic_many2one_labels(self, model):
        return lambda ids: {
            **self._cic_names(model, ids),
            None: self.env._("Not specified"),
        }

    @api.model
    def _cic_compute(self, company_id, date_from, date_to):
        """The report as a document (see ``cic.report.base``)."""
        _ = self.env._
        domain = self._cic_domain(company_id, date_from, date_to)
        query = self._cic_ticket_query(domain)
        measures = self._cic_status_measures(SQL.identifier(query.table))
        totals = self._cic_fetch(query, self._cic_count_filters(measures))[0]
        summary = [
            [label, value] for (label, _c), value in zip(measures, totals, strict=True)
        ]

        def column(name):
            return lambda q: SQL("%s.%s", SQL.identifier(q.table), SQL.identifier(name))

        sources = {
            "natural": _("Natural persons"),
            "legal": _("Legal persons"),
            "institution": _("Public institutions"),
            "unknown": _("Unidentified"),
        }
        breakdowns = [
            (_("By source"), _("Source"), self._cic_source_sql, sources),
            (
                _("By type"),
                _("Type"),
                column("cic_petition_type"),
                {
                    **self._cic_selection_labels("cic_petition_type"),
                    None: _("Not specified"),
                },
            ),
            (
                _("By channel"),
                _("Channel"),
                column("channel_id"),
                self._cic_many2one_labels("helpdesk.ticket.channel"),
            ),
            (
                _("By department"),
                _("Department"),
                column("team_id"),
                self._cic_many2one_labels("helpdesk.ticket.team"),
            ),
            (
                _("By topic"),
                _("Topic"),
                column("category_id"),
                self._cic_many2one_labels("helpdesk.ticket.category"),
            ),
        ]
        tables = [
            {
                "title": _("Overview"),
                "columns": [_("Indicator"), _("Petitions")],
                "rows": summary,
                "totals": None,
            }
        ]
        for title, first, key, labels in breakdowns:
            rows = self._cic_breakdown(domain, key, labels)
            tables.append(
                {
                    "title": title,
                    "columns": self._cic_breakdown_columns(first),
                    "rows": rows,
                    "totals": self._cic_totals(rows),
                }
            )
        company = self.env["res.company"].browse(company_id)
        return {
            "title": _("Report on the resolution of petitions (OG 27/2002 art. 13)"),
            "subtitle": _(
                "%(company)s - %(date_from)s to %(date_to)s",
                company=company.name,
                date_from=self._cic_format_value(date_from),
                date_to=self._cic_format_value(date_to),
            ),
            "sheet": _("Petitions"),
            "tables": tables,
        }
