# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The administrator switches the closure satisfaction survey on or off and
chooses it in Settings (issue 16 point 3)."""

from odoo.tests import new_test_user, tagged

from . import test_satisfaction
from .common import CicPerformanceCase


@tagged("post_install", "-at_install")
class TestSatisfactionSettings(CicPerformanceCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.admin = new_test_user(
            cls.env,
            login="cic_survey_admin",
            groups="base.group_user,base.group_system,"
            "cic_registry.group_cic_manager,survey.group_survey_user",
        )
        cls.survey = cls.env.ref("cic_performance.survey_cic_closure_satisfaction")
        cls.other = cls.env["survey.survey"].create(
            {
                "title": "Chestionar de satisfacție al primăriei",
                "cic_satisfaction_kind": "closure",
                "access_mode": "token",
            }
        )

    def _settings(self, **vals):
        settings = self.env["res.config.settings"].with_user(self.admin).create(vals)
        settings.execute()

    def _close(self):
        return test_satisfaction.TestSatisfaction.close(
            self, team_id=self.team_a.id, cic_satisfaction_opt_in=True
        )

    def _answers(self, survey):
        return self.env["survey.user_input"].search(
            [("survey_id", "=", survey.id), ("cic_team_id", "=", self.team_a.id)]
        )

    def test_default_is_the_suites_survey(self):
        self.assertTrue(self.env.company.cic_satisfaction_survey_enabled)
        self._close()
        self.assertEqual(len(self._answers(self.survey)), 1)

    def test_switched_off_in_settings(self):
        self._settings(cic_satisfaction_survey_enabled=False)
        self.assertFalse(self.env.company.cic_satisfaction_survey_enabled)
        ticket = self._close()
        self.assertFalse(ticket.cic_satisfaction_sent)
        self.assertFalse(self._answers(self.survey))

    def test_chosen_in_settings(self):
        self._settings(
            cic_satisfaction_survey_enabled=True,
            cic_satisfaction_survey_id=self.other.id,
        )
        ticket = self._close()
        self.assertTrue(ticket.cic_satisfaction_sent)
        self.assertEqual(len(self._answers(self.other)), 1)
        self.assertFalse(self._answers(self.survey))
