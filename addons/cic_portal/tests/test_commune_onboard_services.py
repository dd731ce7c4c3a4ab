# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Onboarding a commune (issue 19 point 3) with the portal: the template's services
and their online form fields are copied into the new commune, the template's clerk
does not see the copies; the commune gets its website (cic_portal_fee: its fee
tables and chart of accounts)."""

from odoo.exceptions import UserError
from odoo.tests import TransactionCase, new_test_user, tagged

from .common import CicPortalCommon


class CommuneOnboardCase(CicPortalCommon, TransactionCase):
    """The CIC administrator, a clerk of the template and a service with a form
    field (cic_portal_fee's tests use it too)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_cic_portal()
        cls.admin = new_test_user(
            cls.env,
            login="onboard_portal_admin",
            groups="cic_registry.group_cic_manager",
        )
        cls.clerk_a = new_test_user(
            cls.env, login="onboard_portal_clerk", groups="cic_registry.group_cic_clerk"
        )
        cls.env["cic.service.field"].create(
            {"name": "Suprafața terenului (m²)", "service_id": cls.fee_service.id}
        )

    def _onboard_with_service(self, name="Primăria Comunei Livezile (test)"):
        """Onboard a commune as the CIC administrator; return it and its copies of
        the template's service."""
        wizard = (
            self.env["cic.commune.onboard"].with_user(self.admin).create({"name": name})
        )
        wizard.action_onboard()
        commune = wizard.company_id
        service = self.env["cic.service"].search(
            [("company_id", "=", commune.id), ("name", "=", self.fee_service.name)]
        )
        return commune, service


@tagged("post_install", "-at_install")
class TestCommuneOnboardServices(CommuneOnboardCase):
    def test_services_copied(self):
        commune, service = self._onboard_with_service()
        self.assertEqual(len(service), 1)
        self.assertEqual(service.slug, self.fee_service.slug)
        self.assertEqual(
            service.form_field_ids.mapped("name"), ["Suprafața terenului (m²)"]
        )
        self.assertEqual(service.form_field_ids.company_id, commune)
        Service = self.env["cic.service"].with_user(self.clerk_a)
        self.assertFalse(Service.search([("id", "=", service.id)]))

    def test_website_created_with_its_domain(self):
        """The commune's own site (issue 19 point 2), made by the CIC
        administrator, who is not Odoo's website administrator."""
        Wizard = self.env["cic.commune.onboard"].with_user(self.admin)
        wizard = Wizard.create(
            {
                "name": "Primăria Comunei Sălciua (test)",
                "website_domain": "www.primaria-salciua-test.ro/",
            }
        )
        wizard.action_onboard()
        site = wizard.website_id
        self.assertEqual(site.company_id, wizard.company_id)
        self.assertEqual(site.name, "Primăria Comunei Sălciua (test)")
        self.assertEqual(site.domain, "https://www.primaria-salciua-test.ro")
        self.assertEqual(site.user_id.company_id, wizard.company_id)
        # The same domain again: refused before any company is created.
        again = Wizard.create(
            {
                "name": "Primăria Comunei Ponor (test)",
                "website_domain": "https://www.primaria-salciua-test.ro",
            }
        )
        with self.assertRaises(UserError):
            again.action_onboard()
        self.assertFalse(
            self.env["res.company"].search(
                [("name", "=", "Primăria Comunei Ponor (test)")]
            )
        )

    def test_no_website_when_unticked(self):
        wizard = (
            self.env["cic.commune.onboard"]
            .with_user(self.admin)
            .create(
                {"name": "Primăria Comunei Scărișoara (test)", "create_website": False}
            )
        )
        wizard.action_onboard()
        self.assertFalse(wizard.website_id)
        self.assertFalse(
            self.env["website"].search([("company_id", "=", wizard.company_id.id)])
        )
