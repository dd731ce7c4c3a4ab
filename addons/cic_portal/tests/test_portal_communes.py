# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Portal per commune (issue 19 point 2): two communes, each with its own website
(Odoo's multi-website, one domain each), made here without demo data. A form
filed on a commune's site is registered in that commune (company, register
counter, procedure, deadline calendar); a site lists its own commune's records
and the shared ones only; a citizen's account sees its requests at every
commune, and nothing the client sends moves a request to another commune."""

import re
from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import HttpCase, new_test_user, tagged

from .common import DISABLED_MAIL_CONTEXT, CicPortalCommon

HOST_A = "commune-a.test"
HOST_B = "commune-b.test"
SLUG = "test-commune-adeverinta"


def _hidden(html, name):
    """The value of the form's hidden input ``name`` (CSRF, form token)."""
    return re.search(rf'name="{name}" value="([^"]+)"', html).group(1)


class PortalCommunesCase(CicPortalCommon, HttpCase):
    """Two communes with a website each (the fixture; cic_portal_fee's tests
    use it too)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))
        cls.env["ir.config_parameter"].sudo().set_param(
            "cic_portal.min_fill_seconds", 0
        )
        Company = cls.env["res.company"]
        cls.company_a = Company.create({"name": "Primăria Comunei A (test)"})
        cls.company_b = Company.create({"name": "Primăria Comunei B (test)"})
        Website = cls.env["website"]
        cls.site_a = Website.create(
            {
                "name": "Comuna A",
                "company_id": cls.company_a.id,
                "domain": f"http://{HOST_A}",
            }
        )
        cls.site_b = Website.create(
            {
                "name": "Comuna B",
                "company_id": cls.company_b.id,
                "domain": f"http://{HOST_B}",
            }
        )
        # A files petitions under the shared procedure; B has its own.
        cls.shared_petition = cls.env["cic.procedure"].search(
            [("code", "=", "petition"), ("company_id", "=", False)]
        )
        cls.petition_b = cls.shared_petition.copy(
            {
                "name": "Petiție (B)",
                "company_id": cls.company_b.id,
                "team_id": False,
            }
        )
        cls.service_procedure = cls.env["cic.procedure"].search(
            [("code", "=", "service_request"), ("company_id", "=", False)]
        )
        category = cls.env["cic.service.category"].create({"name": "Test comune"})
        cls.service_a, cls.service_b = cls.env["cic.service"].create(
            [
                {
                    "name": f"Adeverință {company.name}",
                    "slug": SLUG,
                    "category_id": category.id,
                    "procedure_id": cls.service_procedure.id,
                    "company_id": company.id,
                }
                for company in (cls.company_a, cls.company_b)
            ]
        )
        cls.service_b_only = cls.env["cic.service"].create(
            {
                "name": "Autorizație doar în B",
                "slug": "test-commune-doar-b",
                "category_id": category.id,
                "procedure_id": cls.service_procedure.id,
                "company_id": cls.company_b.id,
            }
        )
        cls.page_b = cls.env["cic.public.info.page"].create(
            {
                "name": "Organigrama comunei B",
                "content": "<p>B</p>",
                "company_id": cls.company_b.id,
            }
        )
        today = cls.env["cic.calendar"].today()
        cls.draft_b = cls.env["cic.transparency.draft"].create(
            {
                "name": "Proiect de hotărâre al comunei B",
                "publication_date": today,
                "recommendations_deadline": today + timedelta(days=15),
                "published_website": True,
                "company_id": cls.company_b.id,
            }
        )
        cls.draft_b.write({"state": "published"})
        # B's calendar: a bridge day on the day A's term of today ends.
        cls.due_a = cls.shared_petition.due_date(
            fields.Datetime.now(), company=cls.company_a
        )
        cls.env["cic.holiday"].create(
            {"name": "Zi punte B", "date": cls.due_a, "company_id": cls.company_b.id}
        )
        cls.citizen = new_test_user(
            cls.env,
            login="cic_commune_citizen",
            groups="base.group_portal",
            name="Ioana Comunală",
            email="ioana.comunala@example.com",
            company_id=cls.company_a.id,
            company_ids=[(6, 0, cls.company_a.ids)],
        )
        # A portal contact made in commune A (as some sign-ups leave it).
        cls.citizen.partner_id.company_id = cls.company_a
        cls.clerk_b = new_test_user(
            cls.env,
            login="cic_commune_clerk_b",
            groups="cic_registry.group_cic_clerk",
            company_id=cls.company_b.id,
            company_ids=[(6, 0, cls.company_b.ids)],
        )
        cls.other = new_test_user(
            cls.env,
            login="cic_commune_other",
            groups="base.group_portal",
            name="Alt Cetățean",
            email="alt.cetatean@example.com",
            company_id=cls.company_a.id,
            company_ids=[(6, 0, cls.company_a.ids)],
        )

    # ------------------------------------------------------------------
    # Helpers: a browser on one commune's domain
    # ------------------------------------------------------------------
    def _get(self, host, path):
        return self.url_open(path, headers={"Host": host})

    def _submit(self, host, path, **overrides):
        page = self._get(host, path)
        self.assertEqual(page.status_code, 200, path)
        csrf = _hidden(page.text, "csrf_token")
        token = _hidden(page.text, "form_token")
        data = {
            "first_name": "Ioana",
            "last_name": "Comunală",
            "email": "ioana.comunala@example.com",
            "street": "Strada Mare",
            "street_number": "1",
            "locality": "Exemplu",
            "county": "Alba",
            "subject": "Cerere de test",
            "message": "Text.",
            "consent": "1",
            "csrf_token": csrf,
            "form_token": token,
            **overrides,
        }
        return self.url_open(
            path, data=data, headers={"Host": host}, allow_redirects=False
        )

    def _ticket(self, subject):
        return self.env["helpdesk.ticket"].sudo().search([("name", "=", subject)])

    def _counter(self, company):
        year = self.env["cic.calendar"].today().year
        counter = self.env["cic.register.counter"].search(
            [("company_id", "=", company.id), ("year", "=", year)]
        )
        return counter.last_seq

    # ------------------------------------------------------------------
    # Registration in the website's commune
    # ------------------------------------------------------------------


@tagged("post_install", "-at_install")
class TestPortalCommunes(PortalCommunesCase):
    def test_visitor_petition_registers_in_site_commune(self):
        seq_a = self._counter(self.company_a)
        response = self._submit(HOST_B, "/cic/form/petition", subject="Petiție la B")
        self.assertEqual(response.status_code, 303)
        ticket = self._ticket("Petiție la B")
        self.assertEqual(ticket.company_id, self.company_b)
        self.assertEqual(ticket.cic_procedure_id, self.petition_b)
        self.assertEqual(ticket.cic_registration_seq, self._counter(self.company_b))
        self.assertEqual(self._counter(self.company_a), seq_a)
        # B's bridge day moves B's deadline; A's calendar would end on it.
        start = ticket.cic_registration_date
        self.assertEqual(
            ticket.cic_legal_due_date,
            self.petition_b.due_date(start, company=self.company_b),
        )
        self.assertNotEqual(ticket.cic_legal_due_date, self.due_a)
        # The same form on A's site: A's register, the shared procedure.
        self._submit(HOST_A, "/cic/form/petition", subject="Petiție la A")
        ticket_a = self._ticket("Petiție la A")
        self.assertEqual(ticket_a.company_id, self.company_a)
        self.assertEqual(ticket_a.cic_procedure_id, self.shared_petition)
        self.assertEqual(ticket_a.cic_legal_due_date, self.due_a)
        # Both communes number from 1: tracking looks in the site's commune.
        self.assertEqual(
            ticket_a.cic_registration_number, ticket.cic_registration_number
        )
        for host, entry in ((HOST_A, ticket_a), (HOST_B, ticket)):
            page = self._get(
                host,
                f"/cic/track?number={entry.cic_registration_number}"
                f"&code={entry.cic_access_code}",
            )
            self.assertIn(f"/my/requests/{entry.id}?access_token=", page.text, host)

    def test_service_of_same_slug_registers_in_site_commune(self):
        path = f"/cic/services/{SLUG}/apply"
        self._submit(HOST_B, path, subject="Adeverință la B")
        ticket = self._ticket("Adeverință la B")
        self.assertEqual(ticket.cic_service_id, self.service_b)
        self.assertEqual(ticket.company_id, self.company_b)

    def test_department_of_site_commune(self):
        """A service of B: the entry in B's department."""
        team_b = self.env["helpdesk.ticket.team"].create(
            {"name": "Urbanism B", "company_id": self.company_b.id}
        )
        self.service_b.department_id = team_b
        self._submit(HOST_B, f"/cic/services/{SLUG}/apply", subject="Cerere la B")
        ticket = self._ticket("Cerere la B")
        self.assertEqual(ticket.team_id, team_b)
        self.assertEqual(ticket.company_id, self.company_b)

    def test_site_lists_its_commune_only(self):
        services_a = self._get(HOST_A, "/cic/services").text
        self.assertIn(self.service_a.name, services_a)
        self.assertNotIn(self.service_b.name, services_a)
        self.assertNotIn(self.service_b_only.name, services_a)
        services_b = self._get(HOST_B, "/cic/services").text
        self.assertIn(self.service_b_only.name, services_b)
        self.assertNotIn(self.service_a.name, services_b)
        self.assertNotIn(self.page_b.name, self._get(HOST_A, "/cic/info").text)
        self.assertIn(self.page_b.name, self._get(HOST_B, "/cic/info").text)
        page = self._get(HOST_A, f"/cic/services/{self.service_b_only.slug}")
        self.assertEqual(page.status_code, 404)
        # Searched as the visitor by the transparency pages: the commune named too.
        self.assertNotIn(self.draft_b.name, self._get(HOST_A, "/cic/transparency").text)
        self.assertIn(self.draft_b.name, self._get(HOST_B, "/cic/transparency").text)
        draft_page = self._get(HOST_A, f"/cic/transparency/draft/{self.draft_b.id}")
        self.assertEqual(draft_page.status_code, 404)

    # ------------------------------------------------------------------
    # The citizen's account across communes
    # ------------------------------------------------------------------
    def test_citizen_sees_requests_of_every_commune(self):
        foreign = (
            self.env["helpdesk.ticket"]
            .sudo()
            .create(
                {
                    "name": "Cererea altcuiva",
                    "description": "<p>Altcineva</p>",
                    "partner_id": self.other.partner_id.id,
                    "cic_procedure_id": self.shared_petition.id,
                    "company_id": self.company_a.id,
                }
            )
        )
        self.authenticate("cic_commune_citizen", "cic_commune_citizen")
        services_b = self._get(HOST_B, "/cic/services")
        self.assertEqual(services_b.status_code, 200)
        self.assertIn(self.service_b.name, services_b.text)
        self.assertNotIn(self.service_a.name, services_b.text)
        self._submit(HOST_A, "/cic/form/petition", subject="Cererea mea la A")
        self._submit(HOST_B, "/cic/form/petition", subject="Cererea mea la B")
        at_a, at_b = self._ticket("Cererea mea la A"), self._ticket("Cererea mea la B")
        self.assertEqual(at_a.company_id, self.company_a)
        self.assertEqual(at_b.company_id, self.company_b)
        # One contact for both communes, not a copy per commune.
        self.assertEqual(at_a.partner_id, self.citizen.partner_id)
        self.assertEqual(at_b.partner_id, self.citizen.partner_id)
        # Shared by the communes he filed with: B's clerk reads the petitioner.
        self.assertFalse(self.citizen.partner_id.company_id)
        entry = self.env["helpdesk.ticket"].with_user(self.clerk_b).browse(at_b.id)
        self.assertEqual(entry.partner_id.name, "Ioana Comunală")
        self.assertEqual(self.citizen.company_ids, self.company_a | self.company_b)
        for host in (HOST_A, HOST_B):
            listing = self._get(host, "/my/requests")
            self.assertEqual(listing.status_code, 200)
            self.assertIn(at_a.cic_registration_number, listing.text)
            self.assertIn(at_b.cic_registration_number, listing.text)
            self.assertNotIn(foreign.name, listing.text)
            # Two communes: each row names its town hall.
            self.assertIn(f'o_cic_request_commune">{self.company_b.name}', listing.text)
            detail = self._get(host, f"/my/requests/{at_b.id}")
            self.assertIn(at_b.cic_registration_number, detail.text)
        # Each site's public pages stay its own commune's for him.
        services_a = self._get(HOST_A, "/cic/services").text
        self.assertIn(self.service_a.name, services_a)
        self.assertNotIn(self.service_b.name, services_a)

    def test_citizen_visit_writes_nothing_until_he_files(self):
        """His first pages at B are read-only routes, served read-only: opening
        them joins nothing (no write retried in a read/write transaction) and
        B's clerk does not read him; filing there joins B."""
        self.authenticate("cic_commune_citizen", "cic_commune_citizen")
        with self.assertNoLogs("odoo.http", "WARNING"):
            services = self._get(HOST_B, "/cic/services")
            pages = [
                self._get(HOST_B, path)
                for path in (
                    f"/cic/services/{self.service_b_only.slug}",
                    "/cic/info",
                    "/cic/transparency",
                    f"/cic/transparency/draft/{self.draft_b.id}",
                    "/my/requests",
                )
            ]
            self.make_jsonrpc_request(
                "/my/counters", {"counters": ["cic_request_count"]}, {"Host": HOST_B}
            )
        for page in (services, *pages):
            self.assertEqual(page.status_code, 200, page.url)
        # B's pages show B's records to him, as to B's visitors.
        self.assertIn(self.service_b.name, services.text)
        self.assertIn(self.service_b_only.name, services.text)
        self.assertNotIn(self.service_a.name, services.text)
        self.assertIn(self.page_b.name, pages[1].text)
        self.assertIn(self.draft_b.name, pages[2].text)
        self.citizen.invalidate_recordset()
        self.assertEqual(self.citizen.company_ids, self.company_a)
        partner = self.citizen.partner_id
        as_clerk_b = self.env["res.partner"].with_user(self.clerk_b)
        self.assertFalse(as_clerk_b.search([("id", "=", partner.id)]))
        # He files at B: his account joins B, B's clerk reads the petitioner.
        response = self._submit(HOST_B, "/cic/form/petition", subject="Întâi la B")
        self.assertEqual(response.status_code, 303)
        self.citizen.invalidate_recordset()
        partner.invalidate_recordset()
        self.assertEqual(self.citizen.company_ids, self.company_a | self.company_b)
        self.assertEqual(as_clerk_b.search([("id", "=", partner.id)]), partner)
        entry = self._ticket("Întâi la B")
        self.assertEqual(entry.company_id, self.company_b)
        self.assertIn(
            entry.cic_registration_number, self._get(HOST_B, "/my/requests").text
        )

    def test_audience_booked_in_site_commune(self):
        official_b = self._weekday_official(
            "cic_commune_mayor_b",
            "Primar Comuna B",
            company_id=self.company_b.id,
        )
        self.authenticate("cic_commune_citizen", "cic_commune_citizen")
        path = f"/cic/audience?official_id={official_b.id}"
        self.assertNotIn('name="slot"', self._get(HOST_A, path).text)
        page = self._get(HOST_B, path)
        slot = re.search(r'name="slot"[^>]*value="([^"]+)"', page.text).group(1)
        data = {
            "csrf_token": _hidden(page.text, "csrf_token"),
            "official_id": official_b.id,
            "slot": slot,
            "subject": "Audiență la B",
            "consent": "1",
        }
        # B's official posted to A's site: not among A's officials.
        token_a = _hidden(self._get(HOST_A, "/cic/form/petition").text, "form_token")
        self.url_open(
            "/cic/audience/book",
            data=dict(data, form_token=token_a),
            headers={"Host": HOST_A},
            allow_redirects=False,
        )
        Audience = self.env["cic.audience.request"]
        self.assertFalse(Audience.search([("subject", "=", "Audiență la B")]))
        token_b = _hidden(page.text, "form_token")
        response = self.url_open(
            "/cic/audience/book",
            data=dict(data, form_token=token_b),
            headers={"Host": HOST_B},
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 303)
        audience = Audience.search([("subject", "=", "Audiență la B")])
        self.assertEqual(audience.company_id, self.company_b)
        self.assertIn("Audiență la B", self._get(HOST_A, "/my/audiences").text)

    # ------------------------------------------------------------------
    # Ids from the client are input
    # ------------------------------------------------------------------
    def test_posted_ids_do_not_choose_the_commune(self):
        self.authenticate("cic_commune_citizen", "cic_commune_citizen")
        response = self._submit(
            HOST_A,
            "/cic/form/petition",
            subject="Încercare spre B",
            company_id=str(self.company_b.id),
            cic_procedure_id=str(self.petition_b.id),
            procedure_id=str(self.petition_b.id),
            website_id=str(self.site_b.id),
        )
        self.assertEqual(response.status_code, 303)
        ticket = self._ticket("Încercare spre B")
        self.assertEqual(ticket.company_id, self.company_a)
        self.assertEqual(ticket.cic_procedure_id, self.shared_petition)
        # B's own service is not reachable from A's site.
        response = self._submit(
            HOST_A, f"/cic/services/{SLUG}/apply", subject="Serviciu A"
        )
        self.assertEqual(self._ticket("Serviciu A").cic_service_id, self.service_a)
        page = self._get(HOST_A, f"/cic/services/{self.service_b_only.slug}/apply")
        self.assertEqual(page.status_code, 404)

    def test_registration_refuses_another_communes_procedure(self):
        """The submission service itself refuses an entry of commune A naming
        B's procedure or service, as the citizen filing."""
        Submission = self.env["cic.portal.submission"].with_user(self.citizen)
        partner_vals = {"name": "Ioana Comunală", "email": "ioana@example.com"}
        for vals in (
            {"name": "Forțat", "cic_procedure_id": self.petition_b.id},
            {
                "name": "Forțat",
                "cic_procedure_id": self.service_procedure.id,
                "cic_service_id": self.service_b.id,
            },
        ):
            with self.assertRaises(UserError):
                Submission._cic_register_ticket(
                    "commune-token", vals, partner_vals, company=self.company_a
                )
        self.assertFalse(self._ticket("Forțat"))
