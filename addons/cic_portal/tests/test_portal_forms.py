# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re

from odoo.tests import tagged

from .common import CicPortalHttpCase


@tagged("post_install", "-at_install")
class TestPortalForms(CicPortalHttpCase):
    def test_petition_without_account_registers_and_redirects(self):
        data = self._petition_data()
        response = self._submit("/cic/form/petition", data)
        self.assertEqual(response.status_code, 303)
        ticket = self._tickets(data["subject"])
        self.assertEqual(len(ticket), 1)
        self.assertIn(
            f"/cic/request/{ticket.id}/confirmation?access_token={ticket.access_token}",
            response.headers["Location"],
        )
        self.assertEqual(ticket.cic_procedure_id, self.procedure_petition)
        self.assertTrue(ticket.cic_portal_origin)
        self.assertEqual(ticket.partner_id.name, "Ion Vasilescu")
        self.assertTrue(ticket.cic_registration_number)
        self.assertTrue(ticket.cic_legal_due_date)
        page = self.url_open(response.headers["Location"])
        self.assertIn(ticket.cic_registration_number, page.text)
        self.assertIn(ticket.cic_access_code, page.text)
        domain = [("model", "=", "helpdesk.ticket"), ("res_id", "=", ticket.id)]
        mail = self.env["mail.mail"].search(domain)
        self.assertFalse(mail, "the confirmation is queued, not sent in the request")
        self.assertTrue(ticket.cic_acknowledgement_pending)
        self.env["helpdesk.ticket"]._cron_cic_send_deferred_mail()
        self.env["helpdesk.ticket"]._cron_cic_send_deferred_mail()
        mail = self.env["mail.mail"].search(domain)
        self.assertEqual(len(mail), 1, "one confirmation, no second acknowledgement")
        self.assertEqual(self._mail_recipients(mail), ["ion.vasilescu@example.com"])
        self.assertIn(ticket.cic_registration_number, mail.subject)
        self.assertIn(ticket.cic_access_code, mail.body_html)
        self.assertFalse(ticket.cic_acknowledgement_pending)

    def test_petition_requires_name_and_postal_address(self):
        """OG 27/2002 art. 7: no online petition without a postal address."""
        for missing in ("street", "locality", "county", "last_name"):
            with self.subTest(missing=missing):
                data = self._petition_data(subject=f"Fără {missing}", **{missing: ""})
                response = self._submit("/cic/form/petition", data)
                self.assertEqual(response.status_code, 200)
                self.assertIn("is-invalid", response.text)
                self.assertFalse(self._tickets(data["subject"]))

    def test_foi_request_requires_art_6_fields(self):
        data = self._petition_data(subject="Cerere 544 fără conținut", message="")
        response = self._submit("/cic/form/foi_request", data)
        self.assertEqual(response.status_code, 200)
        self.assertFalse(self._tickets(data["subject"]))
        data = self._petition_data(subject="Cerere 544 completă", answer_format="email")
        response = self._submit("/cic/form/foi_request", data)
        self.assertEqual(response.status_code, 303)
        ticket = self._tickets(data["subject"])
        self.assertEqual(
            ticket.cic_procedure_id, self.env.ref("cic_registry.procedure_foi_request")
        )

    def test_consent_required(self):
        data = self._petition_data(subject="Fără acord", consent="")
        response = self._submit("/cic/form/petition", data)
        self.assertEqual(response.status_code, 200)
        self.assertFalse(self._tickets(data["subject"]))

    def test_double_submit_registers_once(self):
        data = self._petition_data(subject="Dublu click")
        tokens = self._form_tokens("/cic/form/petition")
        first = self._submit("/cic/form/petition", data, tokens=tokens)
        second = self._submit("/cic/form/petition", data, tokens=tokens)
        self.assertEqual(first.status_code, 303)
        self.assertEqual(second.status_code, 303)
        self.assertEqual(first.headers["Location"], second.headers["Location"])
        self.assertEqual(len(self._tickets("Dublu click")), 1)

    def test_honeypot_refused(self):
        data = self._petition_data(subject="Robot", cic_website="http://spam")
        response = self._submit("/cic/form/petition", data)
        self.assertEqual(response.status_code, 200)
        self.assertFalse(self._tickets("Robot"))

    def test_too_fast_refused(self):
        self.env["ir.config_parameter"].sudo().set_param(
            "cic_portal.min_fill_seconds", 3600
        )
        data = self._petition_data(subject="Prea rapid")
        response = self._submit("/cic/form/petition", data)
        self.assertEqual(response.status_code, 200)
        self.assertFalse(self._tickets("Prea rapid"))

    def test_forged_form_token_refused(self):
        csrf, _token = self._form_tokens("/cic/form/petition")
        data = self._petition_data(subject="Token fals")
        response = self._submit("/cic/form/petition", data, tokens=(csrf, "AAAA"))
        self.assertEqual(response.status_code, 200)
        self.assertFalse(self._tickets("Token fals"))

    def test_rate_limit_per_client(self):
        self.env["ir.config_parameter"].sudo().set_param(
            "cic_portal.submit_limit_per_hour", 1
        )
        first = self._submit(
            "/cic/form/petition", self._petition_data(subject="Limita 1")
        )
        second = self._submit(
            "/cic/form/petition", self._petition_data(subject="Limita 2")
        )
        self.assertEqual(first.status_code, 303)
        self.assertEqual(second.status_code, 200)
        self.assertFalse(self._tickets("Limita 2"))

    def test_csrf_required(self):
        _csrf, token = self._form_tokens("/cic/form/petition")
        data = dict(self._petition_data(subject="Fără CSRF"), form_token=token)
        response = self.url_open("/cic/form/petition", data=data, allow_redirects=False)
        self.assertEqual(response.status_code, 400)
        self.assertFalse(self._tickets("Fără CSRF"))

    def test_attachments_checked(self):
        pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"
        exe = b"MZ\x90\x00" + b"\x00" * 200
        refused = {
            "executable": ("virus.exe", exe),
            "disguised": ("factura.pdf", exe),
        }
        for label, (name, content) in refused.items():
            with self.subTest(label=label):
                data = self._petition_data(subject=f"Atașament {label}")
                response = self._submit(
                    "/cic/form/petition", data, files={"attachments": (name, content)}
                )
                self.assertEqual(response.status_code, 200)
                self.assertFalse(self._tickets(data["subject"]))
        data = self._petition_data(subject="Atașament bun")
        response = self._submit(
            "/cic/form/petition", data, files={"attachments": ("cerere.pdf", pdf)}
        )
        self.assertEqual(response.status_code, 303)
        ticket = self._tickets("Atașament bun")
        attachments = ticket._cic_citizen_attachments()
        self.assertEqual(attachments.mapped("name"), ["cerere.pdf"])

    def test_attachment_too_large_refused(self):
        self.env["ir.config_parameter"].sudo().set_param("cic_portal.max_upload_mb", 1)
        big = b"%PDF-1.4\n" + b"0" * (1024 * 1024 + 10)
        data = self._petition_data(subject="Atașament mare")
        response = self._submit(
            "/cic/form/petition", data, files={"attachments": ("mare.pdf", big)}
        )
        self.assertEqual(response.status_code, 200)
        self.assertFalse(self._tickets("Atașament mare"))

    def test_logged_in_request_uses_account(self):
        self.authenticate("cic_portal_a", "cic_portal_a")
        data = self._petition_data(subject="Cerere cu cont", answer_format="email")
        response = self._submit("/cic/form/foi_request", data)
        self.assertEqual(
            response.status_code,
            303,
            re.findall(
                r"(?:alert-danger|invalid-feedback)[^>]*>([^<]*)", response.text
            ),
        )
        ticket = self._tickets("Cerere cu cont")
        self.assertEqual(ticket.partner_id, self.portal_a.partner_id)
        listing = self.url_open("/my/requests")
        self.assertIn(ticket.cic_registration_number, listing.text)
