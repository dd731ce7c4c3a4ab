# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A request filed by a visitor without an account (issue 14, point 8).

Anyone can type any e-mail address on a public form: such a request is held (with
cic_portal_fee, its fee invoice stays a draft: owed, not posted, no document
released) until the visitor confirms his address, through the link of the
confirmation e-mail, or a clerk validates the request from the back office.
Logged-in citizens are not concerned.
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
        help="Filed online without an account: a fee invoice stays a draft until "
        "the visitor confirms his e-mail address (link in the confirmation e-mail) "
        "or a clerk validates the request.",
    )

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

    def _cic_email_confirmation_needed(self):
        """Whether something of this visitor's request waits for his address to
        be confirmed (cic_portal_fee: a fee invoice). Nothing here."""
        self.ensure_one()
        return False

    def _cic_after_portal_submission(self):
        """Hook called once the online form's entry is created, its uploads and
        answers stored, before it is numbered (cic_portal_fee: the fee invoice).
        Asks the visitor to confirm his address when something waits for it."""
        self._cic_request_email_confirmation()

    def _cic_request_email_confirmation(self):
        """Ask the visitors whose request waits to confirm their address."""
        template = self.env.ref("cic_portal.mail_template_cic_visitor_confirm_email")
        for ticket in self.filtered(
            lambda t: t.cic_visitor_unconfirmed
            and t._cic_email_confirmation_needed()
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
        """Lift the hold on the visitor's requests (cic_portal_fee: posts their
        draft fee invoice)."""
        for ticket in self.sudo().filtered("cic_visitor_unconfirmed"):
            ticket.cic_visitor_unconfirmed = False
            ticket.message_post(body=body, subtype_xmlid="mail.mt_note")
        return True

    def action_cic_validate_visitor(self):
        """Clerk: the request of a visitor is genuine, lift its hold."""
        if not self.env.user.has_group("cic_registry.group_cic_clerk"):
            raise AccessError(
                self.env._("Only the CIC clerks validate a visitor's request.")
            )
        self.check_access("write")
        return self._cic_confirm_visitor(
            self.env._(
                "Request validated by %(user)s.",
                user=self.env.user.name,
            )
        )
