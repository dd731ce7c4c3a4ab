# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""CNP/CUI on /my/account (R-POR-1, R-ID-1/2) and legal persons on the online
forms (OG 27/2002 art. 2, R-PET-1)."""

import re

from odoo.tests import JsonRpcException, tagged
from odoo.tools import mute_logger

from .common import CicPortalHttpCase

VALID_CNP = "1630615123457"
VALID_CUI = "13548146"


@tagged("post_install", "-at_install")
class TestPortalAccountIdentity(CicPortalHttpCase):
    def _post_account(self, **overrides):
        page = self.url_open("/my/account")
        self.assertEqual(page.status_code, 200)
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        data = {
            "name": "Ana Popescu",
            "email": "ana.popescu@example.com",
            "phone": "0722000001",
            "street": "Strada Lungă 3",
            "city": "Exemplu",
            "country_id": str(self.env.ref("base.ro").id),
            "csrf_token": csrf,
        }
        data.update(overrides)
        return self.url_open("/my/account", data=data, allow_redirects=False)

    def _cnp_logs(self):
        return self.env["cic.cnp.access.log"].sudo().search_count([])

    def _ro(self, method, value):
        """The validator's message in the website language (Romanian)."""
        partners = self.env["res.partner"].with_context(lang="ro_RO")
        try:
            getattr(partners, method)(value)
        except Exception as exc:  # noqa: BLE001 - the message is what we compare
            return exc.args[0]
        self.fail(f"{value} should be refused")

    def test_account_form_has_labelled_cnp_field(self):
        self.authenticate("cic_portal_a", "cic_portal_a")
        page = self.url_open("/my/account")
        self.assertIn('for="cic_cnp"', page.text)
        self.assertIn('id="cic_cnp"', page.text)
        self.assertNotIn('id="cic_cui"', page.text, "a natural person gives a CNP")

    def test_valid_cnp_saved_masked_and_not_logged(self):
        self.authenticate("cic_portal_a", "cic_portal_a")
        logs = self._cnp_logs()
        response = self._post_account(cic_cnp=f" {VALID_CNP} ")
        self.assertEqual(response.status_code, 303, "saved and redirected")
        partner = self.portal_a.partner_id.sudo()
        self.assertEqual(partner.cic_cnp, VALID_CNP)
        self.assertEqual(partner.street, "Strada Lungă 3")
        page = self.url_open("/my/account")
        self.assertIn("**********457", page.text)
        self.assertIn("CNP salvat:", page.text, "Romanian website")
        self.assertNotIn(VALID_CNP, page.text, "the full CNP is never shown back")
        # Saving again with the field left empty keeps the CNP.
        response = self._post_account(cic_cnp="")
        self.assertEqual(response.status_code, 303)
        self.assertEqual(partner.cic_cnp, VALID_CNP)
        self.assertEqual(
            self._cnp_logs(), logs, "a sudo write is no read of the full CNP"
        )

    def test_invalid_and_placeholder_cnp_refused_with_message(self):
        self.authenticate("cic_portal_a", "cic_portal_a")
        for value in ("1630615123458", "1632215123457", "0000000000000"):
            with self.subTest(cnp=value):
                response = self._post_account(cic_cnp=value)
                self.assertEqual(response.status_code, 200, "form shown again")
                self.assertIn(self._ro("_cic_normalize_cnp", value), response.text)
                self.assertIn('id="cic_cnp" name="cic_cnp"', response.text)
                self.assertFalse(self.portal_a.partner_id.sudo().cic_cnp)
        self.assertIn("CNP-ul generic 0000000000000 nu este acceptat", response.text)

    def test_other_citizen_cannot_see_cnp(self):
        partner_a = self.portal_a.partner_id
        partner_a.sudo().cic_cnp = VALID_CNP
        self.authenticate("cic_portal_b", "cic_portal_b")
        page = self.url_open("/my/account")
        self.assertNotIn(VALID_CNP, page.text)
        self.assertNotIn("**********457", page.text)
        calls = [
            ("read", [[partner_a.id], ["cic_cnp"]]),
            ("read", [[self.portal_b.partner_id.id], ["cic_cnp"]]),
            ("search_read", [[("id", "=", partner_a.id)], ["cic_cnp"]]),
            ("search_count", [[("cic_cnp", "=", VALID_CNP)]]),
        ]
        for method, args in calls:
            with self.subTest(method=method, args=args):
                with (
                    self.assertRaises(JsonRpcException) as caught,
                    mute_logger("odoo.http", "odoo.models"),
                ):
                    self.make_jsonrpc_request(
                        f"/web/dataset/call_kw/res.partner/{method}",
                        {
                            "model": "res.partner",
                            "method": method,
                            "args": args,
                            "kwargs": {},
                        },
                    )
                self.assertIn("AccessError", str(caught.exception))

    def test_own_cnp_not_readable_by_json_rpc(self):
        self.portal_a.partner_id.sudo().cic_cnp = VALID_CNP
        self.authenticate("cic_portal_a", "cic_portal_a")
        with (
            self.assertRaises(JsonRpcException),
            mute_logger("odoo.http", "odoo.models"),
        ):
            self.make_jsonrpc_request(
                "/web/dataset/call_kw/res.partner/read",
                {
                    "model": "res.partner",
                    "method": "read",
                    "args": [[self.portal_a.partner_id.id], ["cic_cnp"]],
                    "kwargs": {},
                },
            )
        masked = self.make_jsonrpc_request(
            "/web/dataset/call_kw/res.partner/read",
            {
                "model": "res.partner",
                "method": "read",
                "args": [[self.portal_a.partner_id.id], ["cic_cnp_masked"]],
                "kwargs": {},
            },
        )
        self.assertEqual(masked[0]["cic_cnp_masked"], "**********457")

    def test_organisation_account_needs_valid_cui(self):
        self.portal_a.partner_id.sudo().write(
            {"is_company": True, "name": "Asociația Test"}
        )
        self.authenticate("cic_portal_a", "cic_portal_a")
        page = self.url_open("/my/account")
        self.assertIn('for="cic_cui"', page.text)
        self.assertNotIn('id="cic_cnp"', page.text)
        response = self._post_account(name="Asociația Test")
        self.assertEqual(response.status_code, 200, "CUI missing")
        response = self._post_account(name="Asociația Test", cic_cui="13548147")
        self.assertEqual(response.status_code, 200)
        self.assertIn(self._ro("_cic_normalize_cui", "13548147"), response.text)
        response = self._post_account(
            name="Asociația Test", cic_cui="RO13548146", cic_cnp=VALID_CNP
        )
        self.assertEqual(response.status_code, 200, "no CNP for an organisation")
        self.assertFalse(self.portal_a.partner_id.sudo().cic_cnp)
        response = self._post_account(name="Asociația Test", cic_cui="RO13548146")
        self.assertEqual(response.status_code, 303)
        # A claim until verified (issue 14, point 10); no organisation has this
        # CUI yet, so the account's own contact becomes it.
        partner = self.portal_a.partner_id.sudo()
        self.assertFalse(partner.cic_cui)
        self.assertEqual(partner.cic_cui_claim, f"RO{VALID_CUI}")
        partner._cic_bind_cui_claim("test")
        self.assertEqual(partner.cic_cui, VALID_CUI)
        self.assertTrue(partner.cic_vat_payer)
        self.assertFalse(partner.cic_cui_claim)


