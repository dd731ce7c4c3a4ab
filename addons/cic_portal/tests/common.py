# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re

from odoo.tests import HttpCase, new_test_user
from odoo.tools import email_split

DISABLED_MAIL_CONTEXT = {
    "tracking_disable": True,
    "mail_create_nolog": True,
    "mail_create_nosubscribe": True,
    "mail_notrack": True,
    "no_reset_password": True,
}


class CicPortalCommon:
    """Fixtures shared by the portal tests: two citizens, two services (the
    first one has a fee where cic_portal_fee is installed: its tests' common
    sets it) and helpers to file online forms like a browser does."""

    @classmethod
    def _setup_cic_portal(cls):
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))
        cls.procedure_petition = cls.env.ref("cic_registry.procedure_petition")
        cls.procedure_service = cls.env.ref("cic_registry.procedure_service_request")
        cls.portal_a = new_test_user(
            cls.env,
            login="cic_portal_a",
            groups="base.group_portal",
            name="Ana Popescu",
            email="ana.popescu@example.com",
        )
        cls.portal_b = new_test_user(
            cls.env,
            login="cic_portal_b",
            groups="base.group_portal",
            name="Bogdan Ionescu",
            email="bogdan.ionescu@example.com",
        )
        cls.category = cls.env["cic.service.category"].create({"name": "Test urbanism"})
        cls.fee_service = cls.env["cic.service"].create(
            {
                "name": "Test certificat de urbanism",
                "slug": "test-certificat-urbanism",
                "category_id": cls.category.id,
                "procedure_id": cls.procedure_service.id,
            }
        )
        cls.free_service = cls.env["cic.service"].create(
            {
                "name": "Test adeverinta rol",
                "slug": "test-adeverinta-rol",
                "category_id": cls.category.id,
                "procedure_id": cls.procedure_service.id,
            }
        )
        cls.env["ir.config_parameter"].sudo().set_param(
            "cic_portal.min_fill_seconds", 0
        )

    @classmethod
    def _make_request(
        cls, partner, procedure=None, service=None, name="Cerere test", company=None
    ):
        """A registered request; ``company``: the commune it is filed with
        (default: the environment's company)."""
        vals = {
            "name": name,
            "description": "<p>Test</p>",
            "partner_id": partner.id,
            "cic_procedure_id": (procedure or cls.procedure_petition).id,
            "cic_service_id": service.id if service else False,
        }
        Ticket = cls.env["helpdesk.ticket"].sudo()
        if company:
            vals["company_id"] = company.id
            Ticket = Ticket.with_company(company)
        ticket = Ticket.create(vals)
        ticket._portal_ensure_token()
        return ticket

    @classmethod
    def _weekday_official(cls, login, name, **vals):
        """A published official receiving 08:00-16:00 on every working day, in
        30-minute slots."""
        mayor = cls.env["res.users"].create({"name": name, "login": login})
        return cls.env["cic.audience.official"].create(
            {
                "user_id": mayor.id,
                "published": True,
                "slot_duration": 30,
                "programme_line_ids": [
                    (0, 0, {"dayofweek": str(day), "hour_from": 8, "hour_to": 16})
                    for day in range(5)
                ],
                **vals,
            }
        )

    @staticmethod
    def _mail_recipients(mail):
        """The addresses ``mail`` goes to: its partners' and its ``email_to``
        (a template's ``email_to`` is not turned into a partner by the batch
        sending of the deferred e-mails)."""
        return mail.recipient_ids.mapped("email") + email_split(mail.email_to or "")


class CicPortalHttpCase(CicPortalCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_cic_portal()

    def _form_tokens(self, url):
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200, url)
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', response.text).group(1)
        token = re.search(r'name="form_token" value="([^"]+)"', response.text).group(1)
        return csrf, token

    def _csrf(self):
        page = self.url_open("/cic/track")
        return re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)

    def _petition_data(self, **overrides):
        data = {
            "first_name": "Ion",
            "last_name": "Vasilescu",
            "email": "ion.vasilescu@example.com",
            "phone": "0722000000",
            "street": "Strada Mare",
            "street_number": "10",
            "locality": "Exemplu",
            "county": "Brașov",
            "zip": "500001",
            "subject": "Groapă în asfalt pe strada Mare",
            "message": "Vă rog să reparați groapa din dreptul numărului 10.",
            "consent": "1",
        }
        data.update(overrides)
        return data

    def _submit(self, url, data, files=None, tokens=None):
        csrf, token = tokens or self._form_tokens(url)
        payload = dict(data, csrf_token=csrf, form_token=token)
        return self.url_open(url, data=payload, files=files, allow_redirects=False)

    def _tickets(self, subject):
        return self.env["helpdesk.ticket"].sudo().search([("name", "=", subject)])
