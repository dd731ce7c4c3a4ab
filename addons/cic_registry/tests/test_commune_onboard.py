# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Onboarding a commune (issue 19 point 3), as the county's CIC administrator:
commune B made from commune A numbers its register from 1, its clerk registers a
petition there, and A's clerk does not see it."""

import datetime

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user, tagged

from .common import CicRegistryCase


@tagged("post_install", "-at_install")
class TestCommuneOnboard(CicRegistryCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.admin = new_test_user(
            cls.env,
            login="onboard_admin",
            groups="cic_registry.group_cic_manager",
        )
        cls.env["cic.holiday"].create(
            {"name": "Zi punte (test)", "date": datetime.date(2026, 12, 31)}
        )
        cls.local_procedure = cls.env["cic.procedure"].create(
            {
                "name": "Adeverință de rol (test)",
                "code": "onboard_test_certificate",
                "term_days": 10,
                "team_id": cls.team.id,
                "company_id": cls.company.id,
            }
        )

    def _onboard(self, **values):
        wizard = Form(self.env["cic.commune.onboard"].with_user(self.admin))
        wizard.name = "Primăria Comunei Vadu Moților (test)"
        wizard.vat = "4562380"
        wizard.city = "Vadu Moților"
        wizard.admin_login = "admin.vadu@example.com"
        for name, value in values.items():
            setattr(wizard, name, value)
        record = wizard.save()
        record.action_onboard()
        return record.company_id

    def test_onboarded_commune_registers_from_one_invisible_to_a(self):
        commune = self._onboard()
        self.assertEqual(commune.vat, "4562380")
        self.assertIn(commune, self.admin.company_ids)
        teams = self.env["helpdesk.ticket.team"].search(
            [("company_id", "=", commune.id)]
        )
        self.assertIn(self.team.name, teams.mapped("name"))
        self.assertFalse(teams.user_ids, "the template's members are not copied")
        procedure = self.env["cic.procedure"].search(
            [("company_id", "=", commune.id), ("code", "=", "onboard_test_certificate")]
        )
        self.assertEqual(procedure.term_days, 10)
        self.assertEqual(procedure.team_id.company_id, commune)
        self.assertEqual(
            self.env["cic.holiday"]
            .search([("company_id", "=", commune.id)])
            .mapped("date"),
            [datetime.date(2026, 12, 31)],
        )
        first_admin = self.env["res.users"].search(
            [("login", "=", "admin.vadu@example.com")]
        )
        self.assertTrue(first_admin.has_group("cic_registry.group_cic_manager"))
        self.assertEqual(first_admin.company_ids, commune)

        clerk_b = new_test_user(
            self.env,
            login="onboard_clerk_b",
            groups="cic_registry.group_cic_clerk",
            company_id=commune.id,
            company_ids=[(6, 0, commune.ids)],
        )
        petition = (
            self.env["helpdesk.ticket"]
            .with_user(clerk_b)
            .create(
                {
                    "name": "Petiție la comuna nouă",
                    "description": "<p>Drum de pământ impracticabil.</p>",
                    "partner_id": self.partner.id,
                    "cic_procedure_id": self.procedure["petition"].id,
                }
            )
        )
        self.assertEqual(petition.company_id, commune)
        self.assertEqual(petition.cic_registration_seq, 1)
        self.assertFalse(petition.team_id, "not routed to the template's department")
        Ticket = self.env["helpdesk.ticket"].with_user(self.clerk)
        self.assertFalse(Ticket.search([("id", "=", petition.id)]))
        with self.assertRaises(AccessError):
            petition.with_user(self.clerk).read(["name"])

    def test_empty_calendar_and_taken_login(self):
        commune = self._onboard(copy_holidays=False, admin_login=False)
        self.assertFalse(
            self.env["cic.holiday"].search([("company_id", "=", commune.id)])
        )
        with self.assertRaises(UserError):
            self._onboard(admin_login=self.clerk.login)

    def test_clerk_cannot_onboard(self):
        with self.assertRaises(AccessError):
            self.env["cic.commune.onboard"].with_user(self.clerk).create(
                {"name": "Primăria Comunei Intrus"}
            )