@tagged("post_install", "-at_install")
class TestPortalLegalPerson(CicPortalHttpCase):
    def _legal_data(self, **overrides):
        data = self._petition_data(
            person_type="legal",
            org_name="Asociația de Proprietari Bloc A1",
            org_cui=f"RO{VALID_CUI}",
            represented_collective="Locatarii blocului A1",
            subject="Iluminat stradal lipsă lângă blocul A1",
        )
        data.update(overrides)
        return data

    def _organisations(self):
        return (
            self.env["res.partner"]
            .sudo()
            .with_context(active_test=False)
            .search([("cic_cui", "=", VALID_CUI)])
        )

    def test_form_offers_natural_and_legal_person(self):
        page = self.url_open("/cic/form/petition")
        for fid in (
            "cic_person_type_natural",
            "cic_person_type_legal",
            "cic_org_name",
            "cic_org_cui",
            "cic_represented_collective",
        ):
            self.assertIn(f'for="{fid}"', page.text)
            self.assertIn(f'id="{fid}"', page.text)
        self.assertIn('type="radio"', page.text)
        self.assertIn("Persoană fizică", page.text, "Romanian website")
        self.assertIn("Persoană juridică", page.text)
        page = self.url_open("/cic/form/foi_request")
        self.assertIn('id="cic_org_cui"', page.text)
        self.assertNotIn('id="cic_represented_collective"', page.text)

    def test_visitor_legal_petition_quotes_organisation(self):
        """A visitor's filing for an organisation is not verified (issue 14,
        point 10): the visitor is the petitioner, the organisation is quoted."""
        data = self._legal_data()
        response = self._submit("/cic/form/petition", data)
        self.assertEqual(response.status_code, 303)
        ticket = self._tickets(data["subject"])
        self.assertEqual(len(ticket), 1)
        self.assertFalse(self._organisations(), "no organisation from a visitor")
        self.assertEqual(ticket.partner_id.cic_person_type, "natural")
        self.assertEqual(ticket.partner_id.email, "ion.vasilescu@example.com")
        self.assertEqual(ticket.cic_quoted_org_name, "Asociația de Proprietari Bloc A1")
        self.assertEqual(ticket.cic_quoted_org_cui, VALID_CUI)
        self.assertEqual(ticket.cic_represented_collective, "Locatarii blocului A1")
        self.assertEqual(ticket.cic_representative_name, "Ion Vasilescu")
        self.assertTrue(ticket.cic_registration_number)
        self.assertFalse(ticket.cic_filed_by_partner_id, "filed without an account")
        # A clerk who checked it attaches it: the organisation is created once.
        ticket.action_cic_attach_quoted_organisation()
        organisation = self._organisations()
        self.assertEqual(ticket.partner_id, organisation)
        self.assertEqual(organisation.name, "Asociația de Proprietari Bloc A1")
        second = self._legal_data(org_cui=VALID_CUI, subject="A doua petiție A1")
        self.assertEqual(self._submit("/cic/form/petition", second).status_code, 303)
        second_ticket = self._tickets("A doua petiție A1")
        second_ticket.action_cic_attach_quoted_organisation()
        self.assertEqual(second_ticket.partner_id, organisation)
        self.assertEqual(len(self._organisations()), 1, "no duplicate by CUI")

    def test_existing_organisation_reused_unchanged(self):
        existing = (
            self.env["res.partner"]
            .sudo()
            .create(
                {
                    "name": "Asociația A1 (registru)",
                    "is_company": True,
                    "cic_cui": VALID_CUI,
                    "email": "a1@example.com",
                }
            )
        )
        data = self._legal_data(org_name="Alt nume")
        self.assertEqual(self._submit("/cic/form/petition", data).status_code, 303)
        ticket = self._tickets(data["subject"])
        self.assertNotEqual(ticket.partner_id, existing, "a visitor is not verified")
        self.assertEqual(ticket.cic_quoted_org_name, "Alt nume")
        self.assertEqual(existing.name, "Asociația A1 (registru)")
        self.assertEqual(existing.email, "a1@example.com")
        self.assertEqual(ticket.partner_email, "ion.vasilescu@example.com")
        # The confirmation with the number goes to whoever filed it, not to the
        # organisation's registered address.
        self.env["helpdesk.ticket"]._cron_cic_send_deferred_mail()
        confirmation = (
            self.env["mail.mail"]
            .sudo()
            .search([("model", "=", "helpdesk.ticket"), ("res_id", "=", ticket.id)])
        )
        self.assertIn(ticket.cic_registration_number, confirmation.subject or "")
        self.assertEqual(
            self._mail_recipients(confirmation), ["ion.vasilescu@example.com"]
        )

    def test_invalid_cui_registers_nothing(self):
        Ticket = self.env["helpdesk.ticket"].sudo()
        Partner = self.env["res.partner"].sudo()
        tickets, partners = Ticket.search_count([]), Partner.search_count([])
        data = self._legal_data(org_cui="13548147")
        response = self._submit("/cic/form/petition", data)
        self.assertEqual(response.status_code, 200)
        self.assertIn("CUI-ul 13548147 nu este valid", response.text)
        self.assertIn('id="cic_err_org_cui"', response.text)
        self.assertEqual(Ticket.search_count([]), tickets)
        self.assertEqual(Partner.search_count([]), partners)

    def test_legal_person_required_fields(self):
        for missing in ("org_name", "org_cui", "represented_collective"):
            with self.subTest(missing=missing):
                data = self._legal_data(subject=f"Fără {missing}", **{missing: ""})
                response = self._submit("/cic/form/petition", data)
                self.assertEqual(response.status_code, 200)
                self.assertIn(f'id="cic_err_{missing}"', response.text)
                self.assertFalse(self._tickets(data["subject"]))
        # A natural person ignores the organisation block.
        data = self._legal_data(person_type="natural", org_cui="13548147")
        self.assertEqual(self._submit("/cic/form/petition", data).status_code, 303)
        ticket = self._tickets(data["subject"])
        self.assertEqual(ticket.partner_id.cic_person_type, "natural")
        self.assertFalse(ticket.cic_represented_collective)

    def test_legal_person_on_other_forms(self):
        """544 request and service request: organisation and CUI, no collective."""
        data = self._legal_data(
            subject="Cerere 544 asociație",
            represented_collective="",
            answer_format="email",
        )
        self.assertEqual(self._submit("/cic/form/foi_request", data).status_code, 303)
        ticket = self._tickets(data["subject"])
        self.assertEqual(ticket.cic_quoted_org_cui, VALID_CUI)
        self.assertEqual(ticket.cic_representative_name, "Ion Vasilescu")
        data = self._legal_data(subject="Serviciu asociație", represented_collective="")
        url = f"/cic/services/{self.free_service.slug}/apply"
        self.assertEqual(self._submit(url, data).status_code, 303)
        self.assertEqual(self._tickets(data["subject"]).cic_quoted_org_cui, VALID_CUI)

    def test_citizen_files_for_organisation_and_follows_it(self):
        # The account is bound to the organisation (verified, issue 14 point 10).
        organisation = (
            self.env["res.partner"]
            .sudo()
            .create({"name": "Asociația A1", "is_company": True, "cic_cui": VALID_CUI})
        )
        self.portal_a.partner_id.sudo().parent_id = organisation
        self.authenticate("cic_portal_a", "cic_portal_a")
        data = self._legal_data()
        self.assertEqual(self._submit("/cic/form/petition", data).status_code, 303)
        ticket = self._tickets(data["subject"])
        self.assertEqual(ticket.partner_id, organisation)
        self.assertEqual(ticket.cic_filed_by_partner_id, self.portal_a.partner_id)
        self.assertIn(self.portal_a.partner_id, ticket.message_partner_ids)
        self.assertEqual(self.portal_a.partner_id.cic_person_type, "natural")
        listing = self.url_open("/my/requests")
        self.assertIn(ticket.cic_registration_number, listing.text)
        page = self.url_open(f"/my/requests/{ticket.id}", allow_redirects=False)
        self.assertEqual(page.status_code, 200)
        self.authenticate("cic_portal_b", "cic_portal_b")
        listing = self.url_open("/my/requests")
        self.assertNotIn(ticket.cic_registration_number, listing.text)
        page = self.url_open(f"/my/requests/{ticket.id}", allow_redirects=False)
        self.assertEqual(page.status_code, 303, "not the other citizen's request")

    def test_tour_legal_person_petition(self):
        self.start_tour("/cic/form/petition", "cic_portal_legal_petition_tour")
        ticket = self._tickets("Tur petiție asociație")
        self.assertEqual(len(ticket), 1)
        self.assertEqual(ticket.cic_quoted_org_cui, VALID_CUI)
        self.assertEqual(ticket.cic_quoted_org_name, "Asociația Tur Bloc B2")
        self.assertEqual(ticket.cic_represented_collective, "Locatarii blocului B2")
        self.assertEqual(ticket.cic_representative_name, "Maria Reprezentanta")


