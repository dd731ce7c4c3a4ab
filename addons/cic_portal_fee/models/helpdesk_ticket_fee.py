# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The fee of a request: its invoice (the service's fee, surface-based fees,
R-POR-3; the urgency fee, R-POR-6; Law 544 copy fees paid on the portal), its
payments, and the internal target shortened once the urgency fee is paid."""

from odoo import api, fields, models
from odoo.exceptions import UserError


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    cic_invoice_id = fields.Many2one(
        "account.move", string="Fee invoice", readonly=True, copy=False
    )
    cic_surface_m2 = fields.Float(
        string="Declared surface (m²)",
        digits=(16, 2),
        help="Surface the citizen declares when the fee of the service depends on "
        "it (certificat de urbanism).",
    )
    cic_urgency_requested = fields.Boolean(
        string="Urgency requested",
        help="The citizen asked for urgent handling and is charged the urgency fee "
        "(taxa de urgență) on the fee invoice.",
    )
    cic_urgency_paid = fields.Boolean(
        string="Urgency fee paid",
        compute="_compute_cic_urgency_paid",
        store=True,
        help="The internal target is shortened only once the fee invoice, which "
        "includes the urgency fee, is paid. The legal due date does not change.",
    )

    @api.depends(
        "cic_urgency_requested", "cic_fee_state", "cic_service_id.urgency_available"
    )
    def _compute_cic_urgency_paid(self):
        """Only a service offering the urgency fee charges it on the invoice."""
        for ticket in self:
            ticket.cic_urgency_paid = (
                ticket.cic_urgency_requested
                and ticket.cic_service_id.urgency_available
                and ticket.cic_fee_state == "paid"
            )

    def _cic_target_days(self):
        """The paid urgency (R-POR-6) shortens the internal target."""
        days = super()._cic_target_days()
        service = self.cic_service_id
        if self.cic_urgency_paid and service.urgency_target_days:
            urgency_days = service.urgency_target_days
            days = min(days, urgency_days) if days else urgency_days
        return days

    def _cic_apply_urgency_target(self):
        """The urgency fee is paid (R-POR-6): shorten the internal due date to the
        service's urgency target. The legal due date is not touched."""
        for ticket in self.filtered("cic_urgency_paid"):
            target = ticket._cic_target_date(ticket.cic_service_id.urgency_target_days)
            current = ticket.cic_internal_due_date
            if target and (not current or target < current):
                ticket.cic_internal_due_date = target

    def _cic_payments(self):
        self.ensure_one()
        invoice = self.cic_invoice_id.sudo()
        if not invoice:
            return self.env["account.payment"]
        return invoice.matched_payment_ids.filtered(lambda p: p.state != "canceled")

    # ------------------------------------------------------------------
    # Fees
    # ------------------------------------------------------------------
    def _cic_fee_day(self):
        """Local date whose year selects the fee table: the registration date
        (today while the number is being assigned)."""
        self.ensure_one()
        calendar = self.env["cic.calendar"]
        return calendar.local_date(self.cic_registration_date) or calendar.today()

    def _cic_fee_invoice_lines(self):
        """(product, label, amount) of the fees owed on this request; empty when
        nothing is owed: the service's fee and the Law 544 copies (art. 9(1)): the
        copy fee (pages x tariff) is invoiced like a service fee, before the copies
        are released (R-544-4, see helpdesk_ticket_fee_gate.py), so the citizen
        pays it on the portal."""
        self.ensure_one()
        service = self.cic_service_id
        lines = service._cic_fee_invoice_lines(self) if service else []
        if self.cic_procedure_id.code == "foi_request" and self.cic_foi_copy_fee > 0:
            product = self.env.ref("cic_portal_fee.product_cic_foi_copy_fee")
            label = self.env._(
                "Copies of public information (Law 544/2001): %(pages)s pages, "
                "%(tariff)s",
                pages=self.cic_foi_copy_pages,
                tariff=self.cic_foi_copy_tariff_id.name,
            )
            lines.append((product, label, self.cic_foi_copy_fee))
        return lines

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
