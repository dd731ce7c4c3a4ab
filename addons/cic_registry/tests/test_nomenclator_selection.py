# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Selection commission and anonymisation of expired files (R-REG-6, R-GDPR-2)."""

import datetime

from odoo.exceptions import UserError

from .nomenclator_common import CicNomenclatorCase


class TestArchiveSelection(CicNomenclatorCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.bucharest = cls.env.ref("base.RO_B")
        cls.old_petitioner = Partner.create(
            {
                "name": "Gheorghe Vechi",
                "email": "gheorghe@example.com",
                "phone": "0722000000",
                "cic_cnp": "1630615123457",
                "cic_county": cls.bucharest.id,
                "cic_locality": "București",
                "cic_street": "Str. Lungă",
                "cic_street_number": "1",
                "cic_sector": "3",
            }
        )
        cls.recent_petitioner = Partner.create(
            {"name": "Elena Recentă", "email": "elena@example.com"}
        )
        cls.company_petitioner = Partner.create(
            {"name": "SC Vechi SRL", "is_company": True, "cic_cui": "RO13548146"}
        )
        when = datetime.datetime(2002, 3, 4, 9)
        cls.expired = cls.old_entry(
            when, cls.file_petitions, partner_id=cls.old_petitioner.id
        )
        cls.expired_shared = cls.old_entry(
            when, cls.file_petitions, partner_id=cls.recent_petitioner.id
        )
        cls.expired_company = cls.old_entry(
            when, cls.file_default, partner_id=cls.company_petitioner.id
        )
        cls.permanent = cls.old_entry(
            when, cls.file_permanent, partner_id=cls.old_petitioner.id
        )
        cls.recent = cls.create_entry("petition", partner_id=cls.recent_petitioner.id)
        cls.expired.message_post(
            body="Date personale ale petentului", message_type="comment"
        )
        cls.env["ir.attachment"].create(
            {
                "name": "cerere.pdf",
                "raw": b"%PDF-1.4 test",
                "res_model": "helpdesk.ticket",
                "res_id": cls.expired.id,
            }
        )
        cls.selection = cls.env["cic.archive.selection"].create(
            {"name": "Selecția 2026", "team_id": cls.team.id}
        )

    def test_candidates_are_expired_non_permanent_entries(self):
        self.selection.action_load_candidates()
        expected = self.expired | self.expired_shared | self.expired_company
        self.assertEqual(
            self.selection.ticket_ids & (expected | self.permanent | self.recent),
            expected,
        )
        self.assertEqual(self.selection.ticket_count, len(self.selection.ticket_ids))
        files = self.selection._cic_files()
        ours = [
            f for f in files if f["entry"] in (self.file_petitions, self.file_default)
        ]
        self.assertEqual(len(ours), 2)
        petitions = next(f for f in ours if f["entry"] == self.file_petitions)
        self.assertEqual(petitions["year"], 2002)
        self.assertEqual(petitions["eligible_date"], datetime.date(2005, 12, 31))
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "cic_registry.report_cic_archive_selection", self.selection.ids
            )[0]
            .decode()
        )
        self.assertIn("Petiții și răspunsuri", html)

    def test_nothing_is_deleted_or_anonymised_without_decision(self):
        self.selection.action_load_candidates()
        with self.assertRaises(UserError):
            self.selection.action_anonymise()
        with self.assertRaises(UserError):
            self.selection.action_decide()  # no decision number yet
        with self.assertRaises(UserError):
            self.selection.ticket_ids._cic_anonymise(self.selection)
        self.assertEqual(self.expired.partner_id, self.old_petitioner)
        self.assertTrue(self.expired.exists())

    def test_entries_not_expired_cannot_be_decided(self):
        self.selection.write(
            {
                "ticket_ids": [(6, 0, (self.expired | self.recent).ids)],
                "decision_number": "3",
                "decision_date": "2026-01-15",
            }
        )
        with self.assertRaisesRegex(UserError, "retention"):
            self.selection.action_decide()

    def test_anonymisation_after_decision(self):
        self.selection.write(
            {
                "ticket_ids": [
                    (
                        6,
                        0,
                        (self.expired | self.expired_shared | self.expired_company).ids,
                    )
                ],
                "decision_number": "PV 4",
                "decision_date": "2026-01-15",
                "commission_members": "Președinte: I. Ionescu",
            }
        )
        self.selection.action_decide()
        self.assertEqual(self.selection.state, "decided")
        self.selection.action_anonymise()
        self.assertEqual(self.selection.state, "done")
        for entry in self.expired | self.expired_shared | self.expired_company:
            self.assertTrue(entry.exists())
            self.assertFalse(entry.partner_id)
            self.assertFalse(entry.partner_email)
            self.assertEqual(entry.partner_name, "Anonymised petitioner")
            self.assertTrue(entry.cic_anonymised_date)
            self.assertEqual(entry.cic_archive_selection_id, self.selection)
            self.assertTrue(entry.cic_registration_number)
        self.assertFalse(
            self.env["ir.attachment"].search(
                [
                    ("res_model", "=", "helpdesk.ticket"),
                    ("res_id", "=", self.expired.id),
                ]
            )
        )
        bodies = self.expired.message_ids.mapped("body")
        self.assertFalse([b for b in bodies if b and "Date personale" in b])
        # the permanent file still refers to the old petitioner: kept as is
        self.assertEqual(self.permanent.partner_id, self.old_petitioner)
        self.assertEqual(self.old_petitioner.sudo().cic_cnp, "1630615123457")
        # the petitioner with a recent entry is kept
        self.assertEqual(self.recent_petitioner.email, "elena@example.com")
        # legal persons are not personal data
        self.assertTrue(self.company_petitioner.active)
        self.assertEqual(self.company_petitioner.cic_cui, "13548146")
        with self.assertRaises(UserError):
            self.selection.action_anonymise()

    def test_petitioner_anonymised_when_no_entry_is_kept(self):
        self.permanent.partner_id = self.recent_petitioner
        self.selection.write(
            {
                "ticket_ids": [(6, 0, self.expired.ids)],
                "decision_number": "PV 5",
                "decision_date": "2026-01-15",
            }
        )
        self.selection.action_decide()
        self.selection.action_anonymise()
        partner = self.old_petitioner.sudo().with_context(active_test=False)
        self.assertEqual(partner.name, "Anonymised petitioner")
        self.assertFalse(partner.active)
        self.assertFalse(partner.cic_cnp)
        self.assertFalse(partner.email or partner.phone or partner.street)
        self.assertFalse(partner.cic_sector or partner.cic_locality or partner.street2)

    def test_anonymisation_clears_every_copy_of_the_petitioner(self):
        """Issue 14, point 14: the audit-log values, tracking values, chatter,
        answer and CNP access log quoting the petitioner are cleared too."""
        self.permanent.partner_id = self.recent_petitioner
        name, cnp = "Gheorghe Vechi", "1630615123457"
        self.expired.write(
            {
                "partner_id": self.recent_petitioner.id,
                "cic_answer_body": f"<p>{name}</p>",
            }
        )
        self.expired.partner_id = self.old_petitioner  # audit: new value quotes him
        self.expired._message_log(
            body=f"Confirmare {name}",
            tracking_value_ids=[
                (
                    0,
                    0,
                    {
                        "field_id": self.env["ir.model.fields"]
                        ._get("helpdesk.ticket", "partner_name")
                        .id,
                        "new_value_char": name,
                    },
                )
            ],
        )
        self.env["cic.cnp.access.log"].sudo()._log_access(self.old_petitioner, "read")
        self.selection.write(
            {
                "ticket_ids": [(6, 0, self.expired.ids)],
                "decision_number": "PV 6",
                "decision_date": "2026-01-15",
            }
        )
        self.selection.action_decide()
        self.selection.action_anonymise()
        audit = self.env["cic.audit.log"].search(
            [("res_model", "=", "helpdesk.ticket"), ("res_id", "=", self.expired.id)]
        )
        self.assertTrue(audit, "who changed the petitioner, and when, stays")
        values = audit.mapped("old_value") + audit.mapped("new_value")
        self.assertFalse([v for v in values if v and name in v])
        messages = self.expired.message_ids
        self.assertFalse([b for b in messages.mapped("body") if b and name in b])
        tracked = messages.tracking_value_ids.mapped("new_value_char")
        self.assertNotIn(name, tracked)
        self.assertFalse(self.expired.cic_answer_body)
        log = self.env["cic.cnp.access.log"].search(
            [("partner_id", "=", self.old_petitioner.id)]
        )
        self.assertEqual(log.access_type, "read", "who read it, and when, stays")
        self.assertFalse(log.partner_name)
        partner = self.old_petitioner.sudo().with_context(active_test=False)
        self.assertNotIn(cnp, str(partner.read(["cic_cnp"])))