@tagged("post_install", "-at_install")
class TestAudienceLegalPerson(CicPortalHttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.official = cls._weekday_official(
            "cic_portal_ident_mayor", "Primar Test Identitate"
        )

    def _book(self, subject, **overrides):
        page = self.url_open(f"/cic/audience?official_id={self.official.id}")
        self.assertIn('for="cic_person_type_legal"', page.text)
        self.assertIn('id="cic_org_cui"', page.text)
        token = re.search(r'name="form_token" value="([^"]+)"', page.text).group(1)
        slot = re.search(r'name="slot"[^>]*value="([^"]+)"', page.text).group(1)
        data = {
            "csrf_token": self._csrf(),
            "form_token": token,
            "official_id": self.official.id,
            "slot": slot,
            "subject": subject,
            "consent": "1",
            "person_type": "legal",
            "org_name": "Asociația Crescătorilor de Albine",
            "org_cui": VALID_CUI,
        }
        data.update(overrides)
        return self.url_open("/cic/audience/book", data=data, allow_redirects=False)

    def _audiences(self, subject):
        return self.env["cic.audience.request"].search([("subject", "=", subject)])

    def test_audience_for_organisation(self):
        self.authenticate("cic_portal_a", "cic_portal_a")
        response = self._book("Audiență asociație apicultori")
        self.assertEqual(response.status_code, 303)
        audience = self._audiences("Audiență asociație apicultori")
        self.assertEqual(audience.partner_id, self.portal_a.partner_id)
        self.assertEqual(audience.cic_organisation_id.cic_cui, VALID_CUI)
        self.assertEqual(audience.cic_organisation_id.cic_person_type, "legal")
        self.assertEqual(audience.state, "scheduled")

    def test_audience_invalid_cui_books_nothing(self):
        self.authenticate("cic_portal_a", "cic_portal_a")
        Partner = self.env["res.partner"].sudo()
        partners = Partner.search_count([])
        response = self._book("Audiență CUI greșit", org_cui="13548147")
        self.assertEqual(response.status_code, 200)
        self.assertIn("CUI-ul 13548147 nu este valid", response.text)
        self.assertFalse(self._audiences("Audiență CUI greșit"))
        self.assertEqual(Partner.search_count([]), partners)
        response = self._book("Audiență fără denumire", org_name="")
        self.assertEqual(response.status_code, 200)
        self.assertFalse(self._audiences("Audiență fără denumire"))
