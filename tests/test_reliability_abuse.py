"""Abuse: one client flooding the public forms is slowed down without blocking the
others, and repeated wrong access codes on /cic/track lock that client out for a while.

Clients are told apart by their address as the reverse proxy reports it
(``proxy_mode`` on, X-Forwarded-For), as in production (config/odoo.conf).
"""

import re
from datetime import timedelta
from unittest.mock import patch

from odoo import fields
from odoo.tests import HttpCase, tagged
from odoo.tools import config

FLOODER = "203.0.113.7"
NEIGHBOUR = "198.51.100.23"
LIMIT = 3
TRACK_FAILURES = 3


@tagged("post_install", "-at_install")
class TestAbuse(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        params = cls.env["ir.config_parameter"].sudo()
        params.set_param("cic_portal.min_fill_seconds", 0)
        params.set_param("cic_portal.submit_limit_per_hour", LIMIT)
        params.set_param("cic_portal.track_max_failures", TRACK_FAILURES)
        cls.env["cic.portal.throttle"].sudo().search([]).unlink()

    def setUp(self):
        super().setUp()
        patcher = patch.dict(config.options, {"proxy_mode": True})
        patcher.start()
        self.addCleanup(patcher.stop)

    def headers(self, client):
        return {"X-Forwarded-For": client, "X-Forwarded-Host": "primarie.example"}

    def tokens(self, client):
        page = self.url_open("/cic/form/petition", headers=self.headers(client))
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        token = re.search(r'name="form_token" value="([^"]+)"', page.text).group(1)
        return csrf, token

    def submit(self, client, subject):
        csrf, token = self.tokens(client)
        # A new e-mail address each time: the e-mail counter (see
        # test_security_portal_abuse) is not what is tested here.
        self.sent = getattr(self, "sent", 0) + 1
        data = {
            "first_name": "Ion",
            "last_name": "Flood",
            "email": f"ion.flood.{self.sent}@example.com",
            "street": "Strada Mare",
            "street_number": "1",
            "locality": "Exemplu",
            "county": "Brașov",
            "subject": subject,
            "message": "Flood",
            "consent": "1",
            "csrf_token": csrf,
            "form_token": token,
        }
        return self.url_open(
            "/cic/form/petition",
            data=data,
            headers=self.headers(client),
            allow_redirects=False,
        )

    def count(self, subject):
        return self.env["helpdesk.ticket"].sudo().search_count([("name", "=", subject)])

    def age_throttle(self, kind, client, minutes):
        """Move the client's events back in time (instead of waiting)."""
        events = (
            self.env["cic.portal.throttle"]
            .sudo()
            .search([("kind", "=", kind), ("client_key", "=", client)])
        )
        self.env.cr.execute(
            "UPDATE cic_portal_throttle SET create_date = %s WHERE id IN %s",
            (fields.Datetime.now() - timedelta(minutes=minutes), tuple(events.ids)),
        )
        self.env.invalidate_all()

    def test_submission_flood_is_slowed_per_client(self):
        subject = "Abuse flood"
        statuses = [
            self.submit(FLOODER, subject).status_code for _i in range(LIMIT + 2)
        ]
        self.assertEqual(statuses, [303] * LIMIT + [200, 200])
        self.assertEqual(self.count(subject), LIMIT)
        refused = self.submit(FLOODER, subject)
        self.assertTrue('id="cic_form_error"' in refused.text, "refusal message shown")
        # Another citizen, behind another address, is not affected.
        self.assertEqual(self.submit(NEIGHBOUR, "Abuse neighbour").status_code, 303)
        self.assertEqual(self.count("Abuse neighbour"), 1)
        # An hour later the flooder may submit again.
        self.age_throttle("submit", FLOODER, 61)
        self.assertEqual(self.submit(FLOODER, subject).status_code, 303)
        self.assertEqual(self.count(subject), LIMIT + 1)

    def test_tracking_lockout_per_client(self):
        ticket = (
            self.env["helpdesk.ticket"]
            .sudo()
            .create(
                {
                    "name": "Abuse tracked request",
                    "description": "<p>x</p>",
                    "cic_procedure_id": self.env.ref(
                        "cic_registry.procedure_petition"
                    ).id,
                }
            )
        )
        ticket._cic_assign_registration_number()
        number, code = ticket.cic_registration_number, ticket.cic_access_code

        def track(client, code):
            return self.url_open(
                f"/cic/track?number={number}&code={code}", headers=self.headers(client)
            ).text

        def found(text):  # the status block is shown only for a match
            return "o_cic_status" in text

        # (The pages are in Romanian: assertions use the markup, not the words.)
        self.assertTrue(found(track(FLOODER, code)), "the right code works")
        for _i in range(TRACK_FAILURES):
            page = track(FLOODER, "AAAA-BBBB-CCCC")
            self.assertTrue("o_cic_track_error" in page and not found(page))
        # Locked out: even the right code is refused now.
        locked = track(FLOODER, code)
        self.assertTrue("o_cic_track_error" in locked and not found(locked))
        # Other clients still track their requests.
        self.assertTrue(found(track(NEIGHBOUR, code)), "neighbour not blocked")
        # After 15 minutes the lock is lifted.
        self.age_throttle("track_fail", FLOODER, 16)
        self.assertTrue(found(track(FLOODER, code)), "lock lifted")
