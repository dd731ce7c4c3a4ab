# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResCompany(models.Model):
    """The satisfaction survey sent on closure (R-KPI-2), chosen in Settings."""

    _inherit = "res.company"

    cic_satisfaction_survey_enabled = fields.Boolean(
        string="Satisfaction survey on closure",
        default=True,
        help="When a registry entry is closed, the petitioner who agreed receives "
        "a short anonymous satisfaction survey.",
    )
    cic_satisfaction_survey_id = fields.Many2one(
        "survey.survey",
        string="Closure satisfaction survey",
        domain=[("cic_satisfaction_kind", "=", "closure")],
        help="The survey sent on closure (a survey marked 'Sent on closure of a "
        "registry entry'). Empty: the suite's own closure survey.",
    )

    def _cic_closure_survey(self):
        """The survey to send on closure, or an empty recordset when off."""
        self.ensure_one()
        if not self.cic_satisfaction_survey_enabled:
            return self.env["survey.survey"]
        return self.cic_satisfaction_survey_id or self.env.ref(
            "cic_performance.survey_cic_closure_satisfaction", raise_if_not_found=False
        )
