# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""SIRUTA register and locality validation of petitioners' addresses (R-ID-4)."""

import base64

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, TransactionCase, new_test_user

from odoo.addons.cic_registry.models.cic_siruta import siruta_key

# An INS-format extract (Cluj county) with a village name used in two units.
CLUJ = """SIRUTA;DENLOC;CODP;JUD;SIRSUP;TIP;NIV;MED
127;JUDEȚUL CLUJ;0;12;1;40;1;0
54975;MUNICIPIUL CLUJ-NAPOCA;0;12;127;1;2;1
54984;CLUJ-NAPOCA;400001;12;54975;9;3;1
55105;MUNICIPIUL TURDA;0;12;127;4;2;1
55114;TURDA;401001;12;55105;9;3;1
55123;OPRIȘANI;401002;12;55105;10;3;1
57706;CĂPUȘU MARE;0;12;127;3;2;3
57715;CĂPUȘU MARE;407125;12;57706;22;3;3
57724;DÎNGĂU MARE;407126;12;57706;23;3;3
57733;OPRIȘANI;407127;12;57706;23;3;3
"""


class TestSiruta(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.Siruta = cls.env["cic.siruta"]
        cls.cluj = cls.env.ref("base.RO_CJ")
        cls.created, cls.updated = cls.Siruta._cic_import_rows(
            cls.Siruta._cic_parse(CLUJ.encode())
        )

    def _locality(self, code):
        return self.Siruta.search([("code", "=", code)])

    def _partner(self, **vals):
        return self.env["res.partner"].create(
            dict({"name": "Ana Pop", "country_id": self.env.ref("base.ro").id}, **vals)
        )

    # key -----------------------------------------------------------------
    def test_key_ignores_case_diacritics_and_old_spelling(self):
        self.assertEqual(siruta_key("Cîmpeni"), siruta_key("Câmpeni"))
        self.assertEqual(siruta_key("CÎMPENI"), siruta_key("campeni"))
        self.assertEqual(siruta_key("Dîngău  Mare"), "DANGAU MARE")
        self.assertEqual(siruta_key("Înșurăței"), "INSURATEI")
        self.assertEqual(siruta_key("Cluj-Napoca"), siruta_key("CLUJ NAPOCA"))
        self.assertEqual(siruta_key("Oprişani"), siruta_key("Oprișani"))  # cedilla
        self.assertNotEqual(siruta_key("Turda"), siruta_key("Turzii"))

    # import --------------------------------------------------------------
    def test_import_builds_the_hierarchy(self):
        self.assertEqual((self.created, self.updated), (10, 0))
        city = self._locality(54984)
        self.assertEqual(city.name, "Cluj-Napoca")
        self.assertEqual(city.level, "3")
        self.assertEqual(city.state_id, self.cluj)
        self.assertEqual(city.parent_id.name, "Municipiul Cluj-Napoca")
        self.assertTrue(city.urban)
        self.assertEqual(city.ins_postal_code, "400001")
        village = self._locality(57733)
        self.assertFalse(village.urban)
        self.assertEqual(village.display_name, "Oprișani (Căpușu Mare)")

    def test_reimport_is_idempotent(self):
        before = self.Siruta.search_count([])
        created, updated = self.Siruta._cic_import_rows(
            self.Siruta._cic_parse(
                CLUJ.replace("TURDA;401001", "TURDA;401009").encode()
            )
        )
        self.assertEqual((created, updated), (0, 10))
        self.assertEqual(self.Siruta.search_count([]), before)
        self.assertEqual(self._locality(55114).ins_postal_code, "401009")

    def test_cp1250_and_comma_files(self):
        content = CLUJ.replace(";", ",").encode("cp1250", errors="replace")
        rows = self.Siruta._cic_parse(content)
        self.assertEqual(len(rows), 10)

    def test_not_a_siruta_file(self):
        with self.assertRaisesRegex(UserError, "not an INS SIRUTA file"):
            self.Siruta._cic_parse(b"name;code\nCluj;1\n")
        with self.assertRaisesRegex(UserError, "empty"):
            self.Siruta._cic_parse(b"")
        bad = CLUJ + "ABC;X;0;12;127;1;3;1\n"
        with self.assertRaisesRegex(UserError, "Line 12"):
            self.Siruta._cic_parse(bad.encode())

    def test_wizard_imports_for_the_manager(self):
        manager = new_test_user(
            self.env, "siruta_mgr", groups="cic_registry.group_cic_manager"
        )
        extra = CLUJ + "55132;TUREA;401003;12;55105;10;3;1\n"
        wizard = Form(self.env["cic.siruta.import"].with_user(manager))
        wizard.file = base64.b64encode(extra.encode())
        wizard = wizard.save()
        wizard.action_import()
        self.assertEqual(wizard.result, "1 localities added, 10 updated.")

    def test_access(self):
        clerk = new_test_user(
            self.env, "siruta_clk", groups="cic_registry.group_cic_clerk"
        )
        portal = new_test_user(self.env, "siruta_ptl", groups="base.group_portal")
        self.assertTrue(self.Siruta.with_user(clerk).search_count([]))
        with self.assertRaises(AccessError):
            self.Siruta.with_user(clerk).create({"code": 1, "name": "X", "level": "3"})
        with self.assertRaises(AccessError):
            self.Siruta.with_user(portal).search([])
        with self.assertRaises(AccessError):
            self.env["cic.siruta.import"].with_user(clerk).create({"file": b"eA=="})

    # partner addresses -----------------------------------------------------
    def test_locality_is_linked_by_lookup(self):
        partner = self._partner(state_id=self.cluj.id, cic_locality="cluj napoca")
        self.assertEqual(partner.cic_siruta_id, self._locality(54984))
        self.assertEqual(partner.cic_siruta_code, 54984)
        self.assertEqual(partner.cic_locality, "Cluj-Napoca")
        self.assertEqual(partner.city, "Cluj-Napoca")

    def test_unknown_locality_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "no locality"):
            self._partner(state_id=self.cluj.id, cic_locality="Floresti")
        partner = self._partner(state_id=self.cluj.id, cic_locality="Turda")
        with self.assertRaisesRegex(ValidationError, "SIRUTA"):
            partner.write({"cic_locality": "Turzii"})
        self.assertEqual(partner.cic_siruta_id.code, 55114)

    def test_locality_must_be_in_the_county(self):
        with self.assertRaises(ValidationError):
            self._partner(
                state_id=self.cluj.id, cic_locality="Alba Iulia", street="Str. X"
            )

    def test_ambiguous_name_waits_for_the_clerk(self):
        partner = self._partner(state_id=self.cluj.id, cic_locality="Oprisani")
        self.assertFalse(partner.cic_siruta_id)
        partner.cic_siruta_id = self._locality(57733)
        self.assertEqual(partner.cic_locality, "Oprișani")
        self.assertEqual(partner.state_id, self.cluj)

    def test_choosing_the_siruta_locality_fills_the_address(self):
        partner = self._partner(cic_siruta_id=self._locality(57724).id)
        self.assertEqual(partner.cic_locality, "Dîngău Mare")
        self.assertEqual(partner.state_id, self.cluj)
        form = Form(self.env["res.partner"])
        form.name = "Ion Pop"
        form.cic_siruta_id = self._locality(55114)
        self.assertEqual(form.cic_locality, "Turda")
        self.assertEqual(form.state_id, self.cluj)

    def test_county_without_table_is_not_checked(self):
        bihor = self.env.ref("base.RO_BH")
        self.assertFalse(self.Siruta._cic_has_county(bihor))
        partner = self._partner(state_id=bihor.id, cic_locality="Oradea")
        self.assertFalse(partner.cic_siruta_id)
