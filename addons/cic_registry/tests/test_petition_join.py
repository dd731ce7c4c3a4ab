# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Joining (conexare) only the same petitioner's petitions; a head's override with a
reason is audited; the answer reaches every joined entry's petitioner (R-PET-7,
OG 27/2002 art. 10(1); issue 15 point 5)."""

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from .workflow_common import CicWorkflowCase


@tagged("post_install", "-at_install")
class TestPetitionJoin(HttpCase, CicWorkflowCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.stranger = cls.env["res.partner"].create(
            {
                "name": "Vasile Ionescu",
                "email": "vasile.ionescu@example.com",
                "street": "Str. Unirii nr. 3",
                "city": "Exemplu",
                "lang": "en_US",
            }
        )
        cls.first = cls.petition(name="Groapă în asfalt pe strada Libertății")
        cls.other = cls.petition(
            partner_id=cls.stranger.id, name="Groapă asfalt strada Libertății"
        )

    def rpc(self, model, method, *args, **kwargs):
        return self.make_jsonrpc_request(
            "/web/dataset/call_kw",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )

    def join_wizard(self, user, ticket, target, **vals):
        return (
            self.env["cic.petition.join"]
            .with_user(user)
            .create({"ticket_id": ticket.id, "target_id": target.id, **vals})
        )

    def join_audit(self, ticket):
        return self.env["cic.audit.log"].search(
            [
                ("res_model", "=", "helpdesk.ticket"),
                ("res_id", "=", ticket.id),
                ("event", "=", "join_override"),
            ]
        )

    def test_clerk_cannot_join_another_petitioner_over_rpc(self):
        """Through the wizard or by writing the link, over JSON-RPC as the clerk."""
        self.authenticate(self.clerk.login, self.clerk.login)
        with mute_logger("odoo.http"), self.assertRaises(JsonRpcException) as caught:
            wizard_id = self.rpc(
                "cic.petition.join",
                "create",
                {"ticket_id": self.other.id, "target_id": self.first.id},
            )
            self.rpc("cic.petition.join", "action_confirm", [wizard_id])
        self.assertEqual(str(caught.exception), "odoo.exceptions.UserError")
        with mute_logger("odoo.http"), self.assertRaises(JsonRpcException) as caught:
            self.rpc(
                "helpdesk.ticket",
                "write",
                [self.other.id],
                {"cic_joined_to_id": self.first.id},
            )
        self.assertEqual(str(caught.exception), "odoo.exceptions.AccessError")
        self.other.invalidate_recordset()
        self.assertFalse(self.other.cic_joined_to_id)
        self.assertFalse(self.first.cic_joined_ids)
        self.assertFalse(self.join_audit(self.other))

    def test_department_staff_cannot_join(self):
        second = self.petition(name="Groapă asfalt strada Libertății")
        with self.assertRaises(AccessError):
            self.join_wizard(self.staff, second, self.first).action_confirm()
        self.assertFalse(second.cic_joined_to_id)

    def test_head_override_needs_reason_and_is_audited(self):
        with self.assertRaises(UserError):
            self.join_wizard(self.head, self.other, self.first).action_confirm()
        self.assertFalse(self.other.cic_joined_to_id)
        self.join_wizard(
            self.head,
            self.other,
            self.first,
            override_reason="Aceeași groapă, sesizată de doi vecini",
        ).action_confirm()
        self.assertEqual(self.other.cic_joined_to_id, self.first)
        audit = self.join_audit(self.other)
        self.assertEqual(len(audit), 1)
        self.assertEqual(audit.user_id, self.head)
        self.assertEqual(audit.note, "Aceeași groapă, sesizată de doi vecini")
        self.assertTrue(self.join_audit(self.first))

    def test_answer_reaches_every_joined_petitioner(self):
        """Joined by a head's override: the stranger's entry is closed only with an
        answer registered and sent to him."""
        self.join_wizard(
            self.secretary,
            self.other,
            self.first,
            override_reason="Aceeași problemă",
        ).action_confirm()
        self.prepare_answer(self.first)
        self.approve(self.first)
        self.first.with_user(self.clerk).action_cic_dispatch_answer()
        self.assertEqual(self.other.cic_closure_reason, "joined")
        to_stranger = self.letters(self.other, "answer")
        self.assertEqual(len(to_stranger), 1)
        self.assertEqual(to_stranger.partner_id, self.stranger)
        self.assertTrue(to_stranger.cic_dispatch_date)
        self.assertIn(self.other.cic_registration_number, to_stranger.description)
        self.assertEqual(self.letters(self.first, "answer").partner_id, self.petitioner)

    def test_same_petitioner_joined_by_clerk_one_letter(self):
        twin = self.env["res.partner"].create(
            {
                "name": "  maria   POPESCU ",
                "street": "Str. Libertății nr. 10",
                "city": "Exemplu",
            }
        )
        second = self.petition(partner_id=twin.id, name="Groapă asfalt Libertății")
        self.join_wizard(self.clerk, second, self.first).action_confirm()
        self.assertEqual(second.cic_joined_to_id, self.first)
        self.assertFalse(self.join_audit(second))
        self.prepare_answer(self.first)
        self.approve(self.first)
        self.first.with_user(self.clerk).action_cic_dispatch_answer()
        self.assertFalse(self.letters(second, "answer"))
        self.assertEqual(len(self.letters(self.first, "answer")), 1)
