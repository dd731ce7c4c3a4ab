# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Personal data on the portal (R-GDPR-3): the privacy page shows the notice and the
DPO contact of the company settings (or a default notice when none is set), the
footer and the forms link to it, and the data-subject request form registers a GDPR
request of the right chosen, which its author follows in /my and nobody else sees."""

import re

from odoo import fields
from odoo.tests import tagged

from .common import CicPortalHttpCase


@tagged("post_install", "-at_install")
class TestPortalGdpr(CicPortalHttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.procedure_gdpr = cls.env.ref("cic_registry.procedure_gdpr_request")
        cls.company = cls.env.company
        cls.company.write(
            {
                "cic_privacy_notice": "<p>Nota de informare a primăriei de test</p>",
                "cic_dpo_name": "Ioana Responsabil",
                "cic_dpo_email": "dpo.test@primaria-test.example.com",
                "cic_dpo_phone": "0268 111 222",
            }
        )

    def _gdpr_data(self, **overrides):
        data = self._petition_data(
            subject="Ștergerea datelor din lista de notificări",
            message="Vă rog să ștergeți adresa mea de e-mail din lista de notificări.",
            gdpr_right="erasure",
        )
        data.update(overrides)
        return data

    def _errors(self, response):
        return re.findall(
            r"(?:alert-danger|invalid-feedback)[^>]*>([^<]*)", response.text
        )

    def test_privacy_page_shows_settings(self):
        page = self.url_open("/cic/privacy")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Nota de informare a primăriei de test", page.text)
        self.assertIn("Ioana Responsabil", page.text)
        self.assertIn("mailto:dpo.test@primaria-test.example.com", page.text)
        self.assertIn("0268 111 222", page.text)
        self.assertIn('href="/cic/form/gdpr_request"', page.text)
        self.assertIn('href="/my/requests"', page.text)
        # footer of every page, and the forms
        home = self.url_open("/cic/services")
        self.assertIn('href="/cic/privacy"', home.text)
        self.assertIn("dpo.test@primaria-test.example.com", home.text)
        form = self.url_open("/cic/form/petition")
        self.assertRegex(
            form.text, r'for="cic_consent"[^>]*>[^<]*<a href="/cic/privacy"'
        )

    def test_privacy_page_without_settings(self):
        """A town hall that set nothing (no demo data) still has a privacy page."""
        self.company.write(
            {
                "cic_privacy_notice": False,
                "cic_dpo_name": False,
                "cic_dpo_email": False,
                "cic_dpo_phone": False,
                "email": "contact@primaria-test.example.com",
            }
        )
        page = self.url_open("/cic/privacy")
        self.assertEqual(page.status_code, 200)
        self.assertRegex(
            page.text,
            r'class="o_cic_privacy_notice">\s*<p>' + re.escape(self.company.name),
        )
        self.assertIn("mailto:contact@primaria-test.example.com", page.text)
        self.assertEqual(self.url_open("/cic/form/gdpr_request").status_code, 200)

    def test_my_home_links_the_privacy_page(self):
        self.authenticate(self.portal_a.login, self.portal_a.login)
        page = self.url_open("/my/home")
        self.assertEqual(page.status_code, 200)
        self.assertIn('href="/cic/privacy"', page.text)

    def test_citizen_files_a_gdpr_request_and_follows_it(self):
        self.authenticate(self.portal_a.login, self.portal_a.login)
        form = self.url_open("/cic/form/gdpr_request")
        self.assertIn('name="gdpr_right"', form.text)
        self.assertIn('value="portability"', form.text)
        data = self._gdpr_data()
        response = self._submit("/cic/form/gdpr_request", data)
        self.assertEqual(response.status_code, 303, self._errors(response))
        ticket = self._tickets(data["subject"])
        self.assertEqual(len(ticket), 1)
        self.assertEqual(ticket.cic_procedure_id, self.procedure_gdpr)
        self.assertEqual(ticket.cic_gdpr_right, "erasure")
        self.assertEqual(ticket.partner_id, self.portal_a.partner_id)
        self.assertTrue(ticket.cic_portal_origin)
        self.assertTrue(ticket.cic_registration_number)
        self.assertIn("12(3)", ticket.cic_due_basis)
        self.assertEqual(
            ticket.cic_legal_due_date,
            self.env["cic.calendar"].due_date_months(ticket.cic_registration_date, 1),
        )
        self.assertIn("(art. 17)", ticket.description)
        listing = self.url_open("/my/requests")
        self.assertIn(ticket.cic_registration_number, listing.text)
        own = self.url_open(f"/my/requests/{ticket.id}", allow_redirects=False)
        self.assertEqual(own.status_code, 200)
        # another citizen neither lists nor opens it
        self.authenticate(self.portal_b.login, self.portal_b.login)
        listing = self.url_open("/my/requests")
        self.assertEqual(listing.status_code, 200)
        self.assertNotIn(ticket.cic_registration_number, listing.text)
        other = self.url_open(f"/my/requests/{ticket.id}", allow_redirects=False)
        self.assertNotEqual(other.status_code, 200)
        self.assertNotIn(data["subject"], other.text)

    def test_visitor_request_waits_for_email_confirmation(self):
        """Visitors file it like the other public forms: the entry is registered
        and the e-mail address confirmed by a link (the common submission path)."""
        data = self._gdpr_data(subject="Acces vizitator", gdpr_right="access")
        response = self._submit("/cic/form/gdpr_request", data)
        self.assertEqual(response.status_code, 303, self._errors(response))
        ticket = self._tickets("Acces vizitator")
        self.assertEqual(ticket.cic_procedure_id, self.procedure_gdpr)
        self.assertEqual(ticket.cic_gdpr_right, "access")
        self.assertTrue(ticket.cic_visitor_unconfirmed)

    def test_right_is_required_and_checked(self):
        self.authenticate(self.portal_a.login, self.portal_a.login)
        for value in ("", "profiling"):
            with self.subTest(value=value):
                subject = f"Fără drept {value}"
                data = self._gdpr_data(subject=subject, gdpr_right=value)
                response = self._submit("/cic/form/gdpr_request", data)
                self.assertEqual(response.status_code, 200)
                self.assertIn('id="cic_err_gdpr_right"', response.text)
                self.assertFalse(self._tickets(subject))

    def _last_number(self):
        """The last number the commune's register gave (0 before any)."""
        counters = self.env["cic.register.counter"].search(
            [("company_id", "=", self.company.id)]
        )
        return max(counters.mapped("last_seq"), default=0)

    def test_foi_request_privacy_acknowledgement(self):
        """The Law 544 form informs as the other forms do (GDPR art. 13): a
        labelled, required box names the privacy notice; without it the form is
        refused, the error tied to the box, nothing registered and no number
        used; ticked, what the petitioner acknowledged and when are kept on the
        entry. As a visitor and as a logged-in citizen, in Romanian."""
        url = "/ro/cic/form/foi_request"
        for login in (None, self.portal_a.login):
            with self.subTest(login=login):
                if login:
                    self.authenticate(login, login)
                form = self.url_open(url).text
                box = re.search(r'<input[^>]*id="cic_consent"[^>]*>', form).group(0)
                self.assertIn('required="required"', box)
                self.assertRegex(
                    form,
                    r'<label for="cic_consent"[^>]*>Am citit <a href="/cic/privacy">'
                    r"nota de informare privind datele personale</a>",
                )
                subject = f"Informații 544 fără acord {login}"
                number = self._last_number()
                data = self._petition_data(
                    subject=subject, answer_format="email", consent=""
                )
                response = self._submit(url, data)
                self.assertEqual(response.status_code, 200)
                alert = re.search(
                    r'<div[^>]*id="cic_form_error"[^>]*>', response.text
                ).group(0)
                self.assertIn('aria-live="assertive"', alert)
                box = re.search(
                    r'<input[^>]*id="cic_consent"[^>]*>', response.text
                ).group(0)
                self.assertIn('aria-invalid="true"', box)
                self.assertIn('aria-describedby="cic_err_consent"', box)
                self.assertRegex(
                    response.text,
                    r'id="cic_err_consent"[^>]*>'
                    r"Acordul privind nota de informare este obligatoriu\.<",
                )
                self.assertFalse(self._tickets(subject))
                self.assertEqual(self._last_number(), number)
                subject = f"Informații 544 cu acord {login}"
                before = fields.Datetime.now()
                data = dict(data, subject=subject, consent="1")
                response = self._submit(url, data)
                self.assertEqual(response.status_code, 303, self._errors(response))
                ticket = self._tickets(subject)
                self.assertEqual(ticket.cic_procedure_id.code, "foi_request")
                self.assertEqual(self._last_number(), number + 1)
                self.assertTrue(
                    before <= ticket.cic_privacy_ack_date <= fields.Datetime.now()
                )
                self.assertRegex(
                    ticket.cic_privacy_ack_text,
                    r"^Am citit nota de informare privind datele personale "
                    r"\(http://[^ ]+/cic/privacy\) și sunt de acord cu prelucrarea ",
                )
