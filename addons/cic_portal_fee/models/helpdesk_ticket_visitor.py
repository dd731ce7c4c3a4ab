# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The fee invoice of a visitor's request (issue 14, point 8): a draft, owed but
not posted, until the visitor confirms his e-mail address or a clerk validates
the request (cic_portal's hold, helpdesk_ticket_visitor.py)."""

from odoo import models


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    def _cic_fee_invoice_postable(self):
        """Whether the fee invoice may be posted now."""
        self.ensure_one()
        return not self.cic_visitor_unconfirmed

    def _cic_email_confirmation_needed(self):
        """The visitor's fee invoice waits for his address."""
        return super()._cic_email_confirmation_needed() or bool(self.cic_invoice_id)

    def _cic_after_portal_submission(self):
        """The fee invoice of the online request, before the visitor is asked to
        confirm his address and before the request is numbered."""
        self._cic_create_fee_invoice()
        return super()._cic_after_portal_submission()

    def _cic_confirm_visitor(self, body):
        """Posts the visitor's draft fee invoice once his hold is lifted."""
        held = self.sudo().filtered("cic_visitor_unconfirmed")
        res = super()._cic_confirm_visitor(body)
        for invoice in held.cic_invoice_id:
            if invoice.state == "draft":
                invoice.action_post()
        return res
