"""Portal IDOR sweep: every portal and public route that takes an id, a token, a
registration number or an access code, tried as citizen B and as a visitor with
citizen A's values.

Each refusal must look exactly like the refusal for a value that does not exist (same
status, same redirect), and no page may contain anything of citizen A's request.
"""

import base64
import re
from urllib.parse import unquote

from portal_fixture import PortalFixture

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

MISSING = 987654321  # an id that exists nowhere
SECRET_SUBJECT = "Sec IDOR subject of citizen A"


@tagged("post_install", "-at_install")
class TestPortalIdor(PortalFixture, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_portal("idor", "Idor")
        env = cls.env
        cls.ticket_a = cls._request(cls.user_a, SECRET_SUBJECT, cls.service)
        cls.ticket_b = cls._request(
            cls.user_b, "Sec IDOR subject of citizen B", cls.service
        )
        cls.invoice_a = cls.ticket_a.cic_invoice_id
        wizard = (
            env["account.payment.register"]
            .with_context(active_model="account.move", active_ids=cls.invoice_a.ids)
            .create({"amount": cls.invoice_a.amount_residual})
        )
        cls.payment_a = wizard._create_payments()
        cls.attachment_a = env["ir.attachment"].create(
            {
                "name": "certificate-a.pdf",
                "datas": base64.b64encode(b"%PDF-1.4 certificate of A"),
                "res_model": "helpdesk.ticket",
                "res_id": cls.ticket_a.id,
            }
        )
        cls.ticket_a.cic_released_attachment_ids = cls.attachment_a
        cls.done_stage = env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        cls.secrets = [
            SECRET_SUBJECT,
            cls.ticket_a.cic_access_code,
            cls.ticket_a.access_token,
            "ana.idor@example.com",
        ]

    # ------------------------------------------------------------------ helpers
    def login(self, who):
        if who == "public":
            self.authenticate(None, None)
        else:
            self.authenticate(who, who)

    def get(self, url):
        with mute_logger("odoo.http"):
            return self.url_open(url, allow_redirects=False)

    def outcome(self, response, *ids):
        """What a client learns: status and redirect target (ids blanked)."""
        # Decoded first, then whole numbers only: id 2 must not blank the 2 of "%2F".
        location = unquote(response.headers.get("Location", ""))
        for value in ids:
            location = re.sub(rf"\b{re.escape(str(value))}\b", "ID", location)
        return response.status_code, re.sub(r"^https?://[^/]+", "", location)

    def assertNoLeak(self, response, url):
        for secret in self.secrets:
            self.assertNotIn(secret, response.text, url)

    def assertRefusedLikeMissing(self, template, real, missing=MISSING, **fmt):
        """``template`` with A's value and with a value that does not exist give
        the same refusal and leak nothing."""
        real_url = template.format(real, **fmt)
        missing_url = template.format(missing, **fmt)
        refused = self.get(real_url)
        absent = self.get(missing_url)
        self.assertNotIn(b"certificate of A", refused.content, real_url)
        if refused.status_code == 200:  # /web/image answers with a placeholder
            self.assertEqual(refused.content, absent.content, real_url)
        self.assertLess(refused.status_code, 500, real_url)
        self.assertEqual(
            self.outcome(refused, real), self.outcome(absent, missing), real_url
        )
        self.assertNoLeak(refused, real_url)

    # ------------------------------------------------------------------ sweeps
    def test_request_pages_by_id(self):
        a = self.ticket_a
        templates = [
            "/my/requests/{0}",
            "/my/requests/{0}?access_token=" + self.ticket_b.access_token,
            "/my/requests/{0}?access_token=forged",
            "/my/ticket/{0}",
            "/my/ticket/{0}?access_token=" + self.ticket_b.access_token,
            "/cic/request/{0}/confirmation",
            "/cic/request/{0}/confirmation?access_token=" + self.ticket_b.access_token,
            "/cic/request/{0}/receipt",
            "/cic/request/{0}/receipt?access_token=forged",
            "/my/requests/{0}/document/" + str(self.attachment_a.id),
            "/my/requests/{0}/payment/" + str(self.payment_a.id) + "/receipt",
            "/my/invoices/{0}",
        ]
        for who in ("idor_b", "public"):
            self.login(who)
            for template in templates:
                real = self.invoice_a.id if "invoices" in template else a.id
                with self.subTest(who=who, url=template):
                    self.assertRefusedLikeMissing(template, real)

    def test_own_request_with_other_ids(self):
        """Citizen B on his own request, with A's attachment and payment ids."""
        self.login("idor_b")
        b = self.ticket_b.id
        for template in (
            f"/my/requests/{b}/document/{{0}}",
            f"/my/requests/{b}/payment/{{0}}/receipt",
        ):
            real = self.attachment_a.id if "document" in template else self.payment_a.id
            with self.subTest(url=template):
                self.assertRefusedLikeMissing(template, real)

    def test_attachments_by_id(self):
        for who in ("idor_b", "public"):
            self.login(who)
            for template in (
                "/web/content/{0}",
                "/web/content/{0}?download=true",
                "/web/content/ir.attachment/{0}/datas",
                "/web/image/{0}",
                f"/cic/services/{self.service.slug}/form/{{0}}",
            ):
                with self.subTest(who=who, url=template):
                    self.assertRefusedLikeMissing(template, self.attachment_a.id)

    def test_lists_show_only_own(self):
        self.login("idor_b")
        for url in ("/my/requests", "/my/tickets", "/my/invoices", "/my/home"):
            with mute_logger("odoo.http"):
                response = self.url_open(url)  # /my/tickets leads to /my/requests
            self.assertEqual(response.status_code, 200, url)
            self.assertNoLeak(response, url)
            self.assertNotIn(self.ticket_a.cic_registration_number, response.text)
        response = self.get(
            "/my/requests?search=" + self.ticket_a.cic_registration_number
        )
        self.assertNoLeak(response, "/my/requests?search")

    def test_tracking_number_without_code(self):
        """A's public registration number with a wrong or B's code gives the same
        answer as a number that does not exist."""
        number = self.ticket_a.cic_registration_number
        self.login("public")
        answers = set()
        for query_number, code in (
            (number, "AAAA-BBBB-CCCC"),
            (number, self.ticket_b.cic_access_code),
            ("999999/01.01.2000", "AAAA-BBBB-CCCC"),
        ):
            response = self.url_open(
                f"/cic/track?number={query_number}&code={code}", allow_redirects=False
            )
            self.assertEqual(response.status_code, 200)
            self.assertNoLeak(response, "/cic/track")
            self.assertNotIn("o_cic_status", response.text)  # no request shown
            error = re.search(r'o_cic_track_error"[^>]*>([^<]*)<', response.text)
            answers.add(error and error[1])
        # One and the same message (whatever the language) for all three.
        self.assertEqual(len(answers), 1)
        self.assertTrue(answers.pop())

    def test_rating_other_request(self):
        self.login("idor_b")
        self.ticket_a.sudo().stage_id = self.done_stage
        page = self.url_open("/cic/track")
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        for ticket_id in (self.ticket_a.id, MISSING):
            response = self.url_open(
                f"/my/requests/{ticket_id}/rate",
                data={"csrf_token": csrf, "rating": "1", "comment": "forged"},
                allow_redirects=False,
            )
            self.assertEqual(self.outcome(response), (303, "/my"))
        self.assertFalse(self.ticket_a.sudo().cic_satisfaction_sent)

    def close(self, ticket_id, csrf=None):
        data = {"ticket_id": ticket_id, "stage_id": self.done_stage.id}
        if csrf:
            data["csrf_token"] = csrf
        with mute_logger("odoo.http"):
            return self.url_open("/ticket/close", data=data, allow_redirects=False)

    def session_csrf_token(self):
        page = self.url_open("/cic/track")
        return re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)

    def test_close_other_citizens_ticket(self):
        """helpdesk_mgmt's /ticket/close searched the ticket in sudo by id: citizen
        B could close citizen A's registry entry, and it closed by GET, so a link in
        an e-mail could close A's own entry (both fixed in cic_portal). A registry
        entry is never closed from the portal, not even by its owner: he may only
        withdraw it (tests/test_security_portal_docs.py)."""
        stage_before = self.ticket_a.stage_id
        self.login("idor_a")
        # A GET (a link, an image on another site) changes nothing: 405.
        response = self.get(
            f"/ticket/close?ticket_id={self.ticket_a.id}&stage_id={self.done_stage.id}"
        )
        self.assertEqual(response.status_code, 405)
        # A POST without the session's CSRF token (a form on another site): 400.
        self.assertEqual(self.close(self.ticket_a.id).status_code, 400)
        self.assertEqual(self.close(self.ticket_a.id, "forged-token").status_code, 400)
        self.ticket_a.invalidate_recordset()
        self.assertEqual(self.ticket_a.stage_id, stage_before)
        # Citizen B, with his own valid token: refused like a missing id.
        self.login("idor_b")
        csrf_b = self.session_csrf_token()
        refused = self.close(self.ticket_a.id, csrf_b)
        absent = self.close(MISSING, csrf_b)
        self.assertEqual(
            self.outcome(refused, self.ticket_a.id), self.outcome(absent, MISSING)
        )
        self.ticket_a.invalidate_recordset()
        self.assertEqual(self.ticket_a.stage_id, stage_before)
        # The owner, with a valid POST and token, is sent to his request page, where
        # he may withdraw it; the entry stays open.
        self.login("idor_a")
        response = self.close(self.ticket_a.id, self.session_csrf_token())
        self.assertEqual(
            self.outcome(response),
            (303, f"/my/requests/{self.ticket_a.id}?message=close_refused"),
        )
        self.ticket_a.invalidate_recordset()
        self.assertEqual(self.ticket_a.stage_id, stage_before)
        self.assertFalse(self.ticket_a.cic_closure_reason)

    def test_chatter_of_other_request(self):
        self.ticket_a.sudo().message_post(
            body="Private answer for A", message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )  # fmt: skip
        self.login("idor_b")
        for params in (
            {"thread_model": "helpdesk.ticket", "thread_id": self.ticket_a.id},
            {
                "thread_model": "helpdesk.ticket",
                "thread_id": self.ticket_a.id,
                "token": self.ticket_b.access_token,
            },
        ):
            try:
                with mute_logger("odoo.http"):
                    result = self.make_jsonrpc_request("/mail/chatter_fetch", params)
            except Exception:  # noqa: BLE001 - a refusal is what we want
                continue
            self.assertNotIn("Private answer for A", str(result))

    def test_audience_requests_of_other_citizen(self):
        mayor = self.env["res.users"].create(
            {"name": "Primar IDOR", "login": "idor_mayor"}
        )
        official = self.env["cic.audience.official"].create(
            {"user_id": mayor.id, "published": True}
        )
        audience = (
            self.env["cic.audience.request"]
            .sudo()
            .create(
                {
                    "official_id": official.id,
                    "partner_id": self.user_a.partner_id.id,
                    "subject": SECRET_SUBJECT,
                    "channel": "online",
                }
            )
        )
        for who in ("idor_b", "public"):
            self.login(who)
            self.assertRefusedLikeMissing("/my/audiences/{0}", audience.id)
            if who == "public":
                continue
            page = self.url_open("/cic/track")
            csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text)[1]
            for audience_id in (audience.id, MISSING):
                response = self.url_open(
                    f"/my/audiences/{audience_id}/cancel",
                    data={"csrf_token": csrf, "reason": "forged"},
                    allow_redirects=False,
                )
                self.assertEqual(self.outcome(response), (303, "/my"))
        self.assertEqual(audience.state, "draft")
