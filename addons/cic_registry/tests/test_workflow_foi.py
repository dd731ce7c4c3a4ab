# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Public-information requests under Law 544/2001: R-544-1..8."""

import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form

from .common import d
from .workflow_common import CicWorkflowCase


class TestWorkflowFoi(CicWorkflowCase):
    def foi_request(self, **vals):
        vals.setdefault("partner_id", self.petitioner.id)
        vals.setdefault("name", "Contractul de salubrizare 2025")
        return self.create_entry("foi_request", **vals)

    def registered_days_ago(self, ticket, predicate):
        """Back-date ``ticket`` to the most recent day D (up to 60 days ago) for
        which ``predicate(ticket)`` holds; fail if there is none."""
        for offset in range(0, 60):
            self.set_registration_date(
                ticket, self.today() - datetime.timedelta(days=offset)
            )
            if predicate(ticket):
                return ticket
        self.fail("no registration date satisfies the test condition")

    # ------------------------------------------------------------------
    # R-544-1: written request fields (art. 6(3))
    # ------------------------------------------------------------------
    def test_written_request_requires_art_6_fields(self):
        no_address = self.env["res.partner"].create({"name": "Fără Adresă"})
        with self.assertRaises(ValidationError):
            self.foi_request(partner_id=no_address.id)
        with self.assertRaises(ValidationError):
            self.foi_request(cic_foi_signed=False)
        with self.assertRaises(ValidationError):
            self.foi_request(cic_foi_authority=False)
        with self.assertRaises(ValidationError):
            self.foi_request(partner_id=False, partner_name=False)
        request = self.foi_request(
            partner_id=no_address.id, cic_foi_reply_address="Str. Mare 1, Exemplu"
        )
        self.assertEqual(request.cic_foi_authority, self.env.company.name)
        self.assertEqual(
            self.foi_request().cic_foi_reply_address, self.petitioner.email
        )

    # ------------------------------------------------------------------
    # R-544-3: deadlines, refusal, extension
    # ------------------------------------------------------------------
    def test_deadline_vector_and_extension_on_last_day(self):
        request = self.set_registration_date(self.foi_request(), d(2026, 4, 1))
        # D = Wed 1 Apr 2026: refusal by Tue 7 Apr, notice by Tue 14 Apr (Easter).
        self.assertEqual(request.cic_foi_refusal_due_date, d(2026, 4, 7))
        self.assertEqual(request.cic_foi_extension_notice_due_date, d(2026, 4, 14))
        self.assertEqual(request.cic_legal_due_date, d(2026, 4, 14))
        with freeze_time("2026-04-14 09:00:00"):  # the last day of the notice
            wizard = Form(
                self.env["cic.foi.extend"]
                .with_user(self.clerk)
                .with_context(default_ticket_id=request.id)
            )
            self.assertEqual(wizard.notice_date, d(2026, 4, 14))
            wizard.reason = "Volum mare de documente de identificat."
            wizard.save().action_confirm()
        self.assertEqual(request.cic_legal_due_date, d(2026, 5, 4))
        self.assertEqual(request.cic_extension_date, d(2026, 4, 14))
        notice = self.letters(request, "extension_notice")
        self.assertEqual(notice.cic_dispatch_date, d(2026, 4, 14))
        self.assertEqual(
            notice.cic_registration_number, request.cic_registration_number
        )

    def test_extension_notice_after_ten_days_rejected(self):
        request = self.set_registration_date(self.foi_request(), d(2026, 4, 1))
        with (
            freeze_time("2026-04-15 09:00:00"),
            self.assertRaises(UserError),
        ):
            request.with_user(self.clerk)._cic_foi_extend("Volum mare")
        self.assertFalse(request.cic_extension_days)
        self.assertEqual(request.cic_legal_due_date, d(2026, 4, 14))
        self.assertFalse(request.cic_answer_ids)

    def test_extension_notice_cannot_be_back_dated(self):
        """On Mon 20 Apr 2026 the clerk sends a notice dated 14 Apr (the last
        day): the notice takes the server's date and is refused."""
        request = self.set_registration_date(self.foi_request(), d(2026, 4, 1))
        with freeze_time("2026-04-20 09:00:00"):
            wizard = (
                self.env["cic.foi.extend"]
                .with_user(self.clerk)
                .create(
                    {
                        "ticket_id": request.id,
                        "notice_date": "2026-04-14",
                        "reason": "Volum mare",
                    }
                )
            )
            with self.assertRaises(UserError):
                wizard.action_confirm()
        self.assertFalse(request.cic_extension_days)
        self.assertFalse(request.cic_extension_date)
        self.assertEqual(request.cic_legal_due_date, d(2026, 4, 14))
        self.assertFalse(self.letters(request, "extension_notice"))

    def test_refusal_in_time_personal_data(self):
        request = self.foi_request()
        wizard = Form(
            self.env["cic.foi.refuse"]
            .with_user(self.clerk)
            .with_context(default_ticket_id=request.id)
        )
        self.assertEqual(wizard.ground, "personal_data")
        wizard.reason = "Documentele conțin CNP-urile și adresele unor terți."
        wizard.save().action_confirm()
        self.assertEqual(request.cic_foi_refusal_ground, "personal_data")
        self.assertEqual(request.cic_foi_refusal_date, self.today())
        self.assertFalse(request.cic_foi_refusal_late)
        self.assertEqual(request.cic_closure_reason, "refused")
        self.assertTrue(request.stage_id.closed)
        letter = self.letters(request, "refusal")
        self.assertEqual(
            letter.cic_registration_number, request.cic_registration_number
        )
        self.assertIn("Personal data", letter.description)
        self.assertIn("art. 21", letter.description)

    def test_late_refusal_is_flagged(self):
        request = self.registered_days_ago(
            self.foi_request(),
            lambda t: t.cic_foi_refusal_due_date < self.today() <= t.cic_legal_due_date,
        )
        request.with_user(self.clerk)._cic_foi_refuse("personal_data", "Date personale")
        self.assertTrue(request.cic_foi_refusal_late)

    def test_refusal_after_answer_term_sent_and_flagged(self):
        """R-544-3: a refusal after the 5-day term (here even after the 10-day
        answer term) is sent and flagged 'refuz tardiv', not blocked."""
        # D = Wed 1 Apr 2026: refusal by Tue 7 Apr, answer by Tue 14 Apr 2026.
        request = self.set_registration_date(self.foi_request(), d(2026, 4, 1))
        with freeze_time("2026-04-20 09:00:00"):
            request.with_user(self.clerk)._cic_foi_refuse(
                "personal_data", "Date personale ale unor terți"
            )
        self.assertEqual(request.cic_foi_refusal_date, d(2026, 4, 20))
        self.assertTrue(request.cic_foi_refusal_late)
        self.assertEqual(request.cic_closure_reason, "refused")
        letter = self.letters(request, "refusal")
        self.assertEqual(len(letter), 1)
        self.assertEqual(letter.cic_dispatch_date, d(2026, 4, 20))
        self.assertTrue(
            request.message_ids.filtered(
                lambda m: "refuz tardiv" in (m.body or "") and "07.04.2026" in m.body
            )
        )

    def test_refusal_needs_reasons_and_cic(self):
        request = self.foi_request()
        with self.assertRaises(UserError):
            request.with_user(self.clerk)._cic_foi_refuse("personal_data", " ")
        with self.assertRaises(AccessError):
            request.with_user(self.staff)._cic_foi_refuse("personal_data", "Motiv")
        self.assertFalse(request.cic_foi_refusal_date)

    def test_partial_refusal_closes_with_the_answered_part(self):
        """A partial refusal is a closure of its own: the letter refuses a part,
        with its ground, and communicates the rest."""
        request = self.foi_request()
        wizard = Form(
            self.env["cic.foi.refuse"]
            .with_user(self.clerk)
            .with_context(default_ticket_id=request.id)
        )
        wizard.partial = True
        wizard.reason = "Anexele conțin date personale ale unor terți."
        with self.assertRaises(AssertionError):  # the answered part is required
            wizard.save()
        wizard.answered_part = "<p>Contractul nr. 12/2025, fără anexe.</p>"
        wizard.save().action_confirm()
        self.assertTrue(request.cic_foi_refusal_partial)
        self.assertEqual(request.cic_closure_reason, "refused_partial")
        self.assertTrue(request.stage_id.closed)
        self.assertEqual(request.cic_dispatch_date, self.today())
        self.assertTrue(request.cic_answered_in_term)
        letter = self.letters(request, "refusal")
        self.assertIn("in part", letter.description)
        self.assertIn("Contractul nr. 12/2025, fără anexe.", letter.description)
        self.assertIn("Contractul nr. 12/2025", request.cic_foi_partial_answer)

    def test_partial_refusal_needs_the_answered_part(self):
        request = self.foi_request()
        with self.assertRaises(UserError):
            request.with_user(self.clerk)._cic_foi_refuse(
                "personal_data",
                "Date personale",
                partial=True,
                answered_part="<p> </p>",
            )
        self.assertFalse(request.cic_closure_reason)
        self.assertFalse(request.cic_answer_ids)

    def test_foi_answer_dispatch_without_approvals(self):
        request = self.foi_request()
        self.prepare_answer(request, basis="Legea 544/2001 art. 7(1)")
        with self.assertRaises(AccessError):
            request.with_user(self.staff).action_cic_dispatch_answer()
        request.with_user(self.clerk).action_cic_dispatch_answer()
        self.assertEqual(request.cic_closure_reason, "answered")

    def test_refusal_only_for_foi_requests(self):
        petition = self.petition()
        with self.assertRaises(UserError):
            petition.with_user(self.clerk)._cic_foi_refuse("personal_data", "Motiv")

    # ------------------------------------------------------------------
    # R-544-4: copy fees
    # ------------------------------------------------------------------
    def test_copy_fee_from_tariff(self):
        tariff = self.env["cic.foi.copy.tariff"]
        tariff.search([("company_id", "=", self.env.company.id)]).unlink()
        a4 = tariff.create(
            {"paper_format": "a4", "colour": "bw", "price_per_page": 0.5}
        )
        a3 = tariff.create(
            {"paper_format": "a3", "colour": "bw", "price_per_page": 0.6}
        )
        request = self.foi_request(cic_foi_copy_tariff_id=a4.id, cic_foi_copy_pages=12)
        self.assertAlmostEqual(request.cic_foi_copy_fee, 6.0)
        request.cic_foi_copy_tariff_id = a3
        self.assertAlmostEqual(request.cic_foi_copy_fee, 7.2)
        request.cic_foi_copy_pages = 0
        self.assertAlmostEqual(request.cic_foi_copy_fee, 0.0)
        self.assertIn("A3", a3.name)

    # ------------------------------------------------------------------
    # R-544-7: administrative complaint (art. 21)
    # ------------------------------------------------------------------
    def complaint(self, request, complaint_type, known):
        return self.create_entry(
            "foi_complaint",
            name="Reclamație administrativă",
            cic_foi_request_id=request.id,
            cic_complaint_type=complaint_type,
            cic_complaint_known_date=known,
        )

    def test_complaint_against_refusal_in_time(self):
        request = self.foi_request()
        request.with_user(self.clerk)._cic_foi_refuse("personal_data", "Date personale")
        complaint = self.complaint(request, "refusal", request.cic_foi_refusal_date)
        registered = self.calendar.local_date(complaint.cic_registration_date)
        self.assertEqual(
            complaint.cic_legal_due_date,
            self.calendar.due_date(registered, 15, "free_days"),
        )
        self.assertEqual(
            complaint.cic_complaint_window_end,
            self.calendar.due_date(request.cic_foi_refusal_date, 30, "free_days"),
        )
        self.assertTrue(complaint.cic_complaint_in_time)
        complaint.with_user(self.clerk).action_cic_complaint_accept()
        self.assertEqual(complaint.cic_complaint_state, "accepted")
        self.assertIn(complaint, request.cic_foi_complaint_ids)
        complaint.write(
            {
                "cic_complaint_outcome": "partly",
                "cic_complaint_disciplinary": "Avertisment scris",
            }
        )
        self.assertEqual(complaint.cic_complaint_outcome, "partly")

    def test_late_complaint_cannot_be_accepted(self):
        request = self.set_registration_date(
            self.foi_request(), self.today() - datetime.timedelta(days=60)
        )
        complaint = self.complaint(
            request, "no_answer", self.today() - datetime.timedelta(days=45)
        )
        self.assertFalse(complaint.cic_complaint_in_time)
        with self.assertRaises(UserError):
            complaint.with_user(self.clerk).action_cic_complaint_accept()
        self.assertEqual(complaint.cic_complaint_state, "new")
        complaint.with_user(self.clerk).action_cic_complaint_reject_late()
        self.assertEqual(complaint.cic_complaint_state, "late")

    def test_complaint_known_date_cannot_be_typed_outside_the_terms(self):
        """The known date starts the complaint window: a date after the complaint
        (in the future) or before the request is refused."""
        request = self.set_registration_date(self.foi_request(), d(2026, 4, 1))
        with freeze_time("2026-05-04 09:00:00"):
            for known in (d(2026, 5, 20), d(2026, 3, 20)):
                with self.assertRaises(ValidationError):
                    self.env["helpdesk.ticket"].with_user(self.clerk).create(
                        {
                            "name": "Reclamație administrativă",
                            "description": "<p>Reclamație</p>",
                            "partner_id": self.petitioner.id,
                            "cic_procedure_id": self.env.ref(
                                "cic_registry.procedure_foi_complaint"
                            ).id,
                            "cic_foi_request_id": request.id,
                            "cic_complaint_type": "no_answer",
                            "cic_complaint_known_date": known,
                        }
                    )
        self.assertFalse(request.cic_foi_complaint_ids)

    def test_complaint_needs_its_request(self):
        complaint = self.create_entry("foi_complaint", name="Reclamație fără cerere")
        with self.assertRaises(UserError):
            complaint.action_cic_complaint_accept()

    def test_new_complaint_action_defaults(self):
        request = self.foi_request()
        action = request.action_cic_new_foi_complaint()
        context = action["context"]
        self.assertEqual(context["default_cic_foi_request_id"], request.id)
        self.assertEqual(context["default_cic_complaint_type"], "no_answer")

    # ------------------------------------------------------------------
    # R-544-8: litigation (art. 22)
    # ------------------------------------------------------------------
    def test_litigation_window_shown(self):
        request = self.set_registration_date(self.foi_request(), d(2026, 4, 1))
        litigation = self.env["cic.foi.litigation"].create(
            {"request_id": request.id, "filing_date": d(2026, 5, 10)}
        )
        # Answer term ends Tue 14 Apr 2026; 30 free days later: Fri 15 May 2026.
        self.assertEqual(litigation.window_end, d(2026, 5, 15))
        self.assertTrue(litigation.filed_in_window)
        litigation.filing_date = d(2026, 5, 18)
        self.assertFalse(litigation.filed_in_window)
        self.assertIn(litigation, request.cic_foi_litigation_ids)

    # ------------------------------------------------------------------
    # R-544-2: verbal requests
    # ------------------------------------------------------------------
    def test_verbal_requests_log(self):
        log = self.env["cic.foi.verbal.request"].with_user(self.clerk)
        provided = log.create({"subject": "Programul de audiențe al primarului"})
        redirected = log.create(
            {"subject": "Copia contractului de salubrizare", "outcome": "redirected"}
        )
        self.assertEqual(provided.outcome, "provided")
        self.assertEqual(provided.user_id, self.clerk)
        self.assertTrue(provided.request_datetime)
        counts = dict(
            log._read_group(
                [("id", "in", (provided | redirected).ids)], ["outcome"], ["__count"]
            )
        )
        self.assertEqual(counts, {"provided": 1, "redirected": 1})
        with self.assertRaises(AccessError):
            self.env["cic.foi.verbal.request"].with_user(self.staff).create(
                {"subject": "Fără drept"}
            )
