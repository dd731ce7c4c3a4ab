# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestSatisfactionLink(HttpCase):
    """The e-mailed satisfaction link opens for the citizen also when he is logged
    in to the portal (the answer is anonymous: it has no partner to compare)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.survey = cls.env.ref("cic_performance.survey_cic_closure_satisfaction")
        cls.survey.active = True
        cls.answer = cls.survey.sudo()._create_answer(check_attempts=False)
        new_test_user(cls.env, login="cic_sat_link", groups="base.group_portal")
        new_test_user(cls.env, login="cic_sat_other", groups="base.group_portal")

    def _open(self):
        response = self.url_open(self.answer.get_start_url())
        self.assertEqual(response.status_code, 200)
        return response.text

    def test_logged_in_citizen_opens_his_link(self):
        self.authenticate("cic_sat_link", "cic_sat_link")
        page = self._open()
        self.assertNotIn("Survey Access Error", page)
        self.assertIn("o_survey_start", page)
        self.assertFalse(self.answer.partner_id, "the answer stays anonymous")

    def test_a_survey_with_a_partner_still_checks_it(self):
        """Odoo's check stays for answers that belong to someone."""
        owner = new_test_user(
            self.env, login="cic_sat_owner", groups="base.group_portal"
        )
        self.answer.partner_id = owner.partner_id
        self.authenticate("cic_sat_other", "cic_sat_other")
        self.assertIn("Survey Access Error", self._open())
