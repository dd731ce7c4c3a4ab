# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Exempt a request from its fee, with the reason (audited)."""

from odoo import api, fields, models


class CicFeeExempt(models.TransientModel):
    _name = "cic.fee.exempt"
    _description = "Exempt a request from its fee"

    ticket_id = fields.Many2one(
        "helpdesk.ticket", string="Exempted request", required=True, ondelete="cascade"
    )
    blocker = fields.Text(
        string="What the fee stops", compute="_compute_blocker", readonly=True
    )
    reason = fields.Text(
        string="Reason for the exemption",
        required=True,
        help="The legal ground or the decision that exempts the request from its fee "
        "(e.g. Codul fiscal art. 476, HCL no. ..., copy fee waived). Written to the "
        "history and to the audit log with your name.",
    )

    @api.depends("ticket_id")
    def _compute_blocker(self):
        for wizard in self:
            wizard.blocker = (
                wizard.ticket_id._cic_fee_blocker() if wizard.ticket_id else False
            )

    def action_confirm(self):
        self.ensure_one()
        self.ticket_id._cic_exempt_fee(self.reason)
        return {"type": "ir.actions.act_window_close"}
