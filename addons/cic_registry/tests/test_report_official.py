# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Official PDFs printed by a Romanian clerk (issue 21): letterhead drawn in the page
body (also by Debian's wkhtmltopdf), extractable text with every Romanian letter,
"Către", "Nr. … din dd.mm.yyyy", the address in Romanian order, "Pagina X din Y" and
the signature block of the letter as the approvals recorded it."""

import datetime

from odoo.tests import tagged

from .pdf_text import OfficialPdfMixin
from .workflow_common import CicWorkflowCase


@tagged("post_install", "-at_install")
class TestReportOfficial(OfficialPdfMixin, CicWorkflowCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_institution()
        cls.citizen = cls.env["res.partner"].create(
            {
                "name": "Maria Șerban",
                "email": "maria.serban@example.com",
                "street": "Str. Libertății nr. 10",
                "city": "Țăndărei",
                "state_id": cls.env.ref("base.RO_IL").id,
                "zip": "925201",
                "country_id": cls.env.ref("base.ro").id,
                "lang": "ro_RO",
            }
        )
        cls.team.name = "Serviciul Urbanism"
        cls.head.name = "Mihai Rădulescu"
        cls.secretary.name = "Ștefan Câmpeanu"
        cls.staff.name = "Elena Pîrvu"

    def _petition(self):
        ticket = self.petition(
            partner_id=self.citizen.id,
            name="Groapă în asfalt pe strada Libertății",
            as_user=self.ro_clerk,
        )
        self.assertTrue(ticket.cic_registration_seq)
        return ticket

    @staticmethod
    def _line(number, day):
        return f"Nr. {number} din {day:%d.%m.%Y}"

    def test_registration_receipt(self):
        ticket = self._petition()
        text = self.render_text(
            "cic_registry.action_report_registration_receipt", ticket
        )
        self.assert_official(text)
        day = self.env["cic.calendar"].local_date(ticket.cic_registration_date)
        self.assertIn(self._line(ticket.cic_registration_seq, day), text)
        self.assertIn("Confirmare de înregistrare", text)

    def test_answer_letter(self):
        ticket = self._petition()
        ticket.user_id = self.staff
        self.prepare_answer(ticket)
        self.approve(ticket)
        ticket.with_user(self.ro_clerk).action_cic_dispatch_answer()
        letter = self.letters(ticket, "answer")
        text = self.render_text("cic_registry.action_report_cic_letter", letter)
        self.assert_official(text)
        self.assertIn("Către", text)
        self.assertNotIn("Până la", text)
        self.assertIn(
            "Str. Libertății nr. 10, Țăndărei, județul Ialomița, cod poștal 925201",
            text,
        )
        self.assertIn(
            self._line(letter.cic_registration_seq, letter.cic_dispatch_date), text
        )
        # Signature block (OG 27/2002 art. 12) as the approvals recorded it.
        for expected in (
            "Primar",
            "Ștefan Câmpeanu",
            "Secretar general",
            "Ioana Țurcanu",
            "Șef compartiment Serviciul Urbanism",
            "Mihai Rădulescu",
            "Întocmit",
            "Elena Pîrvu",
            "L.S.",
        ):
            self.assertIn(expected, text)

    def test_notice_signed_by_the_authority(self):
        """A letter without recorded approvals takes the names of the settings."""
        ticket = self._petition()
        letter = ticket.with_user(self.ro_clerk)._cic_create_letter(
            "extension_notice", self.citizen, "Prelungirea termenului", "<p>Text</p>"
        )
        rows = letter._cic_letter_signature_rows()
        self.assertEqual(
            rows[0],
            [("Primar", "Ștefan Câmpeanu"), ("Secretary general", "Ioana Țurcanu")],
        )
        self.assertEqual(rows[1], [("Drafted by", self.ro_clerk.name)])

    def test_statutory_report(self):
        wizard = (
            self.env["cic.report.wizard"]
            .with_user(self.ro_clerk)
            .create(
                {
                    "report_type": "registry_book",
                    "date_from": datetime.date(2024, 4, 1),
                    "date_to": datetime.date(2024, 4, 30),
                }
            )
        )
        text = self.render_text("cic_registry.action_report_cic_registry_book", wizard)
        self.assert_official(text)

    def test_archive_inventory_and_handover(self):
        inventory = (
            self.env["cic.archive.inventory"]
            .with_user(self.ro_clerk)
            .create({"year": 2003, "team_id": self.team.id})
        )
        for xmlid in (
            "cic_registry.cic_archive_inventory_report",
            "cic_registry.cic_archive_handover_report",
        ):
            text = self.render_text(xmlid, inventory)
            self.assert_official(text)

    def test_answer_approved_for_the_head(self):
        """Approved by someone else than the head of the authority: "p. Primar"."""
        ticket = self._petition()
        self.secretary.name = "Ioana Țurcanu"
        self.prepare_answer(ticket)
        self.approve(ticket)
        ticket.with_user(self.ro_clerk).action_cic_dispatch_answer()
        letter = self.letters(ticket, "answer").with_context(lang="ro_RO")
        rows = letter._cic_letter_signature_rows()
        self.assertEqual(rows[0][0], ("p. Primar", "Ioana Țurcanu"))
