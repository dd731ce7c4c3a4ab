# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The Monitorul Oficial Local (/cic/mol) and the council's sessions (/cic/council),
issue 17 point 3: the visitor sees what is published and nothing else, whatever id
he puts in the address, and no personal data of the people behind the acts."""

import base64
import datetime

from odoo.tests import new_test_user, tagged

from .common import CicPortalHttpCase

PDF = base64.b64encode(b"%PDF-1.4\n% test MOL document\n%%EOF\n")


@tagged("post_install", "-at_install")
class TestMolPage(CicPortalHttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.secretary = new_test_user(
            cls.env,
            login="cic_mol_secretary",
            name="Test Secretarul Ionescu-Confidențial",
            groups="cic_registry.group_cic_secretary",
        )
        Session = cls.env["cic.council.session"]
        session_vals = {
            "session_type": "ordinary",
            "location": "Test Sala Mare",
            "members_in_office": 15,
            "members_present": 12,
            "minutes_file": PDF,
            "minutes_file_name": "pv.pdf",
        }
        cls.council_session = Session.create(
            dict(
                session_vals,
                session_start=datetime.datetime(2031, 3, 20, 8, 0),
                convocation_date=datetime.date(2031, 3, 10),
                chair="Test Președinte Popescu-Privat",
                minutes_anonymised=True,
                is_published=True,
                agenda_item_ids=[
                    (0, 0, {"name": "Test punct publicat pe ordinea de zi"})
                ],
            )
        )
        cls.hidden_session = Session.create(
            dict(
                session_vals,
                session_start=datetime.datetime(2031, 4, 24, 7, 0),
                agenda_item_ids=[(0, 0, {"name": "Test punct secret nepublicat"})],
            )
        )
        # published session whose minutes are not checked for personal data
        cls.unchecked_minutes = Session.create(
            dict(
                session_vals,
                session_start=datetime.datetime(2031, 5, 22, 7, 0),
                is_published=True,
            )
        )
        Decision = cls.env["cic.council.decision"]
        act_vals = {
            "session_id": cls.council_session.id,
            "state": "adopted",
            "year": 2031,
            "act_date": datetime.date(2031, 3, 20),
            "countersign_state": "countersigned",
            "countersigned_by_id": cls.secretary.id,
            "published_file": PDF,
            "published_file_name": "hcl.pdf",
        }
        # written as the superuser (the workflow's own fields)
        cls.published = Decision.create(
            dict(
                act_vals,
                name="Test HCL publicată privind iluminatul public",
                number=901,
                anonymised=True,
                is_published=True,
            )
        )
        cls.unpublished = Decision.create(
            dict(act_vals, name="Test HCL nepublicată secretă", number=902)
        )
        Disposition = cls.env["cic.mayor.disposition"]
        cls.individual = Disposition.create(
            dict(
                {k: v for k, v in act_vals.items() if k != "session_id"},
                name="Test dispoziție individuală privind Ion Particularul",
                act_kind="individual",
                number=903,
                is_published=True,
            )
        )
        cls.refusal = cls.env["cic.countersign.refusal"].create(
            {
                "number": 900,
                "year": 2031,
                "date": datetime.date(2031, 3, 21),
                "decision_id": cls.unpublished.id,
                "act_name": "Test refuz nepublicat",
                "reasons": "Test motive nepublicate",
                "secretary_id": cls.secretary.id,
            }
        )

    def test_routes_answer_and_explain_when_nothing_is_published(self):
        self.env["cic.council.decision"].search([]).write({"is_published": False})
        self.env["cic.mayor.disposition"].search([]).write({"is_published": False})
        self.env["cic.council.session"].search([]).write({"is_published": False})
        self.env["cic.countersign.refusal"].search([]).write({"is_published": False})
        self.env["cic.public.document"].search([]).write({"is_published": False})
        mol = self.url_open("/cic/mol")
        self.assertEqual(mol.status_code, 200)
        # each empty section says what will be published there (any language)
        self.assertGreaterEqual(mol.text.count("o_cic_mol_empty"), 12)
        self.assertNotIn("o_cic_mol_act", mol.text)
        for section in ("mol_statute", "mol_procedures", "mol_decisions"):
            self.assertIn(f'id="{section}"', mol.text)
        for section in ("mol_dispositions", "mol_financial", "mol_other"):
            self.assertIn(f'id="{section}"', mol.text)
        council = self.url_open("/cic/council")
        self.assertEqual(council.status_code, 200)
        self.assertIn("o_cic_council_empty", council.text)
        self.assertNotIn("o_cic_council_session", council.text)

    def test_published_only(self):
        mol = self.url_open("/cic/mol")
        self.assertEqual(mol.status_code, 200)
        self.assertIn(self.published.name, mol.text)
        self.assertIn("901/2031", mol.text)
        self.assertNotIn(self.unpublished.name, mol.text)
        self.assertNotIn(self.individual.name, mol.text)
        self.assertNotIn("Test motive nepublicate", mol.text)
        council = self.url_open("/cic/council")
        self.assertIn("Test punct publicat pe ordinea de zi", council.text)
        self.assertIn("Test Sala Mare", council.text)
        self.assertNotIn("Test punct secret nepublicat", council.text)
        self.assertIn(f"/cic/mol/minutes/{self.council_session.id}/pdf", council.text)
        self.assertNotIn(
            f"/cic/mol/minutes/{self.unchecked_minutes.id}/pdf", council.text
        )

    def test_no_personal_data(self):
        for url in ("/cic/mol", "/cic/council"):
            page = self.url_open(url)
            self.assertNotIn(self.secretary.name, page.text, url)
            self.assertNotIn(self.secretary.login, page.text, url)
            self.assertNotIn("Popescu-Privat", page.text, url)

    def test_published_pdf_opens(self):
        response = self.url_open(f"/cic/mol/decision/{self.published.id}/pdf")
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.content.startswith(b"%PDF"))
        response = self.url_open(f"/cic/mol/minutes/{self.council_session.id}/pdf")
        self.assertEqual(response.status_code, 200)

    def test_attack_by_id_as_visitor(self):
        for url in (
            f"/cic/mol/decision/{self.unpublished.id}/pdf",
            f"/cic/mol/disposition/{self.individual.id}/pdf",
            f"/cic/mol/minutes/{self.hidden_session.id}/pdf",
            f"/cic/mol/minutes/{self.unchecked_minutes.id}/pdf",
            f"/cic/mol/helpdesk.ticket/{self.unpublished.id}/pdf",
            "/cic/mol/decision/999999999/pdf",
        ):
            response = self.url_open(url)
            self.assertEqual(response.status_code, 404, url)
            self.assertNotIn(b"%PDF", response.content, url)

    def test_attack_through_web_content(self):
        """Odoo's generic download route serves a record's binary field to whoever
        reads the record: the minutes of a published session must still stay
        hidden until checked for signatures and personal data."""
        url = (
            f"/web/content/cic.council.session/{self.unchecked_minutes.id}/minutes_file"
        )
        response = self.url_open(url)
        self.assertNotEqual(response.status_code, 200, url)
        self.assertNotIn(b"%PDF", response.content, url)
        for record, field in (
            (self.unpublished, "published_file"),
            (self.hidden_session, "minutes_file"),
        ):
            url = f"/web/content/{record._name}/{record.id}/{field}"
            response = self.url_open(url)
            self.assertNotIn(b"%PDF", response.content, url)

    def test_attack_by_id_as_portal_user(self):
        self.authenticate(self.portal_a.login, self.portal_a.login)
        response = self.url_open(f"/cic/mol/decision/{self.unpublished.id}/pdf")
        self.assertEqual(response.status_code, 404)
        # and the record rule hides it from the ORM as well
        Decision = self.env["cic.council.decision"].with_user(self.portal_a)
        self.assertFalse(Decision.search([("id", "=", self.unpublished.id)]))
        self.assertEqual(
            Decision.search([("id", "=", self.published.id)]), self.published
        )
