# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A Law 544 request that follows up an answered one (R-544-5, Law 544/2001 art.
9(2)): a new request with its own number and its own term, linked to the earlier
request of the same petitioner and shown with it to the clerk."""

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import Form

from .common import d
from .workflow_common import CicWorkflowCase


class TestFoiFollowup(CicWorkflowCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_petitioner = cls.env["res.partner"].create(
            {
                "name": "Andrei Ionescu",
                "email": "andrei.ionescu@example.com",
                "street": "Str. Florilor nr. 3",
                "city": "Exemplu",
            }
        )

    def foi_request(self, partner=None, name="Contractul de salubrizare 2025"):
        return self.create_entry(
            "foi_request",
            as_user=self.clerk,
            partner_id=(partner or self.petitioner).id,
            name=name,
        )

    def answered(self, partner=None, day=None):
        """A request registered on ``day`` (Mon 2 Mar 2026) and answered by the
        clerk."""
        request = self.set_registration_date(
            self.foi_request(partner), day or d(2026, 3, 2)
        )
        self.prepare_answer(request, basis="Legea 544/2001 art. 7(1)")
        request.with_user(self.clerk).action_cic_dispatch_answer()
        self.assertEqual(request.cic_closure_reason, "answered")
        return request

    def test_followup_gets_its_own_term(self):
        # D = Mon 2 Mar 2026, 10 free days: roll(2 Mar + 11) = Fri 13 Mar 2026.
        earlier = self.answered()
        self.assertEqual(earlier.cic_legal_due_date, d(2026, 3, 13))
        with freeze_time("2026-05-04 08:00:00"):  # Mon 4 May 2026, 11:00 local
            followup = self.create_entry(
                "foi_request",
                as_user=self.clerk,
                partner_id=self.petitioner.id,
                name="Anexele contractului de salubrizare",
                cic_earlier_request_id=earlier.id,
            )
        # Its own registration: D = Mon 4 May 2026 -> roll(4 May + 11) = Fri 15 May.
        self.assertEqual(followup.cic_registration_date.date(), d(2026, 5, 4))
        self.assertEqual(followup.cic_legal_due_date, d(2026, 5, 15))
        self.assertNotEqual(
            followup.cic_registration_number, earlier.cic_registration_number
        )
        self.assertEqual(earlier.cic_legal_due_date, d(2026, 3, 13))
        self.assertFalse(followup.cic_closure_reason)

    def test_clerk_sees_the_link_both_ways(self):
        earlier = self.answered()
        followup = self.foi_request(name="Anexele contractului")
        with Form(followup.with_user(self.clerk)) as form:
            form.cic_earlier_request_id = earlier
        followup = followup.with_user(self.clerk)
        earlier = earlier.with_user(self.clerk)
        self.assertEqual(followup.cic_earlier_request_id, earlier)
        self.assertEqual(earlier.cic_followup_ids, followup)
        self.assertEqual(earlier.cic_followup_count, 1)
        action = earlier.action_cic_view_followups()
        self.assertEqual(
            self.env["helpdesk.ticket"].with_user(self.clerk).search(action["domain"]),
            followup,
        )
        self.assertEqual(
            action["context"]["default_cic_earlier_request_id"], earlier.id
        )
        # The link of a registered entry is a register correction: audited.
        log = (
            self.env["cic.audit.log"]
            .sudo()
            .search(
                [("res_model", "=", "helpdesk.ticket"), ("res_id", "=", followup.id)]
            )
        )
        self.assertIn(earlier.display_name, log.mapped("new_value"))

    def test_only_the_same_petitioners_answered_request(self):
        earlier = self.answered()
        foreign = self.answered(partner=self.other_petitioner)
        unanswered = self.foi_request(name="Cerere în lucru")
        petition = self.petition()
        followup = self.foi_request(name="Continuare").with_user(self.clerk)
        for target, message in (
            (foreign, "not of the same petitioner"),
            (unanswered, "not been answered"),
            (petition, "Only a Law 544/2001 request"),
            (followup, "cannot follow up itself"),
        ):
            with self.subTest(target=target.name):
                with self.assertRaisesRegex(ValidationError, message):
                    followup.write({"cic_earlier_request_id": target.id})
        followup.write({"cic_earlier_request_id": earlier.id})
        self.assertEqual(followup.cic_earlier_request_id, earlier)
        # A petition cannot be a follow-up under Law 544 either.
        with self.assertRaisesRegex(ValidationError, "Only a Law 544/2001 request"):
            self.petition().with_user(self.clerk).write(
                {"cic_earlier_request_id": earlier.id}
            )
