# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Procedures per commune (issue 19): a commune's own procedure of a code
replaces the shared one in that commune only; the entries the suite creates
itself (outgoing letters, the front desk, recommendations) take it by code."""

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestProcedureCommune(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Company = cls.env["res.company"]
        cls.company_a = Company.create({"name": "Comuna A procedura (test)"})
        cls.company_b = Company.create({"name": "Comuna B procedura (test)"})
        Procedure = cls.env["cic.procedure"]
        cls.shared_outgoing = Procedure.search(
            [("code", "=", "outgoing"), ("company_id", "=", False)]
        )
        cls.outgoing_b = cls.shared_outgoing.copy(
            {"name": "Ieșire (B)", "company_id": cls.company_b.id, "team_id": False}
        )
        cls.petitioner = cls.env["res.partner"].create({"name": "Petent Comună"})

    def test_own_procedure_else_shared(self):
        Procedure = self.env["cic.procedure"]
        self.assertEqual(
            Procedure._cic_for_commune("outgoing", self.company_b), self.outgoing_b
        )
        self.assertEqual(
            Procedure._cic_for_commune("outgoing", self.company_a),
            self.shared_outgoing,
        )
        self.assertFalse(Procedure._cic_for_commune("no_such_code", self.company_a))

    def test_outgoing_letter_takes_its_communes_procedure(self):
        petition = self.env["cic.procedure"]._cic_for_commune(
            "petition", self.company_b
        )
        for company, outgoing in (
            (self.company_b, self.outgoing_b),
            (self.company_a, self.shared_outgoing),
        ):
            entry = self.env["helpdesk.ticket"].create(
                {
                    "name": f"Petiție {company.name}",
                    "description": "<p>Text</p>",
                    "partner_id": self.petitioner.id,
                    "cic_procedure_id": petition.id,
                    "company_id": company.id,
                }
            )
            letter = entry._cic_create_letter(
                "answer", self.petitioner, "Răspuns", "<p>Răspuns</p>"
            )
            self.assertEqual(letter.cic_procedure_id, outgoing)
            self.assertEqual(letter.company_id, company)
