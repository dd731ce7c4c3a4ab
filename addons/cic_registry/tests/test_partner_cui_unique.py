# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""One organisation per CUI and company (issue 14, point 10)."""

from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase

VALID_CUI = "13548146"


class TestPartnerCuiUnique(TransactionCase):
    def setUp(self):
        super().setUp()
        self.Partner = self.env["res.partner"].with_context(tracking_disable=True)
        self.org = self.Partner.create(
            {"name": "Asociația Unică", "is_company": True, "cic_cui": VALID_CUI}
        )

    def test_second_organisation_with_the_cui_refused(self):
        for cui in (VALID_CUI, f"RO{VALID_CUI}"):
            with self.subTest(cui=cui), self.assertRaises(ValidationError) as caught:
                self.Partner.create(
                    {"name": "Copie", "is_company": True, "cic_cui": cui}
                )
            self.assertIn("Asociația Unică", caught.exception.args[0])
        other = self.Partner.create({"name": "Alta", "is_company": True})
        with self.assertRaises(ValidationError):
            other.cic_cui = VALID_CUI
        # An archived organisation still holds its CUI.
        self.org.active = False
        with self.assertRaises(ValidationError):
            other.cic_cui = VALID_CUI

    def test_contacts_and_other_companies(self):
        # The organisation's own contacts do not count.
        self.Partner.create({"name": "Membru", "parent_id": self.org.id})
        company_b = self.env["res.company"].create({"name": "Primăria B"})
        self.org.company_id = self.env.company
        # Another company may register the same organisation for itself.
        self.Partner.create(
            {
                "name": "Asociația Unică (B)",
                "is_company": True,
                "cic_cui": VALID_CUI,
                "company_id": company_b.id,
            }
        )
        # A contact shared by every company conflicts with both.
        with self.assertRaises(ValidationError):
            self.Partner.create(
                {"name": "Comună", "is_company": True, "cic_cui": VALID_CUI}
            )
