# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The citizen rates his closed request or held audience from his portal page:
the rating is an anonymous answer of the satisfaction survey (issue 17 point 6)."""

from odoo.tests import tagged

from .common import CicPortalHttpCase


@tagged("post_install", "-at_install")
class TestRating(CicPortalHttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.closed_stage = cls.env["helpdesk.ticket.stage"].search(
            [("closed", "=", True)], limit=1
        )
        cls.survey = cls.env.ref("cic_performance.survey_cic_closure_satisfaction")
        cls.env.company.cic_satisfaction_survey_enabled = True
        cls.env.company.cic_satisfaction_survey_id = False
        cls.ticket = cls._make_request(cls.portal_a.partner_id, name="Dosar de evaluat")
        cls.official = cls._weekday_official("cic_rate_mayor", "Primar Evaluat")

    def _answers(self):
        return self.env["survey.user_input"].search(
            [("survey_id", "=", self.survey.id), ("cic_company_id", "!=", False)]
        )

    def _post(self, url, rating, login="cic_portal_a"):
        self.authenticate(login, login)
        csrf = self._csrf()
        return self.url_open(
            url,
            data={"csrf_token": csrf, "rating": rating, "comment": "Mulțumesc"},
            allow_redirects=False,
        )

    def _rate(self, ticket, rating, token=None):
        token = token or ticket.access_token
        return self._post(f"/my/requests/{ticket.id}/rate?access_token={token}", rating)

    def _held_audience(self, partner, outcome="solved"):
        return self.env["cic.audience.request"].create(
            {
                "official_id": self.official.id,
                "partner_id": partner.id,
                "subject": "Audiență de evaluat",
                "state": "done",
                "outcome": outcome,
            }
        )

    def test_open_request_cannot_be_rated(self):
        before = self._answers()
        response = self._rate(self.ticket, "5")
        self.assertIn("rating_refused", response.headers["Location"])
        self.assertEqual(self._answers(), before)
        self.assertFalse(self.ticket.cic_satisfaction_sent)

    def test_closed_request_rated_once_anonymously(self):
        self.ticket.stage_id = self.closed_stage
        before = self._answers()
        self.authenticate("cic_portal_a", "cic_portal_a")
        page = self.url_open(self.ticket.get_portal_url())
        self.assertIn("o_cic_rating_form", page.text)
        response = self._rate(self.ticket, "4")
        self.assertIn("rating_saved", response.headers["Location"])
        answer = self._answers() - before
        self.assertEqual(len(answer), 1)
        self.assertEqual(answer.state, "done")
        scale = answer.user_input_line_ids.filtered(lambda x: x.answer_type == "scale")
        self.assertEqual(scale.value_scale, 4)
        text = answer.user_input_line_ids.filtered(
            lambda x: x.answer_type == "text_box"
        )
        self.assertEqual(text.value_text_box, "Mulțumesc")
        # anonymous: the answer keeps the entry's dimensions, not the citizen
        self.assertFalse(answer.partner_id)
        self.assertFalse(answer.email)
        self.assertEqual(answer.cic_procedure_id, self.procedure_petition)
        self.assertTrue(self.ticket.cic_satisfaction_sent)
        page = self.url_open(self.ticket.get_portal_url())
        self.assertNotIn("o_cic_rating_form", page.text)
        again = self._rate(self.ticket, "1")
        self.assertIn("rating_refused", again.headers["Location"])
        self.assertEqual(self._answers() - before, answer)

    def test_rating_out_of_range_refused(self):
        self.ticket.stage_id = self.closed_stage
        before = self._answers()
        response = self._rate(self.ticket, "6")
        self.assertIn("rating_refused", response.headers["Location"])
        self.assertEqual(self._answers(), before)

    def test_switched_off_in_settings(self):
        self.ticket.stage_id = self.closed_stage
        self.ticket.company_id.cic_satisfaction_survey_enabled = False
        response = self._rate(self.ticket, "5")
        self.assertIn("rating_refused", response.headers["Location"])
        self.assertFalse(self.ticket.cic_satisfaction_sent)

    def test_other_citizen_cannot_rate(self):
        """Attack: citizen A posts a rating for B's closed request, without and
        with a made-up token: refused by the portal's access check."""
        other = self._make_request(self.portal_b.partner_id, name="Dosar străin")
        other.stage_id = self.closed_stage
        before = self._answers()
        for url in (
            f"/my/requests/{other.id}/rate",
            f"/my/requests/{other.id}/rate?access_token=forged",
        ):
            response = self._post(url, "1")
            self.assertEqual(response.headers["Location"].split("?")[0][-3:], "/my")
        self.assertEqual(self._answers(), before)
        self.assertFalse(other.cic_satisfaction_sent)

    def test_held_audience_rated_by_its_citizen(self):
        audience = self._held_audience(self.portal_a.partner_id)
        before = self._answers()
        self.authenticate("cic_portal_a", "cic_portal_a")
        page = self.url_open(f"/my/audiences/{audience.id}")
        self.assertIn("o_cic_rating_form", page.text)
        response = self._post(f"/my/audiences/{audience.id}/rate", "5")
        self.assertIn("rating_saved", response.headers["Location"])
        answer = self._answers() - before
        self.assertEqual(len(answer), 1)
        self.assertFalse(answer.partner_id)
        self.assertEqual(
            answer.cic_channel_id,
            self.env.ref("cic_registry.helpdesk_ticket_channel_audience"),
        )
        self.assertTrue(audience.cic_satisfaction_sent)

    def test_other_citizen_cannot_rate_audience(self):
        """Attack: citizen A rates B's held audience over HTTP: refused."""
        audience = self._held_audience(self.portal_b.partner_id)
        before = self._answers()
        response = self._post(f"/my/audiences/{audience.id}/rate", "1")
        self.assertEqual(response.headers["Location"].split("?")[0][-3:], "/my")
        self.assertEqual(self._answers(), before)
        self.assertFalse(audience.cic_satisfaction_sent)

    def test_no_show_cannot_be_rated(self):
        audience = self._held_audience(self.portal_a.partner_id, outcome="no_show")
        response = self._post(f"/my/audiences/{audience.id}/rate", "5")
        self.assertIn("rating_refused", response.headers["Location"])
        self.assertFalse(audience.cic_satisfaction_sent)
