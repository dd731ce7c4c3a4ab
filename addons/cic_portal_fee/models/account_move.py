# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class AccountMove(models.Model):
    """A fee invoice (``cic_ticket_id`` set) carries what finance needs of its
    request, copied by the server: registration number, petitioner's name and
    service. Finance reads the fee, never the request itself (its content,
    documents, CNP)."""

    _inherit = "account.move"

    cic_ticket_id = fields.Many2one(
        "helpdesk.ticket", string="CIC request", index=True, copy=False
    )
    cic_registration_number = fields.Char(
        string="Request number",
        related="cic_ticket_id.cic_registration_number",
        store=True,
        index=True,
        help="Registration number of the request this fee belongs to.",
    )
    cic_petitioner_name = fields.Char(
        string="Petitioner",
        compute="_compute_cic_petitioner_name",
        store=True,
        compute_sudo=True,
        help="Name of the person or organisation who filed the request.",
    )
    cic_service_id = fields.Many2one(
        "cic.service",
        string="Service",
        related="cic_ticket_id.cic_service_id",
        store=True,
        index=True,
    )

    @api.depends("cic_ticket_id.partner_id.name", "cic_ticket_id.partner_name")
    def _compute_cic_petitioner_name(self):
        for move in self:
            ticket = move.cic_ticket_id
            move.cic_petitioner_name = ticket.partner_id.name or ticket.partner_name

    @api.depends_context("cic_fee_display")
    def _compute_display_name(self):
        """Where finance picks a fee (matching a statement line by hand), a fee
        reads 'invoice – request number – petitioner'."""
        res = super()._compute_display_name()
        if self.env.context.get("cic_fee_display"):
            for move in self.filtered("cic_ticket_id"):
                parts = (
                    move.name,
                    move.cic_registration_number,
                    move.cic_petitioner_name,
                )
                move.display_name = " – ".join(part for part in parts if part)
        return res

    def _invoice_paid_hook(self):
        """A paid fee invoice that includes the urgency fee shortens the
        request's internal target (R-POR-6)."""
        res = super()._invoice_paid_hook()
        # sudo: finance or the portal's payment transaction posts the payment;
        # the new date comes from the service's configuration only.
        self.sudo().cic_ticket_id._cic_apply_urgency_target()
        return res

    def _cic_is_open_fee(self):
        """A posted fee invoice with something left to pay."""
        self.ensure_one()
        return (
            bool(self.cic_ticket_id)
            and self.move_type == "out_invoice"
            and self.state == "posted"
            and self.payment_state not in ("paid", "in_payment", "reversed")
        )

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
        """Record a payment of this fee invoice (counter, bank, Ghiseul.ro) and
        reconcile it; return the account.payment. ``payer_vat`` is the payer's
        CNP/CUI, already normalised; ``iban`` the Treasury account paid into.
        Runs with the caller's rights (finance)."""
        self.ensure_one()
        if not self._cic_is_open_fee():
            raise UserError(
                self.env._(
                    "The fee %s has nothing left to pay.",
                    self.cic_registration_number or self.name,
                )
            )
        vals = {"amount": amount or self.amount_residual}
        if date:
            vals["payment_date"] = date
        if reference:
            vals["communication"] = reference
        if journal:
            vals["journal_id"] = journal.id
        wizard = (
            self.env["account.payment.register"]
            .with_context(active_model="account.move", active_ids=self.ids)
            .create(vals)
        )
        payment = wizard._create_payments()
        payment_vals = {
            "cic_channel": channel,
            "cic_external_ref": reference or payment.name,
        }
        if payer_vat:
            payment_vals["cic_payer_vat"] = payer_vat
        if iban:
            payment_vals["cic_iban"] = iban
        payment.write(payment_vals)
        return payment

    def action_cic_counter_payment(self):
        """Finance: Odoo's payment dialog for a fee paid in cash at the counter
        (the cash journal proposed, the payment marked 'counter')."""
        self.ensure_one()
        action = self.action_register_payment()
        cash = self.env["account.journal"].search(
            [("type", "=", "cash"), ("company_id", "=", self.company_id.id)], limit=1
        )
        context = dict(action.get("context") or {}, default_cic_channel="counter")
        if cash:
            context["default_journal_id"] = cash.id
        action["context"] = context
        return action
