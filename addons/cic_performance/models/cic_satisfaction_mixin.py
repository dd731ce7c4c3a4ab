# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The one satisfaction measure (R-KPI-2): an anonymous survey answer.

A closed registry entry and a held audience are rated the same way: the citizen
answers the closure survey chosen in Settings, either from the e-mail sent on
closure (when he opted in) or from the form of his portal page (``_cic_rate``).
Both create one ``survey.user_input`` without partner, e-mail or link to the
record: only its dimensions (department, channel, procedure, company, date), which
``cic.satisfaction.report`` and the KPI service aggregate.
"""

from odoo import fields, models


class CicSatisfactionMixin(models.AbstractModel):
    _name = "cic.satisfaction.mixin"
    _description = "CIC satisfaction rating (anonymous survey answer)"

    cic_satisfaction_opt_in = fields.Boolean(
        string="Satisfaction survey accepted",
        help="The citizen agreed to receive a short anonymous satisfaction survey "
        "by e-mail when the matter is closed.",
    )
    cic_satisfaction_sent = fields.Boolean(
        string="Satisfaction survey sent",
        readonly=True,
        copy=False,
        help="An anonymous satisfaction answer was opened for this matter (e-mail "
        "or portal): it is rated once.",
    )

    # ------------------------------------------------------------------
    # Hooks of the rated models
    # ------------------------------------------------------------------
    def _cic_satisfaction_closed(self):
        """Whether the matter is over (entry closed, audience held)."""
        raise NotImplementedError

    def _cic_satisfaction_email(self):
        """The citizen's address for the closure e-mail."""
        self.ensure_one()
        return self.partner_id.email

    def _cic_satisfaction_dims(self):
        """The anonymous dimensions stored on the answer (no person, no record)."""
        self.ensure_one()
        return {"cic_company_id": self.company_id.id}

    # ------------------------------------------------------------------
    # Rating
    # ------------------------------------------------------------------
    def _cic_satisfaction_survey(self):
        """The closure survey chosen in Settings for the record's company (empty
        when the satisfaction survey is switched off)."""
        self.ensure_one()
        return (self.company_id or self.env.company).sudo()._cic_closure_survey()

    def _cic_can_rate(self):
        """Whether the citizen may still rate: over, survey on, not rated yet."""
        self.ensure_one()
        return bool(
            self._cic_satisfaction_closed()
            and not self.cic_satisfaction_sent
            and self._cic_satisfaction_survey().active
        )

    def _cic_new_satisfaction_answer(self, date=None):
        """Open one anonymous answer of the closure survey and mark the record
        rated. sudo: the closing official or the citizen need not be survey
        officers; only the survey chosen in Settings is used."""
        self.ensure_one()
        survey = self._cic_satisfaction_survey().sudo()
        answer = survey._create_answer(check_attempts=False)
        answer.write(
            dict(
                self._cic_satisfaction_dims(),
                cic_sent_date=date or self.env["cic.calendar"].today(),
            )
        )
        self.sudo().cic_satisfaction_sent = True
        return answer

    def _cic_rate(self, rating, comment=""):
        """The citizen's rating from his portal page: an answered anonymous survey.

        ``rating`` 1-5 (int or the form's string), ``comment`` optional. The
        caller (the portal) has checked that the citizen may read the record.
        Returns the answer, or False, recording nothing, when the record cannot
        be rated (not over, already rated, survey off) or the score is not 1-5.
        """
        self.ensure_one()
        if str(rating) not in ("1", "2", "3", "4", "5") or not self._cic_can_rate():
            return False
        answer = self._cic_new_satisfaction_answer()
        answer._cic_fill_rating(int(rating), comment)
        return answer

    def _cic_send_satisfaction_survey(self):
        """E-mail the link of an anonymous answer to each citizen who opted in.

        The e-mail is sent without a chatter message and deleted once sent, so
        nothing links the answer back to the citizen.
        """
        template = self.env.ref(
            "cic_performance.mail_template_cic_satisfaction", raise_if_not_found=False
        )
        for record in self:
            email = record._cic_satisfaction_email()
            if not email or not record._cic_can_rate():
                continue
            answer = record._cic_new_satisfaction_answer()
            if template:
                template.sudo().send_mail(
                    answer.id,
                    email_values={"email_to": email, "recipient_ids": []},
                )

    def _cic_satisfaction_after_write(self):
        """Send the survey to those who opted in once the matter is over."""
        self.filtered(
            lambda r: r.cic_satisfaction_opt_in
            and not r.cic_satisfaction_sent
            and r._cic_satisfaction_closed()
        )._cic_send_satisfaction_survey()
