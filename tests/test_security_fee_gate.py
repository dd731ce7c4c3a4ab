"""The fee exemption cannot be forged (issue 15 point 6).

A CIC clerk who would dispatch a paid service's answer without payment tries, over
JSON-RPC as the web client or a script sends it, to write the exemption (who, when,
why) himself, with and without the workflow's context key, on write and on create;
to call the exemption method; and to open the head's exemption wizard. Everything is
refused, nothing is recorded, and the dispatch stays refused until the fee is paid.
"""

from portal_fixture import PortalFixture
from rpc import call_kw

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged

FORGED_CONTEXT = {"cic_workflow_write": True}


@tagged("post_install", "-at_install")
class TestFeeExemptionForgery(PortalFixture, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_portal("feegate", "Feegate")
        cls.clerk = new_test_user(
            cls.env, login="feegate_clerk", groups="cic_registry.group_cic_clerk"
        )
        cls.ticket = cls._request(cls.user_a, "Certificat feegate", cls.service)
        cls.ticket.write(
            {
                "cic_answer_body": "<p>Certificatul este emis.</p>",
                "cic_answer_legal_basis": "HCL 12/2026",
            }
        )
        cls.forged = {
            "cic_fee_exempt_by_id": cls.clerk.id,
            "cic_fee_exempt_date": fields.Datetime.to_string(fields.Datetime.now()),
            "cic_fee_exempt_reason": "forged",
        }

    def rpc(self, model, method, *args, **kwargs):
        """call_kw as the logged-in clerk: (result, None) or (None, error data)."""
        answer = call_kw(self, model, method, *args, **kwargs).json()
        if "error" in answer:
            return None, answer["error"]["data"]
        return answer["result"], None

    def assertRefused(self, error, kind, msg=None):
        self.assertTrue(error, msg)
        self.assertEqual(error["name"], f"odoo.exceptions.{kind}", msg)

    def assertNotExempted(self):
        self.ticket.invalidate_recordset()
        self.assertFalse(self.ticket.cic_fee_exempt_by_id)
        self.assertFalse(self.ticket.cic_fee_exempt_reason)
        self.assertEqual(self.ticket.cic_fee_state, "unpaid")

    def test_clerk_cannot_forge_the_exemption(self):
        self.authenticate("feegate_clerk", "feegate_clerk")
        for context in ({}, FORGED_CONTEXT):
            for name, value in self.forged.items():
                _result, error = self.rpc(
                    "helpdesk.ticket",
                    "write",
                    [self.ticket.id],
                    {name: value},
                    context=context,
                )
                self.assertRefused(error, "AccessError", name)
            _result, error = self.rpc(
                "helpdesk.ticket",
                "create",
                {
                    "name": "Certificat feegate forged",
                    "description": "<p>x</p>",
                    "partner_id": self.user_a.partner_id.id,
                    "cic_procedure_id": self.service.procedure_id.id,
                    "cic_service_id": self.service.id,
                    **self.forged,
                },
                context=context,
            )
            self.assertRefused(error, "AccessError", "create")
        _result, error = self.rpc(
            "helpdesk.ticket", "_cic_exempt_fee", [self.ticket.id], "forged"
        )
        self.assertRefused(error, "AccessError", "private method")
        _result, error = self.rpc(
            "cic.fee.exempt",
            "create",
            {"ticket_id": self.ticket.id, "reason": "forged"},
        )
        self.assertRefused(error, "AccessError", "wizard")
        self.assertNotExempted()
        self.assertFalse(
            self.env["helpdesk.ticket"].search_count(
                [("name", "=", "Certificat feegate forged")]
            )
        )
        # ... and the answer is still held back until the fee is paid.
        _result, error = self.rpc(
            "helpdesk.ticket", "action_cic_dispatch_answer", [self.ticket.id]
        )
        self.assertRefused(error, "UserError", "dispatch")
        self.assertIn(self.ticket.cic_invoice_id.name, error["message"])
        self.ticket.invalidate_recordset()
        self.assertFalse(self.ticket.cic_answer_ids)
        self.assertFalse(self.ticket.cic_closure_reason)
