# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError

from .common import TUESDAY, CicAudienceCase


class TestAudienceRegister(CicAudienceCase):
    def test_closing_needs_an_outcome(self):
        request = self._book(self._request())
        with self.assertRaisesRegex(UserError, "Record the outcome"):
            request.action_done()
        request.write({"outcome": "redirected"})
        with self.assertRaisesRegex(UserError, "redirected"):
            request.action_done()
        request.write(
            {
                "redirected_to": "Direcția de Asistență Socială",
                "documents_presented": "Copie CI, cerere",
                "minute": "<p>Cetățeanul a fost îndrumat.</p>",
            }
        )
        request.action_done()
        self.assertEqual(request.state, "done")
        register = self.env["cic.audience.request"].search(
            [("state", "=", "done"), ("official_id", "=", self.mayor.id)]
        )
        self.assertEqual(register, request)
        self.assertEqual(request.audience_date, TUESDAY)

    def test_no_show(self):
        request = self._book(self._request())
        request.action_no_show()
        self.assertEqual((request.state, request.outcome), ("done", "no_show"))

    def test_turned_into_petition_counts_from_the_audience_date(self):
        request = self._book(self._request())
        request.write({"minute": "<p>Solicită refacerea trotuarului.</p>"})
        # Written down as a petition on Thu 10 Jan 2030, after the audience.
        with freeze_time("2030-01-10 09:00:00"):
            request.action_convert_to_petition()
        ticket = request.petition_ticket_id
        petition = self.env.ref("cic_registry.procedure_petition")
        self.assertEqual(ticket.cic_procedure_id, petition)
        self.assertEqual(ticket.partner_id, self.citizen_1)
        self.assertEqual(ticket.cic_audience_request_id, request)
        # Received at an audience (R-PET-1), written down by the minute.
        self.assertEqual(
            ticket.channel_id,
            self.env.ref("cic_registry.helpdesk_ticket_channel_audience"),
        )
        self.assertTrue(ticket.cic_registration_number)
        self.assertEqual(ticket.cic_term_start_date, TUESDAY)
        self.assertEqual(ticket.cic_registration_date.date(), date(2030, 1, 10))
        # 30 free days from the audience of Tue 8 Jan 2030: 8 Jan + 31 = Fri 8 Feb
        # 2030 (from the registration it would be Mon 11 Feb).
        self.assertEqual(ticket.cic_legal_due_date, date(2030, 2, 8))
        self.assertEqual(request.outcome, "petition")
        request.action_done()
        self.assertEqual(request.state, "done")
        with self.assertRaisesRegex(UserError, "already turned into a petition"):
            request.action_convert_to_petition()

    def test_repeat_request_suggests_a_written_petition(self):
        first = self._request(subject="Groapă pe strada Mare")
        self.assertEqual(first.repeat_count, 0)
        other_person = self._request(
            partner=self.citizen_2, subject="Groapă pe strada Mare"
        )
        self.assertEqual(other_person.repeat_count, 0)
        repeat = self._request(subject="groapă pe strada mare ")
        self.assertEqual(repeat.repeat_request_ids, first)
        repeat.action_convert_to_petition()
        self.assertEqual(repeat.state, "cancel")
        self.assertEqual(repeat.outcome, "petition")
        self.assertTrue(repeat.petition_ticket_id.cic_registration_number)

    def test_draft_without_repeat_cannot_be_converted(self):
        with self.assertRaisesRegex(UserError, "Only an audience that took place"):
            self._request().action_convert_to_petition()

    def test_follow_up_activity(self):
        request = self._book(self._request())
        activity = request.activity_schedule(
            "mail.mail_activity_data_todo",
            summary="Verificare la fața locului",
            user_id=self.user_mayor.id,
        )
        Activity = self.env["mail.activity"]
        domain = [("res_model", "=", "cic.audience.request"), ("id", "=", activity.id)]
        self.assertEqual(Activity.with_user(self.user_mayor).search(domain), activity)
        self.assertEqual(Activity.with_user(self.clerk).search(domain), activity)
        self.assertFalse(Activity.with_user(self.user_deputy).search(domain))
        activity.action_feedback(feedback="Rezolvat")
        self.assertFalse(Activity.search(domain))

    def test_day_programme_report(self):
        request = self._book(self._request())
        wizard = self.env["cic.audience.day.programme"].create(
            {"date": TUESDAY, "official_ids": [(6, 0, (self.mayor | self.deputy).ids)]}
        )
        self.assertEqual(wizard._requests_of(self.mayor), request)
        self.assertFalse(wizard._requests_of(self.deputy))
        html, _fmt = self.env["ir.actions.report"]._render_qweb_html(
            "cic_audience.action_report_day_programme", wizard.ids
        )
        self.assertIn(request.cic_registration_number.encode(), html)
        self.assertIn(b"10:00", html)

    def test_share_solved_in_audience(self):
        """R-AUD-5: the average of solved_percent over the register is the share
        of the audiences held that were solved in audience (a no-show is not an
        audience held)."""
        outcomes = ["solved", "solved", "redirected", "no_show"]
        requests = self.env["cic.audience.request"]
        slots = [(8, 0), (8, 30), (9, 0), (9, 30)]
        for (hour, minute), outcome in zip(slots, outcomes, strict=True):
            request = self._book(
                self._request(official=self.deputy, subject=outcome),
                hour=hour,
                minute=minute,
            )
            request.write({"outcome": outcome, "redirected_to": "Urbanism"})
            request.action_done()
            requests |= request
        groups = self.env["cic.audience.request"]._read_group(
            [("id", "in", requests.ids)], ["official_id"], ["solved_percent:avg"]
        )
        self.assertEqual(groups, [(self.deputy, 66.67)])
