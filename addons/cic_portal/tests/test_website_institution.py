# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The website names the institution (issue 16, first sight): the header and the
footer show the town hall's name, address, phone and e-mail instead of Odoo's
sample texts (+1 555-555-5556, info@yourcompany.example.com, "About us")."""

from odoo.tests import HttpCase, tagged

PLACEHOLDERS = (
    "Company name",
    "555-555",
    "yourcompany.example.com",
    "We are a team of passionate people",
)


@tagged("post_install", "-at_install")
class TestWebsiteInstitution(HttpCase):
    def test_header_and_footer_name_the_institution(self):
        website = self.env["website"].get_current_website()
        website.company_id.write(
            {
                "name": "Primăria Comunei Testești",
                "street": "Str. Primăriei nr. 7",
                "city": "Testești",
                "zip": "507999",
                "phone": "+40 268 111 222",
                "email": "registratura@primaria-testesti.ro",
            }
        )
        html = self.url_open("/").text
        for text in (
            'href="tel:+40 268 111 222"',
            "+40 268 111 222",
            'href="mailto:registratura@primaria-testesti.ro"',
            "Primăria Comunei Testești",
            "Str. Primăriei nr. 7",
            'href="/cic/services"',
        ):
            self.assertIn(text, html)
        for placeholder in PLACEHOLDERS:
            self.assertNotIn(placeholder, html)
        self.assertRegex(
            html, r"o_footer_copyright_name[^>]*>\s*©\s*<span>Primăria Comunei Testești"
        )

    def test_no_phone_no_empty_link(self):
        website = self.env["website"].get_current_website()
        website.company_id.write({"phone": False})
        html = self.url_open("/").text
        self.assertNotIn('href="tel:', html)
        self.assertNotIn("555-555", html)
