# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""One satisfaction measure (issue 17 point 6): a rating given on the portal, an
e-mailed survey and a held audience all end as anonymous answers of the closure
survey, which the manual's satisfaction indicator averages."""

from freezegun import freeze_time

from odoo.tests import tagged

from .common import CicPerformanceCase, d


@tagged("post_install", "-at_install")
class TestSatisfactionRating(CicPerformanceCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.survey = cls.env.ref("cic_performance.survey_cic_closure_satisfaction")
        cls.env.company.write(
            {
                "cic_satisfaction_survey_enabled": True,
                "cic_satisfaction_survey_id": False,
            }
        )
        mayor = cls.env["res.users"].create(
            {"name": "Primar Test Satisfacție", "login": "cic_sat_mayor"}
        )
        cls.official = cls.env["cic.audience.official"].create(
            {"user_id": mayor.id, "slot_duration": 30}
        )

    def closed_entry(self, team):
        ticket = self.entry(d(2026, 3, 2), d(2026, 4, 1), team=team)
        ticket.stage_id = self.closed_stage
        return ticket

    def held_audience(self, **vals):
        return self.env["cic.audience.request"].create(
            {
                "official_id": self.official.id,
                "partner_id": self.partner.id,
                "subject": "Audiență",
                **vals,
            }
        )

    @freeze_time("2026-03-10 10:00:00")
    def test_portal_ratings_feed_the_indicator(self):
        self.closed_entry(self.team_a)._cic_rate(5, "Foarte bine")
        self.closed_entry(self.team_a)._cic_rate(2)
        self.closed_entry(self.team_b)._cic_rate(4)
        kpi_a = self.kpi(d(2026, 3, 1), d(2026, 3, 31), team_ids=self.team_a.ids)
        self.assertAlmostEqual(kpi_a["satisfaction_avg"], 3.5)
        self.assertAlmostEqual(kpi_a["satisfaction_response_pct"], 100.0)
        kpi_all = self.kpi(d(2026, 3, 1), d(2026, 3, 31))
        self.assertAlmostEqual(kpi_all["satisfaction_avg"], 3.67)
        # another month counts nothing
        self.assertFalse(self.kpi(d(2026, 4, 1), d(2026, 4, 30))["satisfaction_avg"])
        # the manual's indicator reads the same figure
        indicator = self.env.ref("cic_performance.indicator_satisfaction_avg")
        value = indicator._cic_compute_value(
            d(2026, 3, 1), d(2026, 3, 31), self.env.company
        )
        self.assertGreater(value, 0)

    @freeze_time("2026-03-10 10:00:00")
    def test_rated_once_and_only_when_closed(self):
        ticket = self.entry(d(2026, 3, 2), d(2026, 4, 1))
        self.assertFalse(ticket._cic_rate(5))
        ticket.stage_id = self.closed_stage
        self.assertFalse(ticket._cic_rate(7))
        self.assertFalse(ticket._cic_rate("x"))
        answer = ticket._cic_rate("3")
        self.assertFalse(answer.partner_id)
        self.assertEqual(answer.cic_team_id, self.team_a)
        self.assertEqual(answer.cic_sent_date, d(2026, 3, 10))
        self.assertTrue(ticket.cic_satisfaction_sent)
        self.assertFalse(ticket._cic_rate(4))

    def test_switched_off_in_settings(self):
        ticket = self.closed_entry(self.team_a)
        self.env.company.cic_satisfaction_survey_enabled = False
        self.assertFalse(ticket._cic_can_rate())
        self.assertFalse(ticket._cic_rate(5))

    def test_held_audience_survey_sent_to_who_opted_in(self):
        Answer = self.env["survey.user_input"]
        before = Answer.search([])
        not_asked = self.held_audience()
        not_asked.write({"state": "done", "outcome": "solved"})
        self.assertEqual(Answer.search([]), before)
        audience = self.held_audience(cic_satisfaction_opt_in=True)
        audience.write({"outcome": "solved"})
        audience.write({"state": "done"})
        answer = Answer.search([]) - before
        self.assertEqual(len(answer), 1)
        self.assertFalse(answer.partner_id)
        self.assertEqual(
            answer.cic_procedure_id,
            self.env.ref("cic_registry.procedure_audience_request"),
        )
        mail = self.env["mail.mail"].search(
            [("model", "=", "survey.user_input"), ("res_id", "=", answer.id)]
        )
        self.assertEqual(mail.email_to, self.partner.email)
        self.assertTrue(audience.cic_satisfaction_sent)
        self.assertFalse(audience._cic_can_rate())

    def test_no_show_is_not_rated(self):
        audience = self.held_audience(cic_satisfaction_opt_in=True)
        audience.write({"outcome": "no_show"})
        audience.write({"state": "done"})
        self.assertFalse(audience.cic_satisfaction_sent)
        self.assertFalse(audience._cic_can_rate())
