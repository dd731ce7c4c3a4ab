# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Participation on the portal (issue 17 point 4): the CIC clerk publishes an
activity, opens its sign-up; the rules of the sign-up (capacity, one per e-mail,
closed after the date) hold for anyone; a citizen reads his own sign-ups only."""

from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import TransactionCase, freeze_time, new_test_user, tagged


@tagged("post_install", "-at_install")
@freeze_time("2026-03-02")
class TestParticipationPublication(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.clerk = new_test_user(
            cls.env, login="part_clerk", groups="cic_registry.group_cic_clerk"
        )
        cls.citizen_a = new_test_user(
            cls.env, login="part_cit_a", groups="base.group_portal", email="a@ex.ro"
        )
        cls.citizen_b = new_test_user(
            cls.env, login="part_cit_b", groups="base.group_portal", email="b@ex.ro"
        )
        cls.Activity = cls.env["cic.participation.activity"].with_user(cls.clerk)
        cls.activity = cls.Activity.create(
            {
                "name": "Dezbatere parc",
                "date": date(2026, 3, 20),
                "activity_type": "public_meeting",
                "signup_open": True,
                "signup_capacity": 2,
            }
        )
        cls.Signup = cls.env["cic.participation.signup"]

    def _sign_up(self, email, user=None, name="Ion Pop"):
        user = user or self.env.ref("base.public_user")
        return self.Signup.with_user(user)._cic_sign_up(
            self.activity, {"name": name, "email": email, "consent": True}, user=user
        )

    def test_officer_publishes(self):
        self.activity.action_publish()
        self.assertTrue(self.activity.website_published)
        public = self.env.ref("base.public_user")
        Activity = self.env["cic.participation.activity"].with_user(public)
        self.assertIn(self.activity, Activity.search([]))
        self.activity.action_unpublish()
        self.assertNotIn(self.activity, Activity.search([]))

    def test_unpublished_refuses_signup(self):
        with self.assertRaises(UserError):
            self._sign_up("x@ex.ro")

    def test_signup_rules(self):
        self.activity.action_publish()
        with self.assertRaises(UserError):
            self._sign_up("not-an-email")
        first = self._sign_up("Maria@Ex.ro")
        self.assertEqual(first.sudo().email, "maria@ex.ro")
        self.assertEqual(first.sudo().state, "to_confirm")
        with self.assertRaises(UserError):
            self._sign_up("maria@ex.ro")
        self._sign_up("dan@ex.ro")
        self.assertEqual(self.activity.signup_count, 2)
        with self.assertRaises(UserError):
            self._sign_up("third@ex.ro")

    def test_signup_closed_after_date(self):
        self.activity.action_publish()
        with freeze_time("2026-03-21"), self.assertRaises(UserError):
            self._sign_up("late@ex.ro")

    def test_consent_and_name_required(self):
        self.activity.action_publish()
        public = self.env.ref("base.public_user")
        with self.assertRaises(UserError):
            self.Signup.with_user(public)._cic_sign_up(
                self.activity, {"name": "Ion", "email": "i@ex.ro"}, user=public
            )
        with self.assertRaises(UserError):
            self.Signup.with_user(public)._cic_sign_up(
                self.activity,
                {"name": " ", "email": "i@ex.ro", "consent": True},
                user=public,
            )

    def test_citizen_confirmed_and_sees_own_only(self):
        self.activity.action_publish()
        own = self._sign_up("a@ex.ro", user=self.citizen_a)
        self.assertEqual(own.sudo().state, "confirmed")
        other = self._sign_up("b@ex.ro", user=self.citizen_b)
        Signup_a = self.Signup.with_user(self.citizen_a)
        self.assertEqual(Signup_a.search([]), own)
        with self.assertRaises(AccessError):
            other.with_user(self.citizen_a).read(["email"])
        self.assertEqual(
            self.Signup.with_user(self.clerk).search_count(
                [("activity_id", "=", self.activity.id)]
            ),
            2,
        )

    def test_visitor_confirms_by_link(self):
        self.activity.action_publish()
        signup = self._sign_up("v@ex.ro").sudo()
        self.assertFalse(self.Signup._cic_confirm_token("forged"))
        token = signup._cic_confirmation_url().split("token=")[1]
        self.assertEqual(self.Signup._cic_confirm_token(token), signup)
        self.assertEqual(signup.state, "confirmed")

    def test_negative_capacity(self):
        with self.assertRaises(ValidationError):
            self.activity.signup_capacity = -1

    def test_poll_link_when_survey_public(self):
        survey = self.env["survey.survey"].create(
            {"title": "Sondaj test", "access_mode": "public"}
        )
        self.activity.write({"activity_type": "poll", "survey_id": survey.id})
        self.assertEqual(self.activity._cic_poll_url(), survey.get_start_url())
        survey.active = False
        self.assertFalse(self.activity._cic_poll_url())
