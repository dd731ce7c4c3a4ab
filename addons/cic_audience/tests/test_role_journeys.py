# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 16 point 5: the mayor sees his audience day and runs it himself, in the
browser, logged in as himself; the deputy mayor can neither see nor close it."""

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from .common import NEXT_TUESDAY, TUESDAY, CicAudienceCase

DAY_PROGRAMME = "cic_audience.report_day_programme"


@tagged("post_install", "-at_install")
class TestMayorAudienceDay(HttpCase, CicAudienceCase):
    def setUp(self):
        super().setUp()
        self.road = self._book(
            self._request(subject="Tur audiență: drum comunal"), TUESDAY, 8
        )
        self.parking = self._book(
            self._request(
                partner=self.citizen_2, subject="Tur audiență: loc de parcare"
            ),
            TUESDAY,
            8,
            30,
        )
        self.other_day = self._book(
            self._request(subject="Tur audiență: altă zi"), NEXT_TUESDAY, 8
        )
        self.deputy_audience = self._book(
            self._request(official=self.deputy, subject="Tur audiență viceprimar"),
            TUESDAY,
            8,
        )

    def test_mayor_sees_his_day(self):
        programme = (
            self.env["cic.audience.day.programme"]
            .with_user(self.user_mayor)
            .create({"date": TUESDAY})
        )
        self.assertEqual(programme._requests_of(self.mayor), self.road | self.parking)
        # the deputy's audiences of the same day are not his to see
        self.assertFalse(programme._requests_of(self.deputy))
        # His Print of the day's programme: the report route as him, and its PDF
        # rendered with his rights (see CicJourneyCase.print_as for why not both
        # over HTTP).
        self.authenticate(self.user_mayor.login, self.user_mayor.login)
        response = self.url_open(f"/report/html/{DAY_PROGRAMME}/{programme.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Tur audiență: drum comunal", response.text)
        self.assertIn("Tur audiență: loc de parcare", response.text)
        self.assertNotIn("Tur audiență viceprimar", response.text)
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_user(self.user_mayor)
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(DAY_PROGRAMME, programme.ids)
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF-"))

    def test_mayor_runs_his_audience_day(self):
        self.start_tour(
            "/odoo/action-cic_audience.cic_audience_request_action",
            "cic_audience_mayor_day_tour",
            login=self.user_mayor.login,
        )
        self.assertEqual(self.road.state, "done")
        self.assertEqual(self.road.outcome, "solved")
        self.assertIn("martie", self.road.minute)
        self.assertEqual(self.road.write_uid, self.user_mayor)
        self.assertEqual(self.parking.state, "done")
        self.assertEqual(self.parking.outcome, "no_show")
        self.assertEqual(self.other_day.state, "scheduled")

    def test_deputy_cannot_run_the_mayors_day(self):
        Request = self.env["cic.audience.request"].with_user(self.user_deputy)
        self.assertFalse(Request.search([("id", "=", self.road.id)]))
        with self.assertRaises(AccessError):
            self.road.with_user(self.user_deputy).write({"outcome": "solved"})
        with self.assertRaises(AccessError):
            self.road.with_user(self.user_deputy).action_done()
        self.assertEqual(self.road.state, "scheduled")
