# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 16, points 4 and 5: each registry journey played in the browser by the
person who does the job, logged in as himself (never admin), and the steps that are
not his refused to him."""

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .journey_common import CicJourneyCase

RECEIPT = "cic_registry.report_registration_receipt"
LETTER = "cic_registry.cic_letter_document"


@tagged("post_install", "-at_install")
class TestClerkJourney(CicJourneyCase):
    def test_clerk_registers_a_paper_petition_and_routes_it(self):
        """At the counter: registers the paper petition, attaches the scan,
        routes it to a department; the receipt with its QR code prints for him."""
        self.start_tour_as(
            self.clerk,
            "/odoo/action-cic_registry.action_cic_registry_entries",
            "cic_registry_clerk_counter_tour",
        )
        entry = self.env["helpdesk.ticket"].search(
            [("name", "=", "Tur ghișeu: groapă în asfalt pe strada Morii")]
        )
        self.assertEqual(len(entry), 1)
        self.assertEqual(entry.cic_procedure_id, self.procedure["petition"])
        self.assertEqual(entry.channel_id, self.counter)
        self.assertEqual(entry.partner_id, self.petitioner)
        self.assertEqual(entry.partner_name, "Maria Popescu")
        self.assertTrue(entry.cic_registration_number)
        self.assertEqual(entry.create_uid, self.clerk)
        scan = self.env["ir.attachment"].search(
            [("res_model", "=", "helpdesk.ticket"), ("res_id", "=", entry.id)]
        )
        self.assertEqual(scan.mapped("name"), ["scan-petitie-ghiseu.pdf"])
        self.assertEqual(scan.create_uid, self.clerk)
        self.assertEqual(entry.team_id, self.team)
        self.assertEqual(entry.user_id, self.staff)
        self.assertTrue(entry.cic_internal_due_date)
        self.assertLessEqual(entry.cic_internal_due_date, entry.cic_legal_due_date)
        self.assertIn(self.staff, entry.activity_ids.user_id)

        # The Print menu's receipt, printed by the clerk, with the QR code of the
        # tracking page.
        html, _pdf = self.print_as(self.clerk, RECEIPT, entry)
        self.assertIn(entry.cic_registration_number, html)
        self.assertIn('alt="QR"', html)
        self.assertIn("data:image/png;base64,", html)


@tagged("post_install", "-at_install")
class TestAnswerJourney(CicJourneyCase):
    def test_answer_drafted_approved_extended_and_dispatched(self):
        """The official drafts, the head approves his step, the secretary general
        extends the term, the mayor gives the final approval and the clerk
        dispatches the answer with its letter, each in his own browser."""
        entry = self.routed_petition("Tur răspuns: iluminat public")
        url = self.entry_url(entry)

        self.start_tour_as(self.staff, url, "cic_registry_staff_draft_tour")
        self.assertEqual(entry.cic_answer_legal_basis, "OG 27/2002 art. 8; HCL 12/2026")
        self.assertIn("astupată", entry.cic_answer_body)
        self.assertFalse(entry.cic_department_approval_id)

        self.start_tour_as(self.head, url, "cic_registry_head_approve_tour")
        self.assertEqual(entry.cic_department_approval_id, self.head)
        self.assertFalse(entry.cic_head_approval_id)

        due = entry.cic_legal_due_date
        self.start_tour_as(self.secretary, url, "cic_registry_secretary_extend_tour")
        self.assertEqual(entry.cic_extended_by_id, self.secretary)
        self.assertEqual(entry.cic_extension_days, 15)
        self.assertGreater(entry.cic_legal_due_date, due)

        self.start_tour_as(self.mayor, url, "cic_registry_mayor_approve_tour")
        self.assertEqual(entry.cic_head_approval_id, self.mayor)

        self.start_tour_as(self.clerk, url, "cic_registry_clerk_dispatch_tour")
        self.assertEqual(entry.cic_closure_reason, "answered")
        self.assertTrue(entry.cic_dispatch_date)
        letter = entry.cic_answer_ids.filtered(lambda x: x.cic_letter_type == "answer")
        self.assertEqual(len(letter), 1)
        self.assertEqual(letter.cic_registration_number, entry.cic_registration_number)
        self.assertEqual(letter.partner_id, self.petitioner)
        html, _pdf = self.print_as(self.clerk, LETTER, letter)
        self.assertIn("Groapa a fost astupată", html)


@tagged("post_install", "-at_install")
class TestJourneyRefusals(CicJourneyCase):
    """Each person approves only his own step (OG 27/2002 arts. 9 and 12)."""

    def setUp(self):
        super().setUp()
        self.entry = self.routed_petition("Tur refuzuri")
        self.prepare_answer(self.entry.with_user(self.staff))

    def test_official_approves_nothing(self):
        entry = self.entry.with_user(self.staff)
        with self.assertRaises(AccessError):
            entry.action_cic_approve_department()
        with self.assertRaises(AccessError):
            entry.action_cic_approve_head()
        self.assertFalse(self.entry.cic_department_approval_id)

    def test_head_gives_neither_the_final_approval_nor_the_extension(self):
        entry = self.entry.with_user(self.head)
        with self.assertRaises(AccessError):
            entry.action_cic_approve_head()
        with self.assertRaises(AccessError):
            entry._cic_extend_petition(10, "Cercetare pe teren")
        with self.assertRaises(AccessError):
            entry.action_cic_dispatch_answer()
        self.assertFalse(self.entry.cic_head_approval_id)
        self.assertFalse(self.entry.cic_extension_days)

    def test_head_of_another_department_cannot_approve(self):
        with self.assertRaises(AccessError):
            self.entry.with_user(self.other_head).action_cic_approve_department()

    def test_mayor_cannot_dispatch_without_the_department_step(self):
        self.entry.with_user(self.mayor).action_cic_approve_head()
        with self.assertRaisesRegex(
            Exception, "approval of the head of the department"
        ):
            self.entry.with_user(self.clerk).action_cic_dispatch_answer()
        self.assertFalse(self.entry.cic_closure_reason)
