# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class HelpdeskTicket(models.Model):
    """A closed registry entry is rated through the satisfaction survey (R-KPI-2)."""

    _name = "helpdesk.ticket"
    _inherit = ["helpdesk.ticket", "cic.satisfaction.mixin"]

    def write(self, vals):
        res = super().write(vals)
        if vals.get("stage_id"):
            self._cic_satisfaction_after_write()
        return res

    def _cic_satisfaction_closed(self):
        self.ensure_one()
        return self.closed

    def _cic_satisfaction_email(self):
        self.ensure_one()
        return self.partner_id.email or self.partner_email

    def _cic_satisfaction_dims(self):
        self.ensure_one()
        procedure = self._fields.get("cic_procedure_id") and self.cic_procedure_id
        return dict(
            super()._cic_satisfaction_dims(),
            cic_team_id=self.team_id.id,
            cic_channel_id=self.channel_id.id,
            cic_procedure_id=procedure.id if procedure else False,
        )
