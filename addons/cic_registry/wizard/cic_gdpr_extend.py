# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Extension of a data-subject request by up to two months (GDPR art. 12(3))."""

from odoo import api, fields, models


class CicGdprExtend(models.TransientModel):
    _name = "cic.gdpr.extend"
    _description = "Extend a data-subject request"

    ticket_id = fields.Many2one("helpdesk.ticket", required=True, ondelete="cascade")
    notice_due_date = fields.Date(related="ticket_id.cic_gdpr_notice_due_date")
    # Shown only: the extension and its notice take the server's date.
    notice_date = fields.Date(
        string="Notice dispatched on",
        readonly=True,
        default=lambda self: self.env["cic.calendar"].today(),
    )
    months = fields.Selection(
        [("1", "1 month"), ("2", "2 months")],
        string="Further months",
        required=True,
        default="2",
        help="GDPR art. 12(3): the term may be extended by at most two further "
        "months, where necessary given the complexity and number of requests.",
    )
    new_due_date = fields.Date(string="New due date", compute="_compute_new_due_date")
    reason = fields.Text(
        required=True,
        help="Sent to the person in the notice (GDPR art. 12(3)).",
    )

    @api.depends("ticket_id", "months")
    def _compute_new_due_date(self):
        calendar = self.env["cic.calendar"]
        for wizard in self:
            ticket = wizard.ticket_id
            start = ticket and ticket._cic_term_start()
            months = ticket and ticket._cic_term_months()
            wizard.new_due_date = (
                start
                and months
                and calendar.due_date_months(
                    start, months + int(wizard.months or 0), company=ticket.company_id
                )
            )

    def action_confirm(self):
        self.ensure_one()
        self.ticket_id._cic_gdpr_extend(int(self.months), self.reason)
        return {"type": "ir.actions.act_window_close"}
