# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Petitions under OG 27/2002: R-PET-1..10."""

import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form

from .common import d
from .workflow_common import CicWorkflowCase


class TestWorkflowPetition(CicWorkflowCase):
    # ------------------------------------------------------------------
    # R-PET-1, R-PET-2: type, identification, anonymous petitions
    # ------------------------------------------------------------------
    def test_petition_type_and_identification(self):
        ticket = self.petition(cic_petition_type="proposal")
        self.assertEqual(ticket.cic_petition_type, "proposal")
        self.assertTrue(ticket.cic_identified)
        email_only = self.env["res.partner"].create(
            {"name": "Anonim", "email": "anonim@example.com"}
        )
        unidentified = self.petition(partner_id=email_only.id)
        self.assertFalse(unidentified.cic_identified, "name + e-mail is not enough")
        no_partner = self.petition(partner_id=False)
        self.assertFalse(no_partner.cic_identified)

    def test_anonymous_petition_classed_without_answer(self):
        anonymous = self.petition(partner_id=False)
        with self.assertRaises(UserError):
            anonymous.with_user(self.clerk)._cic_assign(self.team, self.staff, False)
        anonymous.with_user(self.clerk).action_cic_class_anonymous()
        self.assertEqual(anonymous.cic_closure_reason, "anonymous")
        self.assertTrue(anonymous.cic_kpi_excluded)
        self.assertTrue(anonymous.stage_id.closed)
        self.assertFalse(anonymous.activity_ids, "no answer task")
        self.assertFalse(anonymous.cic_answer_ids, "no letter is sent")

    def test_identified_petition_cannot_be_classed_anonymous(self):
        ticket = self.petition()
        with self.assertRaises(UserError):
            ticket.with_user(self.clerk).action_cic_class_anonymous()
        self.assertFalse(ticket.cic_closure_reason)
        self.assertFalse(ticket.cic_kpi_excluded)

    def test_only_cic_classes_anonymous(self):
        anonymous = self.petition(partner_id=False)
        with self.assertRaises(AccessError):
            anonymous.with_user(self.staff).action_cic_class_anonymous()
        self.assertFalse(anonymous.cic_closure_reason)

    # ------------------------------------------------------------------
    # R-PET-5: forwarding (art. 6^1)
    # ------------------------------------------------------------------
    def test_forward_due_date_vector(self):
        ticket = self.set_registration_date(self.petition(), d(2026, 3, 2))
        # D = Mon 2 Mar 2026, free days: Sun 8 Mar rolls to Mon 9 Mar 2026.
        self.assertEqual(ticket.cic_forward_due_date, d(2026, 3, 9))

    def test_forward_generates_both_letters(self):
        ticket = self.petition(name="Iluminat public pe drumul județean")
        wizard = Form(
            self.env["cic.petition.forward"]
            .with_user(self.clerk)
            .with_context(default_ticket_id=ticket.id)
        )
        wizard.authority_id = self.authority
        wizard.reason = "Drumul județean este administrat de Consiliul Județean."
        wizard.save().action_confirm()
        self.assertEqual(ticket.cic_closure_reason, "redirected")
        self.assertTrue(ticket.stage_id.closed)
        self.assertTrue(ticket.cic_kpi_excluded)
        self.assertEqual(ticket.cic_forwarded_to_id, self.authority)
        self.assertEqual(ticket.cic_forward_date, self.today())
        self.assertFalse(ticket.cic_forward_late)
        letter = self.letters(ticket, "forward_letter")
        notice = self.letters(ticket, "forward_notice")
        self.assertEqual(len(letter), 1)
        self.assertEqual(len(notice), 1)
        self.assertEqual(letter.partner_id, self.authority)
        self.assertEqual(notice.partner_id, self.petitioner)
        for outgoing in letter | notice:
            self.assertEqual(outgoing.cic_direction, "outgoing")
            self.assertEqual(
                outgoing.cic_registration_number, ticket.cic_registration_number
            )
            self.assertEqual(outgoing.cic_dispatch_date, self.today())
        self.assertIn(ticket.cic_registration_number, letter.description)
        self.assertIn("Consiliul Județean Exemplu", notice.description)

    def test_forward_after_five_days_is_flagged_late(self):
        ticket = self.set_registration_date(
            self.petition(), self.today() - datetime.timedelta(days=30)
        )
        ticket.with_user(self.clerk)._cic_forward(self.authority)
        self.assertTrue(ticket.cic_forward_late)
        self.assertEqual(ticket.cic_closure_reason, "redirected")

    def test_forward_only_by_cic(self):
        ticket = self.petition()
        with self.assertRaises(AccessError):
            ticket.with_user(self.staff)._cic_forward(self.authority)
        self.assertFalse(ticket.cic_closure_reason)
        self.assertFalse(ticket.cic_answer_ids)

    # ------------------------------------------------------------------
    # R-PET-3, R-PET-4: deadline and extension (art. 8, art. 9)
    # ------------------------------------------------------------------
    def test_extension_by_head_fifteen_days(self):
        ticket = self.petition()
        registered = self.calendar.local_date(ticket.cic_registration_date)
        self.assertEqual(
            ticket.cic_legal_due_date,
            self.calendar.due_date(registered, 30, "free_days"),
        )
        wizard = Form(
            self.env["cic.petition.extend"]
            .with_user(self.secretary)
            .with_context(default_ticket_id=ticket.id)
        )
        self.assertEqual(wizard.days, 15)
        self.assertEqual(
            wizard.new_due_date, self.calendar.due_date(registered, 45, "free_days")
        )
        wizard.save().action_confirm()
        self.assertEqual(ticket.cic_extension_days, 15)
        self.assertEqual(
            ticket.cic_legal_due_date,
            self.calendar.due_date(registered, 45, "free_days"),
        )
        self.assertEqual(ticket.cic_extended_by_id, self.secretary)
        self.assertTrue(ticket.cic_extension_reason)
        notice = self.letters(ticket, "extension_notice")
        self.assertEqual(len(notice), 1)
        self.assertEqual(notice.partner_id, self.petitioner)
        self.assertIn(
            ticket.cic_legal_due_date.strftime("%d.%m.%Y"), notice.description
        )
        # At most once.
        with self.assertRaises(UserError):
            ticket.with_user(self.secretary)._cic_extend_petition(5, "Din nou")

    def test_extension_shorter_than_fifteen_days(self):
        ticket = self.set_registration_date(self.petition(), self.today())
        ticket.with_user(self.secretary)._cic_extend_petition(10, "Cercetare")
        self.assertEqual(
            ticket.cic_legal_due_date,
            self.calendar.due_date(self.today(), 40, "free_days"),
        )

    def test_extension_keeps_the_days_granted(self):
        """Registered Mon 2 Mar 2026, extended on Fri 20 Mar by 5 days: due
        2 Mar + 36 = Tue 7 Apr 2026, and the basis names the 35 days running."""
        ticket = self.set_registration_date(self.petition(), datetime.date(2026, 3, 2))
        # 2 Mar + 31 = Thu 2 Apr 2026 (R-CAL-5)
        self.assertEqual(ticket.cic_legal_due_date, datetime.date(2026, 4, 2))
        with freeze_time("2026-03-20 09:00:00"):
            wizard = Form(
                self.env["cic.petition.extend"]
                .with_user(self.secretary)
                .with_context(default_ticket_id=ticket.id)
            )
            wizard.days = 5
            self.assertEqual(wizard.new_due_date, datetime.date(2026, 4, 7))
            wizard.save().action_confirm()
        self.assertEqual(ticket.cic_legal_due_date, datetime.date(2026, 4, 7))
        self.assertIn("35", ticket.cic_due_basis)
        self.assertNotIn("45", ticket.cic_due_basis)

    def test_extension_refused_to_non_head(self):
        ticket = self.petition()
        due = ticket.cic_legal_due_date
        for user in (self.clerk, self.head):
            with self.assertRaises(AccessError):
                ticket.with_user(user)._cic_extend_petition(15, "Cercetare")
        self.assertFalse(ticket.cic_extension_days)
        self.assertEqual(ticket.cic_legal_due_date, due)

    def test_extension_over_fifteen_days_rejected(self):
        ticket = self.petition()
        with self.assertRaises(UserError):
            ticket.with_user(self.secretary)._cic_extend_petition(16, "Cercetare")
        self.assertFalse(ticket.cic_extension_days)
        self.assertFalse(ticket.cic_answer_ids)

    def test_extension_after_due_date_rejected(self):
        ticket = self.set_registration_date(
            self.petition(), self.today() - datetime.timedelta(days=60)
        )
        due = ticket.cic_legal_due_date
        self.assertLess(due, self.today())
        with self.assertRaises(UserError):
            ticket.with_user(self.secretary)._cic_extend_petition(15, "Cercetare")
        self.assertFalse(ticket.cic_extension_days)
        self.assertEqual(ticket.cic_legal_due_date, due)
        self.assertFalse(ticket.cic_answer_ids, "no notice letter left behind")

    # ------------------------------------------------------------------
    # R-PET-6, R-PET-10: assignment
    # ------------------------------------------------------------------
    def test_assignment_with_internal_due_date(self):
        ticket = self.petition()
        wizard = Form(
            self.env["cic.petition.assign"]
            .with_user(self.clerk)
            .with_context(default_ticket_id=ticket.id)
        )
        wizard.team_id = self.team
        wizard.user_id = self.staff
        expected = self.calendar.add_working_days(ticket.cic_legal_due_date, -2)
        self.assertEqual(wizard.internal_due_date, expected)
        wizard.save().action_confirm()
        self.assertEqual(ticket.user_id, self.staff)
        self.assertEqual(ticket.cic_internal_due_date, expected)
        activity = ticket.activity_ids.filtered(lambda a: a.user_id == self.staff)
        self.assertEqual(activity.date_deadline, expected)

    def test_internal_due_date_after_legal_due_rejected(self):
        ticket = self.petition()
        late = ticket.cic_legal_due_date + datetime.timedelta(days=1)
        with self.assertRaises(UserError):
            ticket.with_user(self.clerk)._cic_assign(self.team, self.staff, late)
        self.assertNotEqual(ticket.user_id, self.staff)

    def test_criticised_employee_needs_head_override(self):
        ticket = self.petition(cic_criticised_user_ids=[(6, 0, self.staff.ids)])
        with self.assertRaises(UserError):
            ticket.with_user(self.clerk)._cic_assign(self.team, self.staff, False)
        with self.assertRaises(AccessError):
            ticket.with_user(self.clerk)._cic_assign(
                self.team, self.staff, False, override=True
            )
        self.assertNotEqual(ticket.user_id, self.staff)
        ticket.with_user(self.secretary)._cic_assign(
            self.team, self.staff, False, override=True
        )
        self.assertEqual(ticket.user_id, self.staff)
        self.assertEqual(ticket.cic_criticised_override_id, self.secretary)
        # Another employee needs no override.
        other = self.petition(cic_criticised_user_ids=[(6, 0, self.staff.ids)])
        other.with_user(self.clerk)._cic_assign(self.team, self.head, False)
        self.assertEqual(other.user_id, self.head)
        self.assertFalse(other.cic_criticised_override_id)

    def test_assign_wizard_shows_criticised_warning(self):
        ticket = self.petition(cic_criticised_user_ids=[(6, 0, self.staff.ids)])
        wizard = Form(
            self.env["cic.petition.assign"]
            .with_user(self.clerk)
            .with_context(default_ticket_id=ticket.id)
        )
        wizard.user_id = self.staff
        self.assertTrue(wizard.criticised)
        wizard.user_id = self.head
        self.assertFalse(wizard.criticised)

    # ------------------------------------------------------------------
    # R-PET-7: joining (art. 10(1))
    # ------------------------------------------------------------------
    def test_join_suggested_for_same_petitioner_and_subject(self):
        first = self.petition(name="Groapă în asfalt pe strada Libertății")
        second = self.petition(
            name="Asfalt deteriorat pe strada Libertății, groapă mare"
        )
        unrelated = self.petition(name="Program de funcționare al bibliotecii")
        self.assertIn(first, second.cic_join_suggestion_ids)
        self.assertNotIn(unrelated, second.cic_join_suggestion_ids)
        stranger = self.env["res.partner"].create(
            {"name": "Vasile Ionescu", "street": "Str. Florilor 2", "city": "Exemplu"}
        )
        other = self.petition(
            partner_id=stranger.id, name="Groapă în asfalt pe strada Libertății"
        )
        self.assertNotIn(first, other.cic_join_suggestion_ids)

    def test_join_suggested_by_cnp(self):
        twin_a = self.env["res.partner"].create(
            {"name": "Ion Pop", "cic_cnp": "1630615123457", "city": "Exemplu"}
        )
        twin_b = self.env["res.partner"].create(
            {"name": "Ion POP (dublură)", "cic_cnp": "1630615123457"}
        )
        first = self.petition(
            partner_id=twin_a.id, name="Autorizație de construire vecin"
        )
        second = self.petition(
            partner_id=twin_b.id, name="Autorizație construire vecin"
        )
        self.assertIn(first, second.cic_join_suggestion_ids)

    def test_one_answer_closes_all_joined_petitions(self):
        first = self.petition(name="Groapă în asfalt pe strada Libertății")
        second = self.petition(name="Groapă asfalt strada Libertății")
        wizard = Form(
            self.env["cic.petition.join"]
            .with_user(self.clerk)
            .with_context(default_ticket_id=second.id)
        )
        self.assertEqual(wizard.target_id, first)
        wizard.save().action_confirm()
        self.assertEqual(second.cic_joined_to_id, first)
        self.prepare_answer(first)
        self.approve(first)
        first.with_user(self.clerk).action_cic_dispatch_answer()
        answer = self.letters(first, "answer")
        self.assertEqual(len(answer), 1)
        for number in (first.cic_registration_number, second.cic_registration_number):
            self.assertIn(number, answer.description)
            self.assertIn(number, answer.name)
        self.assertEqual(first.cic_closure_reason, "answered")
        self.assertEqual(second.cic_closure_reason, "joined")
        self.assertTrue(second.stage_id.closed)
        self.assertEqual(second.cic_dispatch_date, self.today())

    def test_join_to_itself_rejected(self):
        ticket = self.petition()
        with self.assertRaises(UserError):
            ticket._cic_join_to(ticket)

    # ------------------------------------------------------------------
    # R-PET-8: identical content after the answer (art. 10(2))
    # ------------------------------------------------------------------
    def test_identical_petition_classed_with_note_on_original(self):
        original = self.petition(name="Salubrizare strada Libertății")
        self.prepare_answer(original)
        self.approve(original)
        original.with_user(self.clerk).action_cic_dispatch_answer()
        repeat = self.petition(name="Salubrizare strada Libertății")
        wizard = Form(
            self.env["cic.petition.class.identical"]
            .with_user(self.clerk)
            .with_context(default_ticket_id=repeat.id)
        )
        wizard.original_id = original
        wizard.save().action_confirm()
        self.assertEqual(repeat.cic_closure_reason, "identical")
        self.assertEqual(repeat.cic_identical_of_id, original)
        self.assertTrue(repeat.cic_kpi_excluded)
        self.assertFalse(repeat.cic_answer_ids, "no new answer")
        note = original.message_ids.filtered(
            lambda m: repeat.cic_registration_number in (m.body or "")
        )
        self.assertTrue(note, "a note on the original entry")
        self.assertIn(original.cic_registration_number, note[0].body)

    def test_identical_classing_needs_answered_original(self):
        original = self.petition()
        repeat = self.petition()
        with self.assertRaises(UserError):
            repeat.with_user(self.clerk)._cic_class_identical(original)
        self.assertFalse(repeat.cic_closure_reason)

    # ------------------------------------------------------------------
    # R-PET-9: answer, approvals and dispatch (art. 6(4), art. 12)
    # ------------------------------------------------------------------
    def test_dispatch_without_legal_basis_rejected(self):
        ticket = self.petition()
        ticket.cic_answer_body = "<p>Răspuns</p>"
        with self.assertRaises(UserError):
            ticket.with_user(self.head).action_cic_approve_department()
        with self.assertRaises(UserError):
            ticket.with_user(self.clerk).action_cic_dispatch_answer()
        self.assertFalse(ticket.cic_answer_ids)

    def test_dispatch_without_approvals_rejected(self):
        ticket = self.petition()
        self.prepare_answer(ticket)
        with self.assertRaises(UserError):
            ticket.with_user(self.clerk).action_cic_dispatch_answer()
        ticket.with_user(self.head).action_cic_approve_department()
        with self.assertRaises(UserError):
            ticket.with_user(self.clerk).action_cic_dispatch_answer()
        self.assertFalse(ticket.cic_answer_ids)
        self.assertFalse(ticket.cic_closure_reason)

    def test_approvals_by_the_right_heads_only(self):
        ticket = self.petition()
        self.prepare_answer(ticket)
        with self.assertRaises(AccessError):
            ticket.with_user(self.staff).action_cic_approve_department()
        with self.assertRaises(AccessError):
            ticket.with_user(self.other_head).action_cic_approve_department()
        with self.assertRaises(AccessError):
            ticket.with_user(self.head).action_cic_approve_head()
        self.assertFalse(ticket.cic_department_approval_id)
        self.assertFalse(ticket.cic_head_approval_id)

    def test_only_cic_dispatches_the_answer(self):
        ticket = self.petition()
        self.prepare_answer(ticket)
        self.approve(ticket)
        for user in (self.staff, self.head):
            with self.assertRaises(AccessError):
                ticket.with_user(user).action_cic_dispatch_answer()
        self.assertFalse(ticket.cic_answer_ids)

    def test_dispatch_approved_answer(self):
        ticket = self.petition()
        self.prepare_answer(ticket)
        self.approve(ticket)
        self.assertEqual(ticket.cic_department_approval_id, self.head)
        self.assertEqual(ticket.cic_head_approval_id, self.secretary)
        ticket.with_user(self.clerk).action_cic_dispatch_answer()
        answer = self.letters(ticket, "answer")
        self.assertEqual(answer.cic_registration_number, ticket.cic_registration_number)
        self.assertTrue(answer.cic_registration_shared)
        self.assertIn("HCL 12/2026", answer.description)
        self.assertEqual(ticket.cic_closure_reason, "answered")
        self.assertEqual(ticket.cic_dispatch_date, self.today())
        self.assertTrue(ticket.cic_answered_in_term)
        self.assertFalse(ticket.cic_kpi_excluded)
        mail = answer.message_ids.filtered(lambda m: m.message_type == "comment")
        self.assertTrue(mail, "the letter is e-mailed to the petitioner")
        self.assertTrue(mail[0].attachment_ids, "with its PDF")

    def test_changed_answer_needs_new_approvals(self):
        ticket = self.petition()
        self.prepare_answer(ticket)
        self.approve(ticket)
        ticket.cic_answer_legal_basis = "OG 27/2002 art. 8 (corectat)"
        self.assertFalse(ticket.cic_department_approval_id)
        self.assertFalse(ticket.cic_head_approval_id)

    def test_letter_report_renders(self):
        ticket = self.petition()
        self.prepare_answer(ticket)
        self.approve(ticket)
        ticket.with_user(self.clerk).action_cic_dispatch_answer()
        answer = self.letters(ticket, "answer")
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("cic_registry.action_report_cic_letter", answer.ids)[0]
            .decode()
        )
        self.assertIn(ticket.cic_registration_number, html)
        self.assertIn(self.secretary.name, html)
        self.assertIn(self.head.name, html)

    def test_letters_in_the_petitioner_language(self):
        self.env["res.lang"]._activate_lang("ro_RO")
        self.petitioner.lang = "ro_RO"
        ticket = self.petition()
        ticket.with_user(self.secretary)._cic_extend_petition(15, "Verificări pe teren")
        notice = self.letters(ticket, "extension_notice")
        self.assertIn("cercetare mai amănunțită", notice.description)
        self.assertIn("Prelungirea termenului", notice.name)
        self.assertIn("Verificări pe teren", notice.description)

    def test_workflow_results_cannot_be_written_directly(self):
        ticket = self.petition()
        self.prepare_answer(ticket)
        for user, vals in (
            (self.staff, {"cic_head_approval_id": self.secretary.id}),
            (self.head, {"cic_department_approval_id": self.head.id}),
            (self.clerk, {"cic_closure_reason": "answered"}),
            (self.clerk, {"cic_extension_days": 15}),
        ):
            with self.assertRaises(AccessError):
                ticket.with_user(user).write(vals)
        with self.assertRaises(AccessError):
            self.env["helpdesk.ticket"].with_user(self.clerk).create(
                {
                    "name": "Aprobată din start",
                    "description": "<p>x</p>",
                    "cic_head_approval_id": self.secretary.id,
                }
            )
        self.assertFalse(ticket.cic_head_approval_id)
        self.assertFalse(ticket.cic_closure_reason)
