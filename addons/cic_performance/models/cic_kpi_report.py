# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Operational indicators of the registry: one row per registry entry.

The view is a reporting model (``_auto = False``) built in ``init()``. Its measures are
0/1 counters (summed) and 0/100 rates (averaged, so that the pivot shows percentages
directly); ``days_to_answer`` is averaged. Medians and percentiles are computed by
``cic.kpi.service`` with ``percentile_cont`` on the same view.

The workflow flags (extension, forwarding, classing, joining, 544 refusal and
complaint) come from fields that other addons add to ``helpdesk.ticket``; they are
looked up by name in ``_cic_flag_sources`` and become constant 0 until the field
exists, so the view keeps installing while the registry grows. Updating this addon
rebuilds the view with the fields found.
"""

from odoo import api, fields, models, tools
from odoo.tools import SQL

#: Time zone of the institution: registry days are counted in local time.
CIC_TZ = "Europe/Bucharest"


class CicKpiReport(models.Model):
    _name = "cic.kpi.report"
    _description = "CIC operational indicators"
    _auto = False
    _order = "registration_date desc, id desc"
    _rec_name = "ticket_id"

    ticket_id = fields.Many2one(
        "helpdesk.ticket", string="Registry entry", readonly=True
    )
    company_id = fields.Many2one("res.company", readonly=True)
    team_id = fields.Many2one(
        "helpdesk.ticket.team", string="Department", readonly=True
    )
    channel_id = fields.Many2one("helpdesk.ticket.channel", readonly=True)
    procedure_id = fields.Many2one("cic.procedure", readonly=True)
    user_id = fields.Many2one("res.users", string="Official", readonly=True)
    registration_date = fields.Date(readonly=True)
    semester = fields.Char(readonly=True, help="Year and half-year, e.g. 2026-S1.")
    answer_date = fields.Date(readonly=True)
    legal_due_date = fields.Date(readonly=True)
    target_due_date = fields.Date(string="Internal target date", readonly=True)
    entry_count = fields.Integer(string="Entries", readonly=True)
    answered_count = fields.Integer(string="Answered", readonly=True)
    open_count = fields.Integer(string="Open", readonly=True)
    overdue_count = fields.Integer(string="Overdue now", readonly=True)
    in_term_count = fields.Integer(string="Answered in legal term", readonly=True)
    late_count = fields.Integer(string="Answered late", readonly=True)
    in_term_rate = fields.Float(
        string="% in legal term", readonly=True, aggregator="avg"
    )
    in_target_rate = fields.Float(
        string="% within internal target", readonly=True, aggregator="avg"
    )
    days_to_answer = fields.Float(
        string="Days to answer (average)", readonly=True, aggregator="avg"
    )
    extended_count = fields.Integer(string="Extensions", readonly=True)
    forwarded_count = fields.Integer(string="Forwarded", readonly=True)
    classed_count = fields.Integer(string="Classed", readonly=True)
    withdrawn_count = fields.Integer(string="Withdrawn", readonly=True)
    joined_count = fields.Integer(string="Joined", readonly=True)
    refused_544_count = fields.Integer(string="544 refusals", readonly=True)
    refused_partial_count = fields.Integer(
        string="Partial refusals",
        readonly=True,
        help="Refused in part, the rest answered: not a full answer.",
    )
    complaint_544_count = fields.Integer(string="544 complaints", readonly=True)
    phone_line_count = fields.Integer(
        string="Citizen's phone line",
        readonly=True,
        help="Received on the citizen's phone line (R-KPI-3).",
    )

    # ------------------------------------------------------------------
    # Sources of the workflow flags
    # ------------------------------------------------------------------
    @api.model
    def _cic_flag_sources(self):
        """Candidate ``helpdesk.ticket`` fields for each workflow flag.

        Each candidate is a field name (true when set / not null) or a
        ``(field name, value)`` pair (true when the field equals the value). The first
        candidate that is a stored field of ``helpdesk.ticket`` is used. Override to
        add names.
        """
        return {
            "extended": ["cic_extension_date", "cic_extended", "cic_is_extended"],
            "forwarded": [
                "cic_forward_date",
                "cic_forwarded",
                "cic_forwarded_to",
                "cic_is_forwarded",
            ],
            "classed": [("cic_closure_reason", ("anonymous", "identical"))],
            "withdrawn": [("cic_closure_reason", "withdrawn")],
            "joined": [
                "cic_joined_to_id",
                "cic_join_parent_id",
                "cic_joined",
                "cic_is_joined",
            ],
            "refused_544": ["cic_foi_refusal_date"],
            "refused_partial": [("cic_closure_reason", "refused_partial")],
            "complaint_544": [("cic_procedure_id", "foi_complaint")],
        }

    @api.model
    def _cic_ticket_field(self, name):
        field = self.env["helpdesk.ticket"]._fields.get(name)
        return field if field is not None and field.store else None

    @api.model
    def _cic_flag_sql(self, candidates):
        """SQL boolean for the first candidate field found, else FALSE."""
        for candidate in candidates:
            name, value = (
                candidate if isinstance(candidate, tuple) else (candidate, None)
            )
            field = self._cic_ticket_field(name)
            if field is None or field.type in ("one2many", "many2many"):
                continue
            column = SQL.identifier("t", name)
            if name == "cic_procedure_id" and value is not None:
                return SQL(
                    "COALESCE(%s IN (SELECT id FROM cic_procedure WHERE code = %s), "
                    "FALSE)",
                    column,
                    value,
                )
            if isinstance(value, tuple):
                return SQL("COALESCE(%s IN %s, FALSE)", column, value)
            if value is not None:
                return SQL("COALESCE(%s = %s, FALSE)", column, value)
            if field.type == "boolean":
                return SQL("COALESCE(%s, FALSE)", column)
            return SQL("(%s IS NOT NULL)", column)
        return SQL("FALSE")

    @api.model
    def _cic_column_or_null(self, name, sql_type):
        if self._cic_ticket_field(name) is not None:
            return SQL.identifier("t", name)
        return SQL("NULL::%s", SQL(sql_type))

    @api.model
    def _cic_unless_kpi_excluded(self, due_sql):
        """No deadline for entries the registry excludes from the deadline KPI
        (classed anonymous or identical, redirected: R-PET-2), so they count neither
        in term, late nor overdue."""
        if self._cic_ticket_field("cic_kpi_excluded") is None:
            return due_sql
        return SQL("CASE WHEN t.cic_kpi_excluded THEN NULL ELSE %s END", due_sql)

    @api.model
    def _cic_answer_day_sql(self):
        """Answer day: the dispatch date of the register when set, else closing."""
        closed = self._cic_local_day(SQL("t.closed_date"))
        if self._cic_ticket_field("cic_dispatch_date") is not None:
            return SQL("COALESCE(t.cic_dispatch_date, %s)", closed)
        return closed

    @api.model
    def _cic_local_day(self, timestamp_sql):
        return SQL("(timezone(%s, timezone('UTC', %s)))::date", CIC_TZ, timestamp_sql)

    @api.model
    def _cic_phone_line_sql(self):
        """Received on the citizen's phone line: a channel flagged as such
        (R-KPI-3; its number is a company setting)."""
        return SQL(
            "COALESCE((SELECT c.cic_phone_line FROM helpdesk_ticket_channel c "
            "WHERE c.id = t.channel_id), FALSE)"
        )

    @api.model
    def _cic_incoming_sql(self):
        """Only incoming documents are requests to answer."""
        if self._cic_ticket_field("cic_direction") is not None:
            # Not COALESCE(...) = 'incoming': PostgreSQL cannot estimate an
            # expression and guessed 0.5 % of the rows, which made it join the view
            # with its record-rule subselect row by row (13 s for one commune of a
            # county database); plain column tests use the column's statistics.
            return SQL("(t.cic_direction IS NULL OR t.cic_direction = 'incoming')")
        return SQL("TRUE")

    # ------------------------------------------------------------------
    # View
    # ------------------------------------------------------------------
    @api.model
    def _cic_query(self):
        flags = {
            key: self._cic_flag_sql(candidates)
            for key, candidates in self._cic_flag_sources().items()
        }
        registration = self._cic_local_day(
            SQL(
                "COALESCE(%s, t.create_date)",
                self._cic_column_or_null("cic_registration_date", "timestamp"),
            )
        )
        answer = self._cic_answer_day_sql()
        today = SQL("(timezone(%s, now()))::date", CIC_TZ)
        procedure_id = self._cic_column_or_null("cic_procedure_id", "integer")
        return SQL(
            """
            WITH base AS (
                SELECT t.id AS id,
                       t.company_id AS company_id,
                       t.team_id AS team_id,
                       t.channel_id AS channel_id,
                       %(procedure_id)s AS procedure_id,
                       t.user_id AS user_id,
                       %(registration)s AS registration_date,
                       %(answer)s AS answer_date,
                       %(legal_due)s AS legal_due_date,
                       %(target_due)s AS target_due_date,
                       %(extended)s AS extended,
                       %(forwarded)s AS forwarded,
                       %(classed)s AS classed,
                       %(withdrawn)s AS withdrawn,
                       %(joined)s AS joined,
                       %(refused_544)s AS refused_544,
                       %(refused_partial)s AS refused_partial,
                       %(complaint_544)s AS complaint_544,
                       %(phone_line)s AS phone_line
                  FROM helpdesk_ticket t
                 WHERE t.active AND %(incoming)s
            )
            SELECT id,
                   id AS ticket_id,
                   company_id, team_id, channel_id, procedure_id, user_id,
                   registration_date,
                   to_char(registration_date, 'YYYY') || '-S'
                       || CASE WHEN extract(month FROM registration_date) <= 6
                               THEN '1' ELSE '2' END AS semester,
                   answer_date, legal_due_date, target_due_date,
                   1 AS entry_count,
                   (answer_date IS NOT NULL
                    AND NOT (withdrawn OR classed OR forwarded OR refused_partial)
                   )::int AS answered_count,
                   (answer_date IS NULL)::int AS open_count,
                   (answer_date IS NULL AND legal_due_date < %(today)s)::int
                       AS overdue_count,
                   (answer_date <= legal_due_date)::int AS in_term_count,
                   (answer_date > legal_due_date)::int AS late_count,
                   CASE WHEN answer_date IS NULL OR legal_due_date IS NULL THEN NULL
                        WHEN answer_date <= legal_due_date THEN 100.0 ELSE 0.0
                   END AS in_term_rate,
                   CASE WHEN answer_date IS NULL OR target_due_date IS NULL THEN NULL
                        WHEN answer_date <= target_due_date THEN 100.0 ELSE 0.0
                   END AS in_target_rate,
                   CASE WHEN NOT (withdrawn OR classed OR forwarded)
                        THEN (answer_date - registration_date)::float
                   END AS days_to_answer,
                   extended::int AS extended_count,
                   forwarded::int AS forwarded_count,
                   classed::int AS classed_count,
                   withdrawn::int AS withdrawn_count,
                   joined::int AS joined_count,
                   refused_544::int AS refused_544_count,
                   refused_partial::int AS refused_partial_count,
                   complaint_544::int AS complaint_544_count,
                   phone_line::int AS phone_line_count
              FROM base
            """,
            procedure_id=procedure_id,
            registration=registration,
            answer=answer,
            legal_due=self._cic_unless_kpi_excluded(
                self._cic_column_or_null("cic_legal_due_date", "date")
            ),
            target_due=self._cic_unless_kpi_excluded(
                self._cic_column_or_null("cic_internal_due_date", "date")
            ),
            incoming=self._cic_incoming_sql(),
            phone_line=self._cic_phone_line_sql(),
            today=today,
            **flags,
        )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (%s)",
                SQL.identifier(self._table),
                self._cic_query(),
            )
        )

    def action_open_ticket(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "helpdesk.ticket",
            "res_id": self.ticket_id.id,
            "view_mode": "form",
        }
