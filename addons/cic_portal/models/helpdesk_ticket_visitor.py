# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A request filed by a visitor without an account (issue 14, point 8).

Anyone can type any e-mail address on a public form: the fee invoice of such a
request stays a draft (owed, not posted, no document released) until the visitor
confirms his address, through the link of the confirmation e-mail, or a clerk
validates the request from the back office. Logged-in citizens are not concerned.
"""

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.tools.misc import hash_sign, verify_hash_signed

CONFIRM_SCOPE = "cic_portal.visitor_email"
CONFIRM_VALID_HOURS = 24 * 30


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    cic_visitor_unconfirmed = fields.Boolean(
        string="E-mail not confirmed",
        readonly=True,
        copy=False,
        help="Filed online without an account: the fee invoice stays a draft until "
        "the visitor confirms his e-mail address (link in the confirmation e-mail) "
        "or a clerk validates the request.",
    )

    def _cic_fee_invoice_postable(self):
        """Whether the fee invoice may be posted now."""
        self.ensure_one()
        return not self.cic_visitor_unconfirmed

    def _cic_email_confirmation_url(self):
        """Signed link confirming the address the visitor gave on the form."""
        self.ensure_one()
        token = hash_sign(
            self.env(su=True),
            CONFIRM_SCOPE,
            {"id": self.id, "email": (self.partner_email or "").lower()},
            expiration_hours=CONFIRM_VALID_HOURS,
        )
        base = self.get_base_url()
        return f"{base}/cic/request/{self.id}/confirm-email?token={token}"

    def _cic_request_email_confirmation(self):
        """Ask the visitors whose fee invoice waits to confirm their address."""
        template = self.env.ref("cic_portal.mail_template_cic_visitor_confirm_email")
        for ticket in self.filtered(
            lambda t: t.cic_visitor_unconfirmed
            and t.cic_invoice_id
            and (t.partner_email or t.partner_id.email)
        ):
            template.sudo().send_mail(ticket.id)

    @api.model
    def _cic_ticket_from_email_token(self, token):
        """The request (sudo) whose confirmation link ``token`` is, while its
        address is the one the link was sent to; else an empty recordset."""
        try:
            values = verify_hash_signed(self.env(su=True), CONFIRM_SCOPE, token or "")
        except (ValueError, UnicodeDecodeError):
            values = None
        if not values:
            return self.browse()
        ticket = self.sudo().browse(values.get("id")).exists()
        if values.get("email") != (ticket.partner_email or "").lower():
            return self.browse()
        return ticket

    def _cic_confirm_visitor(self, body):
        """Lift the hold on the visitor's requests: post their draft fee invoice."""
        for ticket in self.sudo().filtered("cic_visitor_unconfirmed"):
            ticket.cic_visitor_unconfirmed = False
            invoice = ticket.cic_invoice_id
            if invoice.state == "draft":
                invoice.action_post()
            ticket.message_post(body=body, subtype_xmlid="mail.mt_note")
        return True

    def action_cic_validate_visitor(self):
        """Clerk: the request of a visitor is genuine, issue its fee invoice."""
        if not self.env.user.has_group("cic_registry.group_cic_clerk"):
            raise AccessError(
                self.env._("Only the CIC clerks validate a visitor's request.")
            )
        self.check_access("write")
        return self._cic_confirm_visitor(
            self.env._(
                "Request validated by %(user)s: the fee invoice is issued.",
                user=self.env.user.name,
            )
        )
