# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The public participation page /cic/participation (issue 17 point 4), as the
visitor and as two citizens: published activities only, 404 for an unpublished
one, the sign-up form's messages, the capacity, own sign-ups only in /my and over
JSON-RPC."""

import re
from datetime import timedelta

from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common import DISABLED_MAIL_CONTEXT


@tagged("post_install", "-at_install")
class TestParticipationPage(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))
        cls.env["ir.config_parameter"].sudo().set_param(
            "cic_portal.submit_limit_per_hour", 100
        )
        clerk = new_test_user(
            cls.env, login="part_page_clerk", groups="cic_registry.group_cic_clerk"
        )
        cls.citizen_a = new_test_user(
            cls.env,
            login="part_page_a",
            groups="base.group_portal",
            name="Ana Vlad",
            email="ana.vlad@example.com",
        )
        cls.citizen_b = new_test_user(
            cls.env,
            login="part_page_b",
            groups="base.group_portal",
            name="Barbu Lazăr",
            email="barbu.lazar@example.com",
        )
        Activity = cls.env["cic.participation.activity"].with_user(clerk)
        soon = cls.env["cic.calendar"].today() + timedelta(days=10)
        cls.published = Activity.create(
            {
                "name": "Test dezbatere piața centrală",
                "date": soon,
                "location": "Sala mare",
                "signup_open": True,
                "signup_capacity": 2,
            }
        )
        cls.published.action_publish()
        cls.hidden = Activity.create({"name": "Test ședință nepublicată", "date": soon})
        cls.slug = cls.env["ir.http"]._slug

    def _url(self, activity):
        return f"/cic/participation/{self.slug(activity)}"

    _csrf = None

    def _sign_up(self, **data):
        page = self.url_open(self._url(self.published))
        found = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
        # When the form is gone (activity full), the token of the same session
        # from the previous page is still valid.
        csrf = self._csrf = found.group(1) if found else self._csrf
        return self.url_open(
            self._url(self.published) + "/signup", data=dict(data, csrf_token=csrf)
        )

    def _signups(self):
        return self.env["cic.participation.signup"].search(
            [("activity_id", "=", self.published.id)]
        )

    def test_list_published_only(self):
        response = self.url_open("/cic/participation")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Test dezbatere piața centrală", response.text)
        self.assertNotIn("Test ședință nepublicată", response.text)

    def test_empty_page_useful(self):
        """Nothing published (a database without demo data): 200, an explanation
        and no activity card."""
        self.env["cic.participation.activity"].search([]).website_published = False
        response = self.url_open("/cic/participation")
        self.assertEqual(response.status_code, 200)
        self.assertIn('class="alert alert-info" role="status"', response.text)
        self.assertNotIn("o_cic_participation_row", response.text)

    def test_detail_404_unpublished(self):
        self.assertEqual(self.url_open(self._url(self.published)).status_code, 200)
        with mute_logger("odoo.http"):
            response = self.url_open(self._url(self.hidden))
        self.assertEqual(response.status_code, 404)

    def test_visitor_signs_up(self):
        response = self._sign_up(name="Ion Pop", email="not-an-email", consent="1")
        self.assertEqual(response.status_code, 200)
        self.assertIn('id="cic_part_error"', response.text)
        self.assertFalse(self._signups())
        response = self._sign_up(
            name="Ion Pop", email="ion.pop@example.com", consent="1"
        )
        self.assertNotIn('id="cic_part_error"', response.text)
        self.assertIn('class="alert alert-success"', response.text)
        signup = self._signups()
        self.assertEqual(signup.email, "ion.pop@example.com")
        self.assertEqual(signup.state, "to_confirm")
        mail = self.env["mail.mail"].search(
            [("email_to", "=", "ion.pop@example.com")], limit=1
        )
        self.assertIn("/cic/participation/confirm?token=", mail.body_html)
        token = re.search(r"token=([^\"&<]+)", mail.body_html).group(1)
        self.url_open(f"/cic/participation/confirm?token={token}")
        self.assertEqual(signup.state, "confirmed")

    def test_capacity_full(self):
        self._sign_up(name="Unu", email="unu@example.com", consent="1")
        self._sign_up(name="Doi", email="doi@example.com", consent="1")
        self.assertEqual(len(self._signups()), 2)
        page = self.url_open(self._url(self.published))
        self.assertNotIn("o_cic_participation_form", page.text)
        response = self._sign_up(name="Trei", email="trei@example.com", consent="1")
        self.assertIn('id="cic_part_error"', response.text)
        self.assertEqual(len(self._signups()), 2)

    def test_citizens_see_own_signups_only(self):
        self.authenticate("part_page_a", "part_page_a")
        self._sign_up(consent="1")
        page = self.url_open("/my/participation")
        self.assertIn("Test dezbatere piața centrală", page.text)
        own = self._signups()
        self.assertEqual(own.user_id, self.citizen_a)
        self.assertEqual(own.state, "confirmed")
        self.authenticate("part_page_b", "part_page_b")
        page = self.url_open("/my/participation")
        self.assertNotIn("Test dezbatere piața centrală", page.text)
        found = self.make_jsonrpc_request(
            "/web/dataset/call_kw/cic.participation.signup/search_read",
            {
                "model": "cic.participation.signup",
                "method": "search_read",
                "args": [[]],
                "kwargs": {"fields": ["email"]},
            },
        )
        self.assertEqual(found, [])
        with mute_logger("odoo.http"), self.assertRaises(Exception) as caught:
            self.make_jsonrpc_request(
                "/web/dataset/call_kw/cic.participation.signup/read",
                {
                    "model": "cic.participation.signup",
                    "method": "read",
                    "args": [own.ids, ["email", "name"]],
                    "kwargs": {},
                },
            )
        self.assertIn("AccessError", str(caught.exception))
