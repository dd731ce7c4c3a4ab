# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError


class SurveyUserInput(models.Model):
    """Anonymous answers keep only the dimensions of the rated matter.

    A satisfaction answer carries the department, channel and procedure of the
    closed entry or held audience it follows, never the record, the citizen or an
    e-mail, so the satisfaction report cannot lead back to a person.
    """

    _inherit = "survey.user_input"

    cic_team_id = fields.Many2one(
        "helpdesk.ticket.team",
        string="Department",
        readonly=True,
        index="btree_not_null",
    )
    cic_channel_id = fields.Many2one(
        "helpdesk.ticket.channel", string="Channel", readonly=True
    )
    cic_procedure_id = fields.Many2one(
        "cic.procedure", string="Procedure", readonly=True
    )
    cic_company_id = fields.Many2one("res.company", string="Company", readonly=True)
    cic_sent_date = fields.Date(string="Survey sent on", readonly=True)

    def _cic_fill_rating(self, score, comment=None):
        """Answer the survey's first scale question with ``score`` and its first
        text question with ``comment``, and mark the answer done (the portal's
        rating form)."""
        self.ensure_one()
        questions = self.survey_id.question_ids
        scale = questions.filtered(lambda q: q.question_type == "scale")[:1]
        if not scale:
            raise UserError(
                self.env._("The satisfaction survey has no rating (scale) question.")
            )
        lines = [
            {
                "user_input_id": self.id,
                "question_id": scale.id,
                "answer_type": "scale",
                "value_scale": score,
            }
        ]
        text = questions.filtered(lambda q: q.question_type == "text_box")[:1]
        comment = (comment or "").strip()[:2000]
        if text and comment:
            lines.append(
                {
                    "user_input_id": self.id,
                    "question_id": text.id,
                    "answer_type": "text_box",
                    "value_text_box": comment,
                }
            )
        self.env["survey.user_input.line"].create(lines)
        self.state = "done"
