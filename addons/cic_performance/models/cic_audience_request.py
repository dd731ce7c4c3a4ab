# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class CicAudienceRequest(models.Model):
    """A held audience is rated like a closed entry, through the satisfaction
    survey (issue 17 point 6): the answer's channel is the audience channel and
    its procedure the audience request."""

    _name = "cic.audience.request"
    _inherit = ["cic.audience.request", "cic.satisfaction.mixin"]

    def write(self, vals):
        res = super().write(vals)
        if vals.get("state") == "done":
            self._cic_satisfaction_after_write()
        return res

    def _cic_satisfaction_closed(self):
        self.ensure_one()
        return self.state == "done" and self.outcome != "no_show"

    def _cic_satisfaction_dims(self):
        self.ensure_one()
        channel = self.env.ref(
            "cic_registry.helpdesk_ticket_channel_audience", raise_if_not_found=False
        )
        procedure = self.env.ref(
            "cic_registry.procedure_audience_request", raise_if_not_found=False
        )
        return dict(
            super()._cic_satisfaction_dims(),
            cic_channel_id=channel.id if channel else False,
            cic_procedure_id=procedure.id if procedure else False,
        )
