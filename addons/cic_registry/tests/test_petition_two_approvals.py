# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The answer's two approvals are given by two different people (R-PET-9,
OG 27/2002 art. 12): a member of the leadership who heads the resolving department
gives one of them, never both; neither through the buttons nor over JSON-RPC."""

from odoo.exceptions import UserError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from .workflow_common import CicWorkflowCase


@tagged("post_install", "-at_install")
class TestPetitionTwoApprovals(HttpCase, CicWorkflowCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The secretary general heads the department that resolves the petition.
        cls.leader = new_test_user(
            cls.env,
            login="cic_two_approvals_leader",
            groups="cic_registry.group_cic_secretary",
        )
        cls.led_team = cls.env["helpdesk.ticket.team"].create(
            {
                "name": "Secretariat",
                "cic_head_id": cls.leader.id,
                "user_ids": [(6, 0, (cls.leader | cls.clerk).ids)],
            }
        )

    def answered_petition(self, team=None):
        ticket = self.petition(team_id=(team or self.led_team).id)
        self.prepare_answer(ticket)
        return ticket

    def rpc(self, model, method, *args, **kwargs):
        return self.make_jsonrpc_request(
            "/web/dataset/call_kw",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )

    def test_head_of_department_cannot_also_give_the_final_approval(self):
        ticket = self.answered_petition()
        ticket.with_user(self.leader).action_cic_approve_department()
        with self.assertRaises(UserError) as caught:
            ticket.with_user(self.leader).action_cic_approve_head()
        self.assertIn("two different people", str(caught.exception))
        self.assertEqual(ticket.cic_department_approval_id, self.leader)
        self.assertFalse(ticket.cic_head_approval_id)
        with self.assertRaises(UserError):
            ticket.with_user(self.clerk).action_cic_dispatch_answer()
        self.assertFalse(ticket.cic_closure_reason)
        # Another member of the leadership gives the second approval: it leaves.
        ticket.with_user(self.secretary).action_cic_approve_head()
        ticket.with_user(self.clerk).action_cic_dispatch_answer()
        self.assertEqual(ticket.cic_closure_reason, "answered")

    def test_final_approval_first_then_department_refused(self):
        ticket = self.answered_petition()
        ticket.with_user(self.leader).action_cic_approve_head()
        with self.assertRaises(UserError):
            ticket.with_user(self.leader).action_cic_approve_department()
        self.assertFalse(ticket.cic_department_approval_id)
        self.assertEqual(ticket.cic_head_approval_id, self.leader)

    def test_secretary_standing_in_for_the_department_head(self):
        """The secretary may approve for another department's head; then the
        final approval must come from someone else."""
        ticket = self.answered_petition(team=self.team)
        ticket.with_user(self.secretary).action_cic_approve_department()
        with self.assertRaises(UserError):
            ticket.with_user(self.secretary).action_cic_approve_head()
        self.assertFalse(ticket.cic_head_approval_id)

    def test_one_person_twice_is_not_dispatched(self):
        """A pair recorded by one person (before this rule) does not let the answer
        leave."""
        ticket = self.answered_petition()
        ticket.sudo().write(
            {
                "cic_department_approval_id": self.leader.id,
                "cic_head_approval_id": self.leader.id,
            }
        )
        with self.assertRaises(UserError):
            ticket.with_user(self.clerk).action_cic_dispatch_answer()
        self.assertFalse(ticket.cic_closure_reason)
        self.assertFalse(self.letters(ticket, "answer"))

    def test_head_approves_twice_over_json_rpc(self):
        ticket = self.answered_petition()
        self.authenticate(self.leader.login, self.leader.login)
        self.rpc("helpdesk.ticket", "action_cic_approve_department", [ticket.id])
        with mute_logger("odoo.http"), self.assertRaises(JsonRpcException) as caught:
            self.rpc("helpdesk.ticket", "action_cic_approve_head", [ticket.id])
        self.assertEqual(str(caught.exception), "odoo.exceptions.UserError")
        ticket.invalidate_recordset()
        self.assertEqual(ticket.cic_department_approval_id, self.leader)
        self.assertFalse(ticket.cic_head_approval_id)
