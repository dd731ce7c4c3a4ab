# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Petitioner identifiers and addresses (spec R-ID-1..4, R-POR-1)."""

from odoo.exceptions import ValidationError
from odoo.tests import Form, TransactionCase


class TestIdentity(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.Partner = cls.env["res.partner"]
        cls.bucharest = cls.env.ref("base.RO_B")
        cls.cluj = cls.env.ref("base.RO_CJ")

    def _person(self, **vals):
        return self.Partner.create(dict({"name": "Maria Popescu"}, **vals))

    # CNP (R-ID-1, R-POR-1) ----------------------------------------------------
    def test_cnp_valid_vector(self):
        partner = self._person(cic_cnp="1630615123457")
        self.assertEqual(partner.cic_cnp, "1630615123457")
        self.assertEqual(partner.cic_cnp_masked, "**********457")
        self.assertTrue(partner.cic_has_cnp)

    def test_cnp_spaces_are_removed(self):
        partner = self._person(cic_cnp=" 163 0615 123457 ")
        self.assertEqual(partner.cic_cnp, "1630615123457")

    def test_cnp_bad_checksum(self):
        with self.assertRaisesRegex(ValidationError, "check digit"):
            self._person(cic_cnp="1630615123458")

    def test_cnp_bad_date(self):
        with self.assertRaisesRegex(ValidationError, "birth date"):
            self._person(cic_cnp="1632215123457")

    def test_cnp_placeholder_rejected(self):
        with self.assertRaisesRegex(ValidationError, "placeholder"):
            self._person(cic_cnp="0000000000000")

    def test_cnp_wrong_length(self):
        with self.assertRaisesRegex(ValidationError, "length"):
            self._person(cic_cnp="163061512345")

    def test_cnp_invalid_on_write(self):
        partner = self._person()
        with self.assertRaises(ValidationError):
            partner.write({"cic_cnp": "1630615123458"})
        self.assertFalse(partner.cic_cnp)

    def test_cnp_not_for_legal_person(self):
        with self.assertRaisesRegex(ValidationError, "legal person"):
            self.Partner.create(
                {
                    "name": "SC Exemplu SRL",
                    "is_company": True,
                    "cic_cnp": "1630615123457",
                }
            )

    def test_cnp_optional(self):
        partner = self._person()
        self.assertFalse(partner.cic_cnp_masked)
        self.assertFalse(partner.cic_has_cnp)

    def test_cnp_error_in_romanian(self):
        partner_ro = self.Partner.with_context(lang="ro_RO")
        with self.assertRaisesRegex(
            ValidationError, "CNP-ul 1630615123458 nu este valid"
        ):
            partner_ro.create({"name": "Ion", "cic_cnp": "1630615123458"})

    # Person type -------------------------------------------------------------
    def test_person_type_follows_company_flag(self):
        self.assertEqual(self._person().cic_person_type, "natural")
        company = self.Partner.create({"name": "SC Exemplu SRL", "is_company": True})
        self.assertEqual(company.cic_person_type, "legal")

    # CUI (R-ID-2) --------------------------------------------------------------
    def test_cui_valid(self):
        partner = self._person(cic_cui="13548146")
        self.assertEqual(partner.cic_cui, "13548146")
        self.assertFalse(partner.cic_vat_payer)

    def test_cui_ro_prefix_sets_vat_flag(self):
        partner = self.Partner.create(
            {"name": "SC Exemplu SRL", "is_company": True, "cic_cui": "RO13548146"}
        )
        self.assertEqual(partner.cic_cui, "13548146")
        self.assertTrue(partner.cic_vat_payer)
        partner.write({"cic_cui": "ro 13548146"})
        self.assertEqual(partner.cic_cui, "13548146")
        self.assertTrue(partner.cic_vat_payer)

    def test_cui_bad_checksum(self):
        with self.assertRaisesRegex(ValidationError, "CUI"):
            self._person(cic_cui="13548147")

    # IBAN (R-ID-3) -------------------------------------------------------------
    def test_iban_helper(self):
        check = self.Partner._cic_normalize_iban
        self.assertEqual(
            check("RO49 AAAA 1B31 0075 9384 0000"), "RO49AAAA1B31007593840000"
        )
        with self.assertRaisesRegex(ValidationError, "IBAN"):
            check("RO48AAAA1B31007593840000")
        with self.assertRaisesRegex(ValidationError, "Romanian IBAN"):
            check("DE89370400440532013000")
        self.assertEqual(
            check("DE89370400440532013000", romanian_only=False),
            "DE89370400440532013000",
        )
        self.assertFalse(check(""))

    # Structured address (R-ID-4) -----------------------------------------------
    def test_structured_address_fills_standard_fields(self):
        partner = self._person(
            cic_county=self.cluj.id,
            cic_locality="Cluj-Napoca",
            cic_street="Str. Memorandumului",
            cic_street_number="28",
            cic_block="A1",
            cic_staircase="2",
            cic_floor="3",
            cic_apartment="12",
            zip="400114",
        )
        self.assertEqual(partner.country_id.code, "RO")
        self.assertEqual(partner.state_id, self.cluj)
        self.assertEqual(partner.street, "Str. Memorandumului nr. 28")
        self.assertEqual(partner.street2, "bl. A1, sc. 2, et. 3, ap. 12")
        self.assertEqual(partner.city, "Cluj-Napoca")
        address = partner._display_address()
        self.assertIn("Str. Memorandumului nr. 28", address)
        self.assertIn("Cluj-Napoca", address)
        partner.write({"cic_apartment": "14"})
        self.assertEqual(partner.street2, "bl. A1, sc. 2, et. 3, ap. 14")

    def test_bucharest_sector(self):
        partner = self._person(
            cic_county=self.bucharest.id,
            cic_locality="București",
            cic_street="Bd. Regina Elisabeta",
            cic_street_number="47",
            cic_sector="5",
            zip="050013",
        )
        self.assertEqual(partner.street2, "Sector 5")
        with self.assertRaisesRegex(ValidationError, "Bucharest"):
            self._person(cic_county=self.cluj.id, cic_sector="1")

    def test_postal_code_six_digits(self):
        with self.assertRaisesRegex(ValidationError, "6 digits"):
            self._person(cic_county=self.cluj.id, zip="40011")
        # foreign addresses keep their own postal codes
        self._person(country_id=self.env.ref("base.fr").id, zip="75001")

    def test_form_onchange_builds_street(self):
        with Form(self.Partner) as form:
            form.name = "Ana Ionescu"
            form.cic_county = self.cluj
            form.cic_street = "Str. Horea"
            form.cic_street_number = "5"
            self.assertEqual(form.street, "Str. Horea nr. 5")
            self.assertEqual(form.country_id.code, "RO")
