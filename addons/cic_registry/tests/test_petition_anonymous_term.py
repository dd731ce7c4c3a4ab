# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""An anonymous petition runs no term until identified or classed: no due date,
reminder, escalation or overdue status (R-PET-2, OG 27/2002 art. 7; issue 15
point 8)."""

import datetime

from freezegun import freeze_time

from odoo.tests import tagged

from .workflow_common import CicWorkflowCase

D = datetime.date


@tagged("post_install", "-at_install")
class TestPetitionAnonymousTerm(CicWorkflowCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.deadline = cls.env.ref("cic_registry.mail_activity_type_cic_deadline")
        cls.unsigned = cls.env["res.partner"].create(
            {"name": "Semnătură ilizibilă", "email": "anonim@example.com"}
        )

    def registered_on(self, partner, day):
        ticket = self.petition(partner_id=partner.id, user_id=self.staff.id)
        return self.set_registration_date(ticket, day)

    def deadline_activities(self, ticket):
        return ticket.activity_ids.filtered(
            lambda a: a.activity_type_id == self.deadline
        )

    def test_anonymous_petition_runs_no_term(self):
        # Registered Mon 2 Mar 2026: an identified petition is due Thu 2 Apr 2026
        # (2 Mar + 31, R-CAL-5); on Mon 13 Apr 2026 it is overdue.
        identified = self.registered_on(self.petitioner, D(2026, 3, 2))
        anonymous = self.registered_on(self.unsigned, D(2026, 3, 2))
        self.assertEqual(identified.cic_legal_due_date, D(2026, 4, 2))
        self.assertFalse(anonymous.cic_identified)
        self.assertFalse(anonymous.cic_legal_due_date)
        self.assertFalse(anonymous.cic_internal_due_date)
        self.assertFalse(anonymous.cic_due_basis)
        with freeze_time("2026-04-13 07:00:00"):
            self.env["helpdesk.ticket"].invalidate_model(["cic_is_overdue"])
            self.assertTrue(identified.cic_is_overdue)
            self.assertFalse(anonymous.cic_is_overdue)
            overdue = self.env["helpdesk.ticket"].search(
                [("cic_is_overdue", "=", True), ("id", "in", anonymous.ids)]
            )
            self.assertFalse(overdue)
            self.env["helpdesk.ticket"]._cron_cic_deadline_reminders()
        self.assertTrue(self.deadline_activities(identified))
        self.assertFalse(self.deadline_activities(anonymous))

    def test_term_runs_from_registration_once_identified(self):
        """The clerk records the address written on the document: the term runs
        from the registration date, as for any identified petition."""
        anonymous = self.registered_on(self.unsigned, D(2026, 3, 2))
        self.assertFalse(anonymous.cic_legal_due_date)
        anonymous.with_user(self.clerk).write(
            {
                "cic_petitioner_street": "Str. Morilor nr. 4",
                "cic_petitioner_locality": "Exemplu",
            }
        )
        self.assertTrue(anonymous.cic_identified)
        self.assertEqual(anonymous.cic_legal_due_date, D(2026, 4, 2))
