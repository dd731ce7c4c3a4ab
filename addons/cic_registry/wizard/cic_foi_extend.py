# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Notice that a public-information request needs 30 days (Law 544/2001 art. 7(1))."""

from odoo import fields, models


class CicFoiExtend(models.TransientModel):
    _name = "cic.foi.extend"
    _description = "Extend a public-information request to 30 days"

    ticket_id = fields.Many2one("helpdesk.ticket", required=True, ondelete="cascade")
    notice_due_date = fields.Date(related="ticket_id.cic_foi_extension_notice_due_date")
    notice_due_basis = fields.Char(
        related="ticket_id.cic_foi_extension_notice_due_basis"
    )
    # Shown only: the notice takes the server's date when it is sent.
    notice_date = fields.Date(
        string="Notice dispatched on",
        readonly=True,
        default=lambda self: self.env["cic.calendar"].today(),
    )
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        self.ticket_id._cic_foi_extend(self.reason)
        return {"type": "ir.actions.act_window_close"}
