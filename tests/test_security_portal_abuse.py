"""Portal abuse (issue 14, points 7, 8 and 10), attempted by the abusing role over
HTTP or JSON-RPC with a real login:

- 7: only the owner cancels an audience from the portal, staff cancel from the back
  office (recorded as the institution), a citizen holds at most N open bookings;
- 8: anonymous forms count per address (the proxied one only with ``proxy_mode``),
  per IPv6 /64 and per e-mail; a CAPTCHA guards them once its keys are set; a
  visitor's fee invoice is posted only once his e-mail is confirmed or a clerk
  validates the request;
- 10: an unverified filing quoting an organisation's CUI is not shown to the
  organisation's portal users; an account is bound to a CUI only once a clerk or the
  organisation's registered e-mail confirms it; one organisation per CUI.
"""

import re
from unittest.mock import MagicMock, patch

from odoo.tests import HttpCase, JsonRpcException, new_test_user, tagged
from odoo.tools import config, mute_logger

VALID_CUI = "13548146"
RECAPTCHA_POST = "odoo.addons.google_recaptcha.models.ir_http.requests.post"


class PortalAbuseCase(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        params = cls.env["ir.config_parameter"].sudo()
        params.set_param("cic_portal.min_fill_seconds", 0)
        cls.env["cic.portal.throttle"].sudo().search([]).unlink()
        cls.clerk = new_test_user(
            cls.env,
            login="abuse_clerk",
            groups="base.group_user,base.group_partner_manager,cic_registry.group_cic_clerk",
            name="Clara Clerk",
            email="clara.clerk@example.com",
        )
        cls.citizen_a = new_test_user(
            cls.env,
            login="abuse_a",
            groups="base.group_portal",
            name="Ana Abuse",
            email="ana.abuse@example.com",
        )
        cls.citizen_b = new_test_user(
            cls.env,
            login="abuse_b",
            groups="base.group_portal",
            name="Bogdan Abuse",
            email="bogdan.abuse@example.com",
        )
        category = cls.env["cic.service.category"].create({"name": "Abuse fees"})
        cls.fee_service = cls.env["cic.service"].create(
            {
                "name": "Abuse fee service",
                "slug": "abuse-fee-service",
                "category_id": category.id,
                "procedure_id": cls.env.ref(
                    "cic_registry.procedure_service_request"
                ).id,
                "fee_product_id": cls.env.ref("cic_portal_fee.product_cic_fee").id,
                "fee_amount": 12.0,
            }
        )

    # ------------------------------------------------------------------ helpers
    def _csrf(self, headers=None):
        page = self.url_open("/cic/track", headers=headers)
        return re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)

    def _form_data(self, **overrides):
        data = {
            "first_name": "Ion",
            "last_name": "Abuz",
            "email": "ion.abuz@example.com",
            "phone": "0722000000",
            "street": "Strada Mare",
            "street_number": "1",
            "locality": "Exemplu",
            "county": "Brașov",
            "subject": "Abuse petition",
            "message": "Text of the petition.",
            "consent": "1",
        }
        data.update(overrides)
        return data

    def _submit(self, url, data, headers=None):
        page = self.url_open(url, headers=headers)
        self.assertEqual(page.status_code, 200, url)
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        token = re.search(r'name="form_token" value="([^"]+)"', page.text).group(1)
        payload = dict(data, csrf_token=csrf, form_token=token)
        return self.url_open(url, data=payload, headers=headers, allow_redirects=False)

    def _tickets(self, subject):
        return self.env["helpdesk.ticket"].sudo().search([("name", "=", subject)])

    def _call(self, model, method, args, kwargs=None):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    def _refused_rpc(self, model, method, args, kwargs=None):
        with (
            self.assertRaises(JsonRpcException) as caught,
            mute_logger("odoo.http", "odoo.models"),
        ):
            self._call(model, method, args, kwargs)
        return str(caught.exception)


