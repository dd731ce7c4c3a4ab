# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.1.3.0 migration: the old portal ratings become anonymous survey answers."""

from odoo.modules.migration import load_script
from odoo.tests import TransactionCase, tagged
from odoo.tools import SQL

from .common import CicPortalCommon

SCRIPT = "cic_portal/migrations/18.0.1.3.0/pre-migration.py"


@tagged("post_install", "-at_install")
class TestRatingMigration(CicPortalCommon, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_cic_portal()
        cls.survey = cls.env.ref("cic_performance.survey_cic_closure_satisfaction")
        cls.env.company.cic_satisfaction_survey_id = False

    def _old_table(self, rows):
        """The 18.0.1.2.0 table (DDL is rolled back with the test)."""
        self.env.cr.execute(
            SQL(
                "CREATE TABLE cic_request_rating (id serial PRIMARY KEY, "
                "ticket_id int, partner_id int, rating int, comment text, "
                "create_date timestamp)"
            )
        )
        for ticket, partner, rating, comment, date in rows:
            self.env.cr.execute(
                SQL(
                    "INSERT INTO cic_request_rating "
                    "(ticket_id, partner_id, rating, comment, create_date) "
                    "VALUES (%s, %s, %s, %s, %s)",
                    ticket.id,
                    partner.id,
                    rating,
                    comment,
                    date,
                )
            )

    def test_ratings_become_anonymous_answers(self):
        ticket_a = self._make_request(self.portal_a.partner_id, name="Dosar vechi A")
        ticket_b = self._make_request(self.portal_b.partner_id, name="Dosar vechi B")
        self._old_table(
            [
                (ticket_a, self.portal_a.partner_id, 5, "Foarte bine", "2026-03-02"),
                (ticket_b, self.portal_b.partner_id, 2, None, "2026-03-05"),
            ]
        )
        script = load_script(SCRIPT, "cic_portal_pre_18_0_1_3_0")
        Answer = self.env["survey.user_input"]
        before = Answer.search([])
        self.assertEqual(script.move_ratings(self.env), 2)
        answers = Answer.search([]) - before
        self.assertEqual(len(answers), 2)
        self.assertEqual(answers.survey_id, self.survey)
        self.assertFalse(answers.partner_id)
        self.assertEqual(set(answers.mapped("state")), {"done"})
        by_date = {a.cic_sent_date.isoformat(): a for a in answers}
        first = by_date["2026-03-02"]
        self.assertEqual(
            first.user_input_line_ids.filtered(
                lambda x: x.answer_type == "scale"
            ).value_scale,
            5,
        )
        self.assertIn("Foarte bine", first.user_input_line_ids.mapped("value_text_box"))
        self.assertEqual(first.cic_procedure_id, self.procedure_petition)
        self.assertEqual(
            by_date["2026-03-05"].user_input_line_ids.mapped("value_scale"), [2]
        )
        self.assertTrue(ticket_a.cic_satisfaction_sent)
        self.assertTrue(ticket_b.cic_satisfaction_sent)
        # the satisfaction report counts them on the ratings' dates
        self.env.flush_all()
        report = self.env["cic.satisfaction.report"].search([("id", "in", answers.ids)])
        self.assertEqual(sorted(report.mapped("rating")), [2.0, 5.0])

    def test_nothing_to_move_on_a_new_database(self):
        script = load_script(SCRIPT, "cic_portal_pre_18_0_1_3_0")
        self.assertEqual(script.move_ratings(self.env), 0)
