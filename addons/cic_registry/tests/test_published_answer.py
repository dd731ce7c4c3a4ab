# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Answers to Law 544 requests published for everyone (issue 17 point 8), as the
clerk and the department head who publish them: consent or anonymised text, no
personal data, who and when recorded, publication only through the button."""

from odoo.exceptions import AccessError, UserError

from .common import CicRegistryCase


class TestPublishedAnswer(CicRegistryCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.partner.write({"phone": "0722 000 111"})
        cls.request = cls.create_entry(
            "foi_request",
            name="Cheltuielile cu iluminatul festiv",
            cic_answer_body="<p>Ion Testescu: cheltuielile au fost de 120.000 lei.</p>",
        )

    def _prepare(self, user=None):
        ticket = self.request.with_user(user or self.clerk)
        action = ticket.action_cic_prepare_publication()
        return (
            self.env["cic.published.answer"]
            .with_user(user or self.clerk)
            .browse(action["res_id"])
        )

    def test_clerk_prepares_anonymises_and_publishes(self):
        answer = self._prepare()
        self.assertEqual(answer.name, "Cheltuielile cu iluminatul festiv")
        self.assertEqual(answer.basis, "anonymised")
        self.assertFalse(answer.is_published)
        # The text copied from the request still names the applicant.
        with self.assertRaisesRegex(UserError, "applicant"):
            answer.action_publish()
        self.assertFalse(answer.is_published)
        answer.write({"answer": "<p>Cheltuielile au fost de 120.000 lei.</p>"})
        answer.action_publish()
        self.assertTrue(answer.is_published)
        self.assertEqual(answer.published_by_id, self.clerk)
        self.assertTrue(answer.published_date)
        # Preparing again opens the same answer.
        self.assertEqual(self._prepare(), answer)

    def test_cnp_and_email_refused(self):
        answer = self._prepare()
        for text in (
            "<p>Solicitant CNP 1960529460015, suma 10 lei.</p>",
            "<p>Răspuns trimis la cineva@example.com.</p>",
        ):
            answer.write({"answer": text})
            with self.assertRaises(UserError):
                answer.action_publish()
            self.assertFalse(answer.is_published)

    def test_consent_needed_for_consent_basis(self):
        answer = self._prepare()
        answer.write(
            {"basis": "consent", "answer": "<p>Cheltuielile: 120.000 lei.</p>"}
        )
        with self.assertRaisesRegex(UserError, "consent"):
            answer.action_publish()
        self.request.with_user(self.clerk).write({"cic_publish_consent": True})
        answer.action_publish()
        self.assertTrue(answer.is_published)

    def test_head_publishes_staff_does_not(self):
        answer = self._prepare(self.head)
        answer.write({"answer": "<p>Cheltuielile: 120.000 lei.</p>"})
        with self.assertRaises(AccessError):
            answer.with_user(self.staff).action_publish()
        answer.action_publish()
        self.assertEqual(answer.published_by_id, self.head)
        answer.action_unpublish()
        self.assertFalse(answer.is_published)

    def test_publication_fields_only_through_the_button(self):
        answer = self._prepare()
        with self.assertRaises(AccessError):
            answer.write({"is_published": True})
        with self.assertRaises(AccessError):
            self.env["cic.published.answer"].with_user(self.clerk).create(
                {
                    "ticket_id": self.create_entry("foi_request").id,
                    "name": "X",
                    "is_published": True,
                }
            )
        self.assertFalse(answer.is_published)

    def test_only_foi_requests(self):
        petition = self.create_entry("petition")
        with self.assertRaises(UserError):
            petition.with_user(self.clerk).action_cic_prepare_publication()
