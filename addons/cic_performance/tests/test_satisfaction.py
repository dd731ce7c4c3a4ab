# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from .common import CicPerformanceCase


@tagged("post_install", "-at_install")
class TestSatisfaction(CicPerformanceCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.survey = cls.env.ref("cic_performance.survey_cic_closure_satisfaction")
        cls.rating_question = cls.env.ref("cic_performance.survey_cic_closure_q_rating")

    def close(self, **vals):
        ticket = self.env["helpdesk.ticket"].create(
            {
                "name": "Satisfaction entry",
                "description": "<p>x</p>",
                "partner_id": self.partner.id,
                "cic_procedure_id": self.petition.id,
                **vals,
            }
        )
        ticket.stage_id = self.closed_stage
        return ticket

    def answers(self):
        return self.env["survey.user_input"].search(
            [
                ("survey_id", "=", self.survey.id),
                ("cic_team_id", "in", (self.team_a | self.team_b).ids),
            ]
        )

    def answer(self, user_input, value):
        self.env["survey.user_input.line"].create(
            {
                "user_input_id": user_input.id,
                "question_id": self.rating_question.id,
                "answer_type": "scale",
                "value_scale": value,
            }
        )
        user_input.state = "done"

    def test_sent_on_closure_only_when_opted_in(self):
        self.close(team_id=self.team_a.id, cic_satisfaction_opt_in=False)
        self.assertFalse(self.answers())
        ticket = self.close(
            team_id=self.team_a.id,
            channel_id=self.channel_email.id,
            cic_satisfaction_opt_in=True,
        )
        answer = self.answers()
        self.assertEqual(len(answer), 1)
        self.assertTrue(ticket.cic_satisfaction_sent)
        # anonymous: dimensions only, no person
        self.assertFalse(answer.partner_id)
        self.assertFalse(answer.email)
        self.assertEqual(answer.cic_channel_id, self.channel_email)
        self.assertEqual(answer.cic_procedure_id, self.petition)
        mail = self.env["mail.mail"].search(
            [("model", "=", "survey.user_input"), ("res_id", "=", answer.id)]
        )
        self.assertEqual(mail.email_to, self.partner.email)
        self.assertIn(answer.access_token, mail.body_html)
        self.assertFalse(
            ticket.message_ids.filtered(lambda m: answer.access_token in (m.body or ""))
        )
        # closing again does not send a second survey
        ticket.stage_id = self.env["helpdesk.ticket.stage"].search(
            [("closed", "=", False)], limit=1
        )
        ticket.stage_id = self.closed_stage
        self.assertEqual(len(self.answers()), 1)

    def test_aggregation_per_department(self):
        for team in (self.team_a, self.team_a, self.team_a, self.team_b):
            self.close(team_id=team.id, cic_satisfaction_opt_in=True)
        inputs_a = self.answers().filtered(lambda a: a.cic_team_id == self.team_a)
        self.answer(inputs_a[0], 5)
        self.answer(inputs_a[1], 2)
        input_b = self.answers() - inputs_a
        self.answer(input_b, 4)
        today = self.env["cic.calendar"].today()
        kpi_a = self.kpi(today, today, team_ids=self.team_a.ids)
        self.assertAlmostEqual(kpi_a["satisfaction_avg"], 3.5)
        self.assertAlmostEqual(kpi_a["satisfaction_response_pct"], 66.67)
        kpi_b = self.kpi(today, today, team_ids=self.team_b.ids)
        self.assertAlmostEqual(kpi_b["satisfaction_avg"], 4.0)
        self.assertAlmostEqual(kpi_b["satisfaction_response_pct"], 100.0)
        groups = self.env["cic.satisfaction.report"]._read_group(
            [("team_id", "in", (self.team_a | self.team_b).ids)],
            ["team_id"],
            ["rating:avg", "sent_count:sum", "answered_count:sum"],
        )
        self.assertEqual(
            {team: (rating, sent, done) for team, rating, sent, done in groups},
            {self.team_a: (3.5, 3, 2), self.team_b: (4.0, 1, 1)},
        )
        # the report exposes no person
        self.assertFalse(
            {"partner_id", "email", "ticket_id"}
            & set(self.env["cic.satisfaction.report"]._fields)
        )
