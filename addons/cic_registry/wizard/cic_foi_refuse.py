# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Reasoned refusal of a public-information request (Law 544/2001 art. 7(2), 12)."""

from odoo import api, fields, models

from ..models.helpdesk_ticket_foi import REFUSAL_GROUNDS


class CicFoiRefuse(models.TransientModel):
    _name = "cic.foi.refuse"
    _description = "Refuse a public-information request"

    ticket_id = fields.Many2one("helpdesk.ticket", required=True, ondelete="cascade")
    refusal_due_date = fields.Date(related="ticket_id.cic_foi_refusal_due_date")
    ground = fields.Selection(REFUSAL_GROUNDS, required=True, default="personal_data")
    reason = fields.Text(string="Reasons", required=True)
    partial = fields.Boolean(
        string="Partial refusal",
        help="Only part of the information is refused; the rest is answered in the "
        "same letter and the request is closed as refused in part.",
    )
    answered_part = fields.Html(
        string="Answered part",
        help="The information communicated to the applicant with the partial refusal.",
    )
    late_warning = fields.Boolean(compute="_compute_late_warning")

    @api.depends("refusal_due_date")
    def _compute_late_warning(self):
        today = self.env["cic.calendar"].today()
        for wizard in self:
            wizard.late_warning = bool(
                wizard.refusal_due_date and today > wizard.refusal_due_date
            )

    def action_confirm(self):
        self.ensure_one()
        self.ticket_id._cic_foi_refuse(
            self.ground,
            self.reason,
            partial=self.partial,
            answered_part=self.answered_part,
        )
        return {"type": "ir.actions.act_window_close"}
