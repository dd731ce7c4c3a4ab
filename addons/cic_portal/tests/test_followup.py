# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Follow-up of an answered Law 544 request from the portal (R-544-5): started from
the citizen's own answered request, linked to it and shown with it; an id sent by
the client for somebody else's request (form post, JSON-RPC) links nothing."""

from odoo.tests import JsonRpcException, new_test_user, tagged
from odoo.tools import mute_logger

from .common import CicPortalHttpCase

FORM = "/cic/form/foi_request"


@tagged("post_install", "-at_install")
class TestPortalFollowup(CicPortalHttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.foi = cls.env.ref("cic_registry.procedure_foi_request")
        cls.clerk = new_test_user(
            cls.env, login="followup_clerk", groups="cic_registry.group_cic_clerk"
        )
        for user in (cls.portal_a, cls.portal_b):
            user.partner_id.write({"street": "Strada Mare 10", "city": "Exemplu"})
        cls.earlier_a = cls._answered(cls.portal_a.partner_id, "Contract salubrizare")
        cls.earlier_b = cls._answered(cls.portal_b.partner_id, "Buget 2025")
        cls.open_a = cls._make_request(
            cls.portal_a.partner_id, procedure=cls.foi, name="Cerere în lucru"
        )
        cls.open_b = cls._make_request(
            cls.portal_b.partner_id, procedure=cls.foi, name="Cerere nerezolvată"
        )

    @classmethod
    def _answered(cls, partner, name):
        request = cls._make_request(partner, procedure=cls.foi, name=name)
        request.write(
            {
                "cic_answer_body": "<p>Vă comunicăm informațiile solicitate.</p>",
                "cic_answer_legal_basis": "Legea 544/2001 art. 7(1)",
            }
        )
        request.with_user(cls.clerk).action_cic_dispatch_answer()
        assert request.cic_closure_reason == "answered"
        return request

    def _followup_data(self, subject, earlier):
        return self._petition_data(
            subject=subject,
            message="Vă rog să-mi comunicați și anexele contractului.",
            answer_format="email",
            earlier_request_id=str(earlier.id),
        )

    def test_followup_from_own_answered_request(self):
        self.authenticate("cic_portal_a", "cic_portal_a")
        page = self.url_open(f"/my/requests/{self.earlier_a.id}")
        start = f"{FORM}?earlier_request_id={self.earlier_a.id}"
        self.assertIn(start.replace("&", "&amp;"), page.text)
        form = self.url_open(start)
        self.assertIn(self.earlier_a.cic_registration_number, form.text)
        self.assertIn('name="earlier_request_id"', form.text)
        subject = "Anexele contractului de salubrizare"
        response = self._submit(
            start, self._followup_data(subject, self.earlier_a), tokens=None
        )
        self.assertEqual(response.status_code, 303)
        followup = self._tickets(subject)
        self.assertEqual(followup.cic_earlier_request_id, self.earlier_a)
        self.assertEqual(followup.cic_procedure_id, self.foi)
        self.assertNotEqual(
            followup.cic_registration_number, self.earlier_a.cic_registration_number
        )
        # Shown with each other on the citizen's pages.
        earlier_page = self.url_open(f"/my/requests/{self.earlier_a.id}")
        self.assertIn(followup.cic_registration_number, earlier_page.text)
        followup_page = self.url_open(f"/my/requests/{followup.id}")
        self.assertIn(self.earlier_a.cic_registration_number, followup_page.text)
        # An open request offers no follow-up.
        open_page = self.url_open(f"/my/requests/{self.open_a.id}")
        self.assertNotIn("earlier_request_id", open_page.text)

    def test_foreign_or_unanswered_request_refused(self):
        self.authenticate("cic_portal_b", "cic_portal_b")
        # Another citizen's answered request, his own unanswered one, not an id.
        for number, earlier in enumerate((self.earlier_a, self.open_b, self.open_b)):
            subject = f"Cerere cu referință străină {number}"
            data = self._followup_data(subject, earlier)
            if number == 2:
                data["earlier_request_id"] = "1 OR 1=1"
            response = self._submit(FORM, data)
            self.assertEqual(response.status_code, 200)
            self.assertIn("o_cic_followup_error", response.text)
            self.assertNotIn(self.earlier_a.cic_registration_number, response.text)
            self.assertFalse(self._tickets(subject))
        # The citizen's own answered request is accepted.
        subject = "Continuare buget 2025"
        self._submit(FORM, self._followup_data(subject, self.earlier_b))
        self.assertEqual(self._tickets(subject).cic_earlier_request_id, self.earlier_b)

    def test_visitor_cannot_link(self):
        subject = "Vizitator cu referință"
        response = self._submit(FORM, self._followup_data(subject, self.earlier_a))
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_cic_followup_error", response.text)
        self.assertFalse(self._tickets(subject))

    def _rpc(self, method, *args):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/helpdesk.ticket/{method}",
            {
                "model": "helpdesk.ticket",
                "method": method,
                "args": list(args),
                "kwargs": {},
            },
        )

    def test_json_rpc_cannot_link(self):
        own = self._make_request(
            self.portal_b.partner_id, procedure=self.foi, name="Cererea lui Bogdan"
        )
        self.authenticate("cic_portal_b", "cic_portal_b")
        attempts = (
            ("write", own.ids, {"cic_earlier_request_id": self.earlier_a.id}),
            (
                "create",
                {
                    "name": "Continuare străină",
                    "partner_id": self.portal_b.partner_id.id,
                    "cic_procedure_id": self.foi.id,
                    "cic_earlier_request_id": self.earlier_a.id,
                },
            ),
            # Reading the foreign request through the link is refused as well.
            (
                "read",
                self.earlier_a.ids,
                ["cic_followup_ids", "cic_registration_number"],
            ),
        )
        for method, *args in attempts:
            with self.subTest(method=method):
                with (
                    self.assertRaises(JsonRpcException) as caught,
                    mute_logger("odoo.http", "odoo.models"),
                ):
                    self._rpc(method, *args)
                self.assertIn("AccessError", str(caught.exception))
        self.assertFalse(own.cic_earlier_request_id)
        self.assertFalse(self.earlier_a.cic_followup_ids)
        # His own request reads its (empty) link.
        self.assertEqual(
            self._rpc("read", own.ids, ["cic_earlier_request_id"])[0][
                "cic_earlier_request_id"
            ],
            False,
        )
