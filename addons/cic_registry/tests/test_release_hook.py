# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Every path that releases an answer asks the release hook (issue 15 point 6).

The registry knows no fee: it asks ``_cic_release_blocker`` before it dispatches the
answer, sends a partial refusal (which communicates the answered part) or e-mails an
answer letter, and refuses with the hook's message. Letters that release nothing
(a full refusal, an extension notice) are not held back.
"""

from unittest.mock import patch

from odoo.exceptions import UserError

from .workflow_common import CicWorkflowCase

BLOCKER = "Blocked for the test: fee not paid."


class TestReleaseHook(CicWorkflowCase):
    def setUp(self):
        super().setUp()
        self.blocked = self.env["helpdesk.ticket"]
        Ticket = type(self.env["helpdesk.ticket"])
        original = Ticket._cic_release_blocker
        test = self

        def blocker(ticket):
            if ticket in test.blocked:
                return BLOCKER
            return original(ticket)

        patcher = patch.object(Ticket, "_cic_release_blocker", blocker)
        patcher.start()
        self.addCleanup(patcher.stop)

    def foi_request(self):
        return self.create_entry(
            "foi_request", partner_id=self.petitioner.id, name="Contracte 2025"
        )

    def assertBlocked(self, call, ticket):
        with self.assertRaises(UserError) as caught:
            call()
        self.assertEqual(str(caught.exception), BLOCKER)
        self.assertFalse(ticket.cic_answer_ids)
        self.assertFalse(ticket.cic_closure_reason)

    def test_no_blocker_by_default(self):
        request = self.foi_request()
        self.assertEqual(request._cic_release_blocker(), "")
        self.assertTrue(request._cic_check_release_allowed())

    def test_answer_dispatch_asks_the_hook(self):
        request = self.foi_request()
        self.prepare_answer(request, basis="Legea 544/2001 art. 6")
        self.blocked = request
        self.assertBlocked(
            request.with_user(self.clerk).action_cic_dispatch_answer, request
        )
        self.blocked = self.env["helpdesk.ticket"]
        request.with_user(self.clerk).action_cic_dispatch_answer()
        self.assertEqual(request.cic_closure_reason, "answered")

    def test_joined_entry_blocks_the_common_answer(self):
        first, second = self.petition(), self.petition()
        second.with_user(self.clerk)._cic_join_to(first)
        self.prepare_answer(first)
        self.approve(first)
        self.blocked = second
        self.assertBlocked(
            first.with_user(self.clerk).action_cic_dispatch_answer, first
        )

    def test_partial_refusal_asks_the_hook_full_refusal_does_not(self):
        request = self.foi_request()
        self.blocked = request
        self.assertBlocked(
            lambda: request.with_user(self.clerk)._cic_foi_refuse(
                "personal_data",
                "Anexele conțin date personale.",
                partial=True,
                answered_part="<p>Contractul, fără anexe.</p>",
            ),
            request,
        )
        request.with_user(self.clerk)._cic_foi_refuse(
            "personal_data", "Toate documentele conțin date personale."
        )
        self.assertEqual(request.cic_closure_reason, "refused")

    def test_answer_letter_email_asks_the_hook(self):
        """The e-mail of an answer letter is the last gate, whoever sends it; an
        extension notice releases nothing and is sent."""
        request = self.foi_request()
        letter = request._cic_create_letter(
            "answer", self.petitioner, "Răspuns", "<p>Răspuns</p>"
        )
        self.blocked = request
        with self.assertRaises(UserError):
            letter.with_user(self.clerk)._cic_dispatch_letter()
        self.assertFalse(letter.cic_dispatch_date)
        notice = request._cic_create_letter(
            "extension_notice", self.petitioner, "Prelungire", "<p>30 de zile</p>"
        )
        notice.with_user(self.clerk)._cic_dispatch_letter()
        self.assertTrue(notice.cic_dispatch_date)
