# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import secrets

from odoo import fields, models
from odoo.exceptions import UserError

# No 0/O/1/I/L: codes are read from paper and typed by hand.
ACCESS_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def _new_access_code():
    """12 random characters (about 59 bits), shown as XXXX-XXXX-XXXX."""
    raw = "".join(secrets.choice(ACCESS_CODE_ALPHABET) for _i in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    cic_service_id = fields.Many2one(
        "cic.service", string="Service", ondelete="restrict", index=True
    )
    cic_access_code = fields.Char(
        string="Access code",
        default=lambda self: _new_access_code(),
        copy=False,
        readonly=True,
        help="Code given to the citizen to follow the request on /cic/track.",
    )
    cic_portal_origin = fields.Boolean(string="Filed online", readonly=True, copy=False)
    cic_invoice_id = fields.Many2one(
        "account.move", string="Fee invoice", readonly=True, copy=False
    )
    cic_released_attachment_ids = fields.Many2many(
        "ir.attachment",
        "cic_ticket_released_attachment_rel",
        "ticket_id",
        "attachment_id",
        string="Issued documents",
        help="Answer or issued documents the citizen downloads from the portal "
        "(only once the fee, if any, is paid).",
    )

    def _compute_access_url(self):
        res = super()._compute_access_url()
        for ticket in self.filtered("cic_procedure_id"):
            ticket.access_url = f"/my/requests/{ticket.id}"
        return res

    # ------------------------------------------------------------------
    # Portal helpers
    # ------------------------------------------------------------------
    def _cic_portal_full_url(self):
        self.ensure_one()
        self._portal_ensure_token()
        return f"{self.get_base_url()}{self.get_portal_url()}"

    def _cic_status_history(self):
        """(date, stage name) of each stage change, oldest first."""
        self.ensure_one()
        tracking = (
            self.sudo()
            .message_ids.tracking_value_ids.filtered(
                lambda t: t.field_id.name == "stage_id"
            )
            .sorted("create_date")
        )
        history = [(self.create_date, self.env._("Registered"))]
        history += [(t.create_date, t.new_value_char) for t in tracking]
        return history

    def _cic_payments(self):
        self.ensure_one()
        invoice = self.cic_invoice_id.sudo()
        if not invoice:
            return self.env["account.payment"]
        return invoice.matched_payment_ids.filtered(lambda p: p.state != "canceled")

    def _cic_acknowledgement_due(self):
        """Online submissions with an address (the form's, else the petitioner's)
        are due the portal confirmation instead."""
        online = self.filtered("cic_portal_origin")
        due = super(HelpdeskTicket, self - online)._cic_acknowledgement_due()
        return due | online.filtered(lambda t: t.partner_email or t.partner_id.email)

    def _cic_acknowledgement_template(self):
        """The portal confirmation (access code, tracking link) for online
        submissions; sent by the registry's deferred-mail helper."""
        if self.cic_portal_origin:
            return self.env.ref("cic_portal.mail_template_cic_request_confirmation")
        return super()._cic_acknowledgement_template()

    # ------------------------------------------------------------------
    # Fees
    # ------------------------------------------------------------------
    def _cic_after_registration(self):
        """A fee invoice made before the number (portal submissions are numbered
        at the commit, or after it under contention) takes the number as origin."""
        res = super()._cic_after_registration()
        for ticket in self.filtered("cic_invoice_id"):
            invoice = ticket.cic_invoice_id.sudo()
            if invoice.invoice_origin != ticket.cic_registration_number:
                invoice.invoice_origin = ticket.cic_registration_number
        return res

    def _cic_fee_invoice_vals(self, partner, lines):
        """Values of the customer invoice of `lines` (see _cic_fee_invoice_lines),
        in the currency of local fees."""
        self.ensure_one()
        return {
            "move_type": "out_invoice",
            "partner_id": partner.id,
            "company_id": self.company_id.id,
            "currency_id": self.company_id._cic_fee_currency().id,
            "cic_ticket_id": self.id,
            "invoice_origin": self.cic_registration_number or self.name,
            "invoice_line_ids": [
                fields.Command.create(
                    {
                        "product_id": product.id,
                        "name": label,
                        "quantity": 1,
                        "price_unit": amount,
                        "tax_ids": [fields.Command.clear()],
                    }
                )
                for product, label, amount in lines
            ],
        }

    def _cic_create_fee_invoice(self):
        """Create and post the fee invoice of the request, once (a draft while a
        visitor's e-mail address is not confirmed)."""
        for ticket in self:
            if ticket.cic_invoice_id:
                continue
            lines = ticket._cic_fee_invoice_lines()
            if not lines:
                continue
            partner = ticket.partner_id
            if not partner:
                raise UserError(
                    self.env._("The request %s has no citizen to invoice.", ticket.name)
                )
            invoice = (
                self.env["account.move"]
                .with_company(ticket.company_id)
                .create(ticket._cic_fee_invoice_vals(partner, lines))
            )
            if ticket._cic_fee_invoice_postable():
                invoice.action_post()
            ticket.cic_invoice_id = invoice

    def _cic_register_fee_payment(
        self,
        amount=None,
        date=None,
        channel="counter",
        reference=None,
        journal=None,
        payer_vat=None,
        iban=None,
    ):
        """Record a payment of the fee (counter, bank, Ghiseul.ro) and reconcile
        it with the fee invoice; return the account.payment. ``payer_vat`` is the
        payer's CNP/CUI, already normalised; ``iban`` the Treasury account paid
        into (checked on the payment, R-ID-3). The fee invoice does the work
        (``account.move._cic_register_fee_payment``), which finance calls."""
        self.ensure_one()
        invoice = self.cic_invoice_id
        if not invoice:
            raise UserError(
                self.env._("The request %s has no fee left to pay.", self.display_name)
            )
        return invoice._cic_register_fee_payment(
            amount=amount,
            date=date,
            channel=channel,
            reference=reference,
            journal=journal,
            payer_vat=payer_vat,
            iban=iban,
        )

    def action_cic_register_payment(self):
        """Finance: the standard payment dialog on the fee invoice."""
        self.ensure_one()
        return self.cic_invoice_id.action_register_payment()

    def action_cic_create_fee_invoice(self):
        self._cic_create_fee_invoice()
        return self.action_cic_view_invoice()

    def action_cic_view_invoice(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.move",
            "res_id": self.cic_invoice_id.id,
            "view_mode": "form",
        }
