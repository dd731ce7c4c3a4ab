# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.addons.survey.controllers.main import Survey


class CicSatisfactionSurvey(Survey):
    def _check_validity(
        self, survey_token, answer_token, ensure_token=True, check_partner=True
    ):
        """The CIC's satisfaction answers belong to nobody (no partner: the figures
        stay anonymous) and are opened by the secret answer token of the e-mailed
        link. A citizen who happens to be logged in to the portal takes his survey
        as the visitor he is for it, instead of Odoo's "access error" page, which
        compares the answer's (empty) partner with the logged-in user's."""
        if check_partner and answer_token:
            survey_sudo, answer_sudo = self._fetch_from_access_token(
                survey_token, answer_token
            )
            if (
                survey_sudo.cic_satisfaction_kind
                and answer_sudo
                and not answer_sudo.partner_id
            ):
                check_partner = False
        return super()._check_validity(
            survey_token,
            answer_token,
            ensure_token=ensure_token,
            check_partner=check_partner,
        )