# ---------------------------------------------------------------------- point 7
@tagged("post_install", "-at_install")
class TestAudienceCancelAndLimit(PortalAbuseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        mayor = cls.env["res.users"].create(
            {"name": "Primar Abuz", "login": "abuse_mayor"}
        )
        cls.official = cls.env["cic.audience.official"].create(
            {
                "user_id": mayor.id,
                "published": True,
                "slot_duration": 30,
                "programme_line_ids": [
                    (0, 0, {"dayofweek": str(day), "hour_from": 8, "hour_to": 16})
                    for day in range(5)
                ],
            }
        )

    def _request(self, user, subject):
        return (
            self.env["cic.audience.request"]
            .sudo()
            .create(
                {
                    "official_id": self.official.id,
                    "partner_id": user.partner_id.id,
                    "subject": subject,
                    "channel": "online",
                }
            )
        )

    def _cancel(self, audience):
        return self.url_open(
            f"/my/audiences/{audience.id}/cancel",
            data={"csrf_token": self._csrf(), "reason": "forged"},
            allow_redirects=False,
        )

    def _book(self, subject):
        page = self.url_open(f"/cic/audience?official_id={self.official.id}")
        token = re.search(r'name="form_token" value="([^"]+)"', page.text).group(1)
        slot = re.search(r'name="slot"[^>]*value="([^"]+)"', page.text).group(1)
        data = {
            "csrf_token": self._csrf(),
            "form_token": token,
            "official_id": self.official.id,
            "slot": slot,
            "subject": subject,
            "consent": "1",
        }
        return self.url_open("/cic/audience/book", data=data, allow_redirects=False)

    def test_other_citizen_cannot_cancel(self):
        audience = self._request(self.citizen_a, "Abuse audience of A")
        self.authenticate("abuse_b", "abuse_b")
        response = self._cancel(audience)
        self.assertEqual(response.status_code, 303)
        self.assertEqual(audience.state, "draft")
        self.assertFalse(audience.cancelled_by)
        self.assertFalse(audience.cancel_reason)

    def test_internal_user_cancels_only_from_back_office(self):
        audience = self._request(self.citizen_a, "Abuse audience, clerk")
        self.authenticate("abuse_clerk", "abuse_clerk")
        response = self._cancel(audience)
        self.assertIn(response.status_code, (200, 303))
        audience.invalidate_recordset()
        self.assertEqual(audience.state, "draft", "the portal route refuses staff")
        self.assertFalse(audience.cancelled_by)
        # The back office cancels on behalf of the institution.
        self._call("cic.audience.request", "action_cancel", [[audience.id]])
        audience.invalidate_recordset()
        self.assertEqual(audience.state, "cancel")
        self.assertEqual(audience.cancelled_by, "institution")

    def test_owner_cancels_as_citizen(self):
        audience = self._request(self.citizen_a, "Abuse audience, owner")
        self.authenticate("abuse_a", "abuse_a")
        response = self._cancel(audience)
        self.assertEqual(response.status_code, 303)
        self.assertIn("message=cancelled", response.headers["Location"])
        self.assertEqual(audience.state, "cancel")
        self.assertEqual(audience.cancelled_by, "citizen")

    def test_open_bookings_limited(self):
        self.env["ir.config_parameter"].sudo().set_param(
            "cic_audience.cancel_limit_hours", 0
        )
        Audience = self.env["cic.audience.request"].sudo()
        domain = [("partner_id", "=", self.citizen_a.partner_id.id)]
        self.authenticate("abuse_a", "abuse_a")
        self.assertEqual(self._book("Abuse booking 1").status_code, 303)
        self.assertEqual(self._book("Abuse booking 2").status_code, 303)
        refused = self._book("Abuse booking 3")
        self.assertEqual(refused.status_code, 200, "the form is shown again")
        self.assertIn("o_cic_audience_error", refused.text)
        self.assertEqual(Audience.search_count(domain), 2)
        # Another citizen is not affected; a cancelled booking frees a place.
        self.authenticate("abuse_b", "abuse_b")
        self.assertEqual(self._book("Abuse booking B").status_code, 303)
        self.authenticate("abuse_a", "abuse_a")
        first = Audience.search(domain + [("subject", "=", "Abuse booking 1")])
        self.assertEqual(self._cancel(first).status_code, 303)
        self.assertEqual(self._book("Abuse booking 3").status_code, 303)
        self.assertEqual(Audience.search_count(domain + [("state", "!=", "cancel")]), 2)


# ---------------------------------------------------------------------- point 8
@tagged("post_install", "-at_install")
class TestAnonymousFormAbuse(PortalAbuseCase):
    LIMIT = 2

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        params = cls.env["ir.config_parameter"].sudo()
        params.set_param("cic_portal.submit_limit_per_hour", cls.LIMIT)
        company = cls.env.company
        if not cls.env["account.journal"].search_count(
            [("type", "=", "sale"), ("company_id", "=", company.id)]
        ):
            # A database without demo data has no chart of accounts yet: the
            # fee invoices need one.
            cls.env["account.chart.template"].try_loading(
                "generic_coa", company=company, install_demo=False
            )

    def _proxy_mode(self, enabled=True):
        patcher = patch.dict(config.options, {"proxy_mode": enabled})
        patcher.start()
        self.addCleanup(patcher.stop)

    @staticmethod
    def _via(address):
        return {"X-Forwarded-For": address, "X-Forwarded-Host": "primarie.example"}

    def _petition(self, address, subject, email="ion.abuz@example.com"):
        return self._submit(
            "/cic/form/petition",
            self._form_data(subject=subject, email=email),
            headers=self._via(address),
        ).status_code

    def test_forged_forwarded_for_ignored_without_proxy_mode(self):
        self._proxy_mode(False)
        statuses = [
            self._petition(f"203.0.113.{n}", "Abuse forged XFF", f"x{n}@example.com")
            for n in range(1, 4)
        ]
        self.assertEqual(statuses, [303, 303, 200], "one counter: the socket address")
        self.assertEqual(len(self._tickets("Abuse forged XFF")), self.LIMIT)

    def test_ipv6_addresses_of_one_prefix_share_a_counter(self):
        self._proxy_mode()
        statuses = [
            self._petition(f"2001:db8:cafe:1::{n}", "Abuse IPv6", f"v{n}@example.com")
            for n in range(1, 4)
        ]
        self.assertEqual(statuses, [303, 303, 200])
        self.assertEqual(len(self._tickets("Abuse IPv6")), self.LIMIT)
        other = self._petition(
            "2001:db8:cafe:2::1", "Abuse IPv6 other", "w@example.com"
        )
        self.assertEqual(other, 303, "another /64 has its own counter")

    def test_one_email_limited_across_addresses(self):
        self._proxy_mode()
        statuses = [
            self._petition(f"198.51.100.{n}", "Abuse e-mail", "Same.Person@example.com")
            for n in range(1, 3)
        ]
        statuses.append(
            self._petition("198.51.100.3", "Abuse e-mail", " same.person@EXAMPLE.com")
        )
        self.assertEqual(statuses, [303, 303, 200])
        self.assertEqual(len(self._tickets("Abuse e-mail")), self.LIMIT)
        other = self._petition("198.51.100.4", "Abuse e-mail 2", "other@example.com")
        self.assertEqual(other, 303)

    def test_captcha_guards_forms_once_keys_are_set(self):
        params = self.env["ir.config_parameter"].sudo()
        params.set_param("recaptcha_public_key", "site-key")
        params.set_param("recaptcha_private_key", "secret-key")
        params.set_param("recaptcha_min_score", "0.5")
        url = "/cic/form/petition"
        siteverify = MagicMock()
        with patch(RECAPTCHA_POST, siteverify):
            missing = self._submit(url, self._form_data(subject="Abuse no captcha"))
            self.assertEqual(missing.status_code, 200)
            self.assertIn('id="cic_form_error"', missing.text)
            self.assertFalse(self._tickets("Abuse no captcha"))
            self.assertFalse(siteverify.called, "no network call without a token")

            siteverify.return_value.json.return_value = {
                "success": False,
                "error-codes": ["invalid-input-response"],
            }
            data = self._form_data(
                subject="Abuse bad captcha", recaptcha_token_response="forged"
            )
            with mute_logger("odoo.addons.google_recaptcha.models.ir_http"):
                bad = self._submit(url, data)
            self.assertEqual(bad.status_code, 200)
            self.assertIn('id="cic_form_error"', bad.text)
            self.assertFalse(self._tickets("Abuse bad captcha"))

            siteverify.return_value.json.return_value = {
                "success": True,
                "score": 0.9,
                "action": "cic_form",
            }
            data = self._form_data(
                subject="Abuse good captcha", recaptcha_token_response="good"
            )
            with mute_logger("odoo.addons.google_recaptcha.models.ir_http"):
                good = self._submit(url, data)
            self.assertEqual(good.status_code, 303)
            self.assertEqual(len(self._tickets("Abuse good captcha")), 1)

    def _visitor_fee_request(self, subject):
        url = f"/cic/services/{self.fee_service.slug}/apply"
        response = self._submit(url, self._form_data(subject=subject))
        self.assertEqual(response.status_code, 303)
        ticket = self._tickets(subject)
        self.assertEqual(len(ticket), 1)
        return ticket

    def test_visitor_invoice_posted_after_email_confirmation(self):
        ticket = self._visitor_fee_request("Abuse visitor fee")
        invoice = ticket.cic_invoice_id
        self.assertTrue(invoice, "the fee is known")
        self.assertEqual(invoice.state, "draft", "no posted invoice for a stranger")
        mail = (
            self.env["mail.mail"]
            .sudo()
            .search(
                [
                    ("model", "=", "helpdesk.ticket"),
                    ("res_id", "=", ticket.id),
                    ("body_html", "ilike", "confirm-email"),
                ]
            )
        )
        self.assertEqual(mail.email_to, "ion.abuz@example.com")
        link = re.search(
            r'href="[^"]*(/cic/request/\d+/confirm-email\?[^"]+)"', mail.body_html
        )
        self.assertTrue(link, "the mail carries the confirmation link")
        path = link.group(1).replace("&amp;", "&")
        forged = re.sub(r"token=[^&]+", "token=forged", path)
        self.url_open(forged)
        self.assertEqual(invoice.state, "draft", "a forged token confirms nothing")
        self.assertEqual(self.url_open(path).status_code, 200)
        self.assertEqual(invoice.state, "posted")

    def test_clerk_validates_visitor_request(self):
        ticket = self._visitor_fee_request("Abuse visitor fee, clerk")
        invoice = ticket.cic_invoice_id
        self.assertEqual(invoice.state, "draft")
        self.authenticate("abuse_b", "abuse_b")
        self._refused_rpc(
            "helpdesk.ticket", "action_cic_validate_visitor", [ticket.ids]
        )
        self.assertEqual(invoice.state, "draft")
        self.authenticate("abuse_clerk", "abuse_clerk")
        self._call("helpdesk.ticket", "action_cic_validate_visitor", [ticket.ids])
        invoice.invalidate_recordset()
        self.assertEqual(invoice.state, "posted")

    def test_logged_in_citizen_invoice_posted_at_once(self):
        self.authenticate("abuse_a", "abuse_a")
        ticket = self._visitor_fee_request("Abuse citizen fee")
        self.assertEqual(ticket.cic_invoice_id.state, "posted")


# --------------------------------------------------------------------- point 10
@tagged("post_install", "-at_install")
class TestOrganisationBinding(PortalAbuseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"].sudo()
        cls.org = Partner.create(
            {
                "name": "Asociația X (registru)",
                "is_company": True,
                "cic_cui": VALID_CUI,
                "email": "secretariat@asociatia-x.example.com",
            }
        )
        cls.org_user = new_test_user(
            cls.env,
            login="abuse_org_member",
            groups="base.group_portal",
            name="Membru X",
            email="membru@asociatia-x.example.com",
        )
        cls.org_user.partner_id.parent_id = cls.org
        cls.org_ticket = (
            cls.env["helpdesk.ticket"]
            .sudo()
            .create(
                {
                    "name": "Abuse petition of X",
                    "description": "<p>X</p>",
                    "partner_id": cls.org.id,
                    "cic_procedure_id": cls.env.ref(
                        "cic_registry.procedure_petition"
                    ).id,
                }
            )
        )
        cls.org_ticket._cic_assign_registration_number()
        cls.claimant = new_test_user(
            cls.env,
            login="abuse_claimant",
            groups="base.group_portal",
            name="Asociația Impostor",
            email="impostor@example.com",
        )
        cls.claimant.partner_id.is_company = True

    def _sees(self, ticket):
        listing = self.url_open("/my/requests")
        page = self.url_open(f"/my/requests/{ticket.id}", allow_redirects=False)
        return page.status_code == 200 or (
            ticket.cic_registration_number
            and ticket.cic_registration_number in listing.text
        )

    def _claim(self, cui=VALID_CUI):
        page = self.url_open("/my/account")
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        data = {
            "name": "Asociația Impostor",
            "email": "impostor@example.com",
            "phone": "0722000009",
            "street": "Strada Lungă 3",
            "city": "Exemplu",
            "country_id": str(self.env.ref("base.ro").id),
            "cic_cui": cui,
            "csrf_token": csrf,
        }
        return self.url_open("/my/account", data=data, allow_redirects=False)

    def test_visitor_quoting_cui_is_not_shown_to_organisation(self):
        subject = "Abuse filing in the name of X"
        data = self._form_data(
            subject=subject,
            person_type="legal",
            org_name="X, as typed",
            org_cui=f"RO{VALID_CUI}",
            represented_collective="Membrii X",
        )
        self.assertEqual(self._submit("/cic/form/petition", data).status_code, 303)
        ticket = self._tickets(subject)
        self.assertEqual(len(ticket), 1)
        self.assertNotEqual(ticket.partner_id.commercial_partner_id, self.org)
        org_partners = self.org | self.org_user.partner_id
        self.assertFalse(ticket.message_partner_ids & org_partners)
        self.assertEqual(ticket.cic_quoted_org_cui, VALID_CUI)
        self.assertEqual(ticket.cic_quoted_org_name, "X, as typed")
        self.authenticate("abuse_org_member", "abuse_org_member")
        self.assertTrue(self._sees(self.org_ticket), "the member sees X's own entry")
        self.assertFalse(self._sees(ticket), "but not the stranger's filing")

    def test_account_cui_bound_only_after_clerk_verification(self):
        self.authenticate("abuse_claimant", "abuse_claimant")
        response = self._claim()
        self.assertIn(response.status_code, (200, 303))
        partner = self.claimant.partner_id.sudo()
        partner.invalidate_recordset()
        self.assertNotEqual(partner.cic_cui, VALID_CUI)
        self.assertNotEqual(partner.commercial_partner_id, self.org)
        self.assertEqual(partner.cic_cui_claim, VALID_CUI, "the claim waits")
        self.assertFalse(self._sees(self.org_ticket))
        # The claimant cannot verify his own claim over JSON-RPC.
        error = self._refused_rpc(
            "res.partner", "action_cic_verify_cui_claim", [partner.ids]
        )
        self.assertIn("AccessError", error)
        self.assertNotEqual(partner.commercial_partner_id, self.org)
        # A clerk verifies: the account is bound to the organisation.
        self.authenticate("abuse_clerk", "abuse_clerk")
        self._call("res.partner", "action_cic_verify_cui_claim", [partner.ids])
        partner.invalidate_recordset()
        self.assertEqual(partner.commercial_partner_id, self.org)
        self.assertFalse(partner.cic_cui_claim)
        self.authenticate("abuse_claimant", "abuse_claimant")
        self.assertTrue(self._sees(self.org_ticket))

    def test_account_cui_bound_by_organisation_email(self):
        self.authenticate("abuse_claimant", "abuse_claimant")
        self._claim()
        mail = (
            self.env["mail.mail"]
            .sudo()
            .search([("email_to", "ilike", "secretariat@asociatia-x.example.com")])
        )
        self.assertEqual(len(mail), 1, "the organisation's registered address asked")
        link = re.search(r'href="[^"]*(/cic/cui/verify\?[^"]+)"', mail.body_html)
        path = link.group(1).replace("&amp;", "&")
        partner = self.claimant.partner_id.sudo()
        self.logout()
        forged = re.sub(r"token=[^&]+", "token=forged", path)
        self.url_open(forged)
        partner.invalidate_recordset()
        self.assertNotEqual(partner.commercial_partner_id, self.org)
        self.assertEqual(self.url_open(path).status_code, 200)
        partner.invalidate_recordset()
        self.assertEqual(partner.commercial_partner_id, self.org)

    def test_duplicate_cui_refused(self):
        self.authenticate("abuse_clerk", "abuse_clerk")
        error = self._refused_rpc(
            "res.partner",
            "create",
            [[{"name": "X bis", "is_company": True, "cic_cui": f"RO{VALID_CUI}"}]],
        )
        self.assertIn("ValidationError", error)
        count = (
            self.env["res.partner"]
            .sudo()
            .with_context(active_test=False)
            .search_count([("cic_cui", "=", VALID_CUI)])
        )
        self.assertEqual(count, 1)
