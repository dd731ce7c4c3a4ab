# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HelpdeskTicket(models.Model):
    """Satisfaction survey on closure, for petitioners who opted in (R-KPI-2)."""

    _inherit = "helpdesk.ticket"

    cic_satisfaction_opt_in = fields.Boolean(
        string="Satisfaction survey accepted",
        help="The petitioner agreed to receive a short anonymous satisfaction "
        "survey when the entry is closed.",
    )
    cic_satisfaction_sent = fields.Boolean(
        string="Satisfaction survey sent", readonly=True, copy=False
    )

    def write(self, vals):
        res = super().write(vals)
        if vals.get("stage_id"):
            self.filtered(
                lambda t: t.closed
                and t.cic_satisfaction_opt_in
                and not t.cic_satisfaction_sent
            )._cic_send_satisfaction_survey()
        return res

    def _cic_satisfaction_survey(self):
        """The closure survey chosen in Settings for the entry's company."""
        self.ensure_one()
        return (self.company_id or self.env.company).sudo()._cic_closure_survey()

    def _cic_send_satisfaction_survey(self):
        """Create an anonymous survey answer per ticket and e-mail its link.

        The answer stores only the entry's dimensions; the e-mail is sent without a
        chatter message and is deleted once sent, so nothing links the answer back
        to the petitioner.
        """
        # sudo: the closing official need not be a survey officer; only the
        # closure survey chosen in Settings is used, and answers are anonymous by
        # design.
        template = self.env.ref(
            "cic_performance.mail_template_cic_satisfaction", raise_if_not_found=False
        )
        today = fields.Date.context_today(self)
        for ticket in self:
            survey = ticket._cic_satisfaction_survey().sudo()
            email = ticket.partner_id.email or ticket.partner_email
            if not survey.active or not email:
                continue
            # The answer is created without partner or e-mail (anonymous).
            answer = survey._create_answer(check_attempts=False)
            answer.write(ticket._cic_satisfaction_answer_vals(today))
            if template:
                template.sudo().send_mail(
                    answer.id,
                    email_values={"email_to": email, "recipient_ids": []},
                )
            ticket.cic_satisfaction_sent = True

    def _cic_satisfaction_answer_vals(self, today):
        self.ensure_one()
        procedure = self._fields.get("cic_procedure_id") and self.cic_procedure_id
        return {
            "cic_team_id": self.team_id.id,
            "cic_channel_id": self.channel_id.id,
            "cic_procedure_id": procedure.id if procedure else False,
            "cic_company_id": self.company_id.id,
            "cic_sent_date": today,
        }
