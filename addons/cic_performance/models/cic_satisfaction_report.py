# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Anonymous satisfaction aggregates: one row per survey invitation or answer.

No partner, e-mail or registry entry is exposed: only the survey, the dimensions of
the closed entry (department, channel, procedure) and the 1-5 rating.
"""

from odoo import fields, models, tools
from odoo.tools import SQL


class CicSatisfactionReport(models.Model):
    _name = "cic.satisfaction.report"
    _description = "CIC citizen satisfaction (anonymous)"
    _auto = False
    _order = "sent_date desc"

    survey_id = fields.Many2one("survey.survey", readonly=True)
    kind = fields.Selection(
        selection=[("closure", "On closure"), ("campaign", "Campaign")],
        readonly=True,
    )
    company_id = fields.Many2one("res.company", readonly=True)
    team_id = fields.Many2one(
        "helpdesk.ticket.team", string="Department", readonly=True
    )
    channel_id = fields.Many2one("helpdesk.ticket.channel", readonly=True)
    procedure_id = fields.Many2one("cic.procedure", readonly=True)
    sent_date = fields.Date(readonly=True)
    sent_count = fields.Integer(string="Surveys sent", readonly=True)
    answered_count = fields.Integer(string="Answers", readonly=True)
    response_rate = fields.Float(
        string="Response rate (%)", readonly=True, aggregator="avg"
    )
    rating = fields.Float(string="Average rating", readonly=True, aggregator="avg")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE VIEW %s AS (
                    SELECT ui.id AS id,
                           ui.survey_id AS survey_id,
                           s.cic_satisfaction_kind AS kind,
                           COALESCE(ui.cic_company_id, tm.company_id) AS company_id,
                           ui.cic_team_id AS team_id,
                           ui.cic_channel_id AS channel_id,
                           ui.cic_procedure_id AS procedure_id,
                           COALESCE(ui.cic_sent_date, ui.create_date::date)
                               AS sent_date,
                           1 AS sent_count,
                           (ui.state = 'done')::int AS answered_count,
                           CASE WHEN ui.state = 'done' THEN 100.0 ELSE 0.0 END
                               AS response_rate,
                           rating.value AS rating
                      FROM survey_user_input ui
                      JOIN survey_survey s ON s.id = ui.survey_id
                      LEFT JOIN helpdesk_ticket_team tm ON tm.id = ui.cic_team_id
                      LEFT JOIN LATERAL (
                          SELECT avg(l.value_scale)::float AS value
                            FROM survey_user_input_line l
                           WHERE l.user_input_id = ui.id
                             AND l.answer_type = 'scale'
                             AND NOT COALESCE(l.skipped, FALSE)
                      ) rating ON ui.state = 'done'
                     WHERE s.cic_satisfaction_kind IS NOT NULL
                       AND NOT COALESCE(ui.test_entry, FALSE)
                )
                """,
                SQL.identifier(self._table),
            )
        )
