# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import escape_psql
from odoo.tools.float_utils import float_compare

from .account_payment import PAYMENT_CHANNELS

# A registration number as printed on receipts: "123/06.12.2026".
REGISTRATION_NUMBER = re.compile(r"\d+/\d{2}\.\d{2}\.\d{4}")


class CicPaymentImportLine(models.Model):
    """One line of an imported Ghișeul.ro or bank statement (R-POR-4).

    Each line is also a line of Odoo's bank statement of the journal. A line is
    matched to an open fee by the request's registration number, the invoice
    number or the invoice's payment reference; the match records the fee
    payment and reconciles the statement line with it. Finance matches the
    others by hand."""

    _name = "cic.payment.import.line"
    _inherit = ["mail.thread", "cic.cnp.guard.mixin"]
    _description = "Imported statement line (fee payment)"
    _order = "date desc, id desc"
    _cic_cnp_fields = ("payer_vat",)

    name = fields.Char(
        string="Reference",
        required=True,
        readonly=True,
        help="Reference of the payment as given by the statement (registration "
        "number, invoice number or payment reference).",
    )
    date = fields.Date(required=True, readonly=True)
    amount = fields.Monetary(required=True, readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    payer = fields.Char(readonly=True)
    payer_vat = fields.Char(
        string="Payer CNP/CUI",
        readonly=True,
        groups="cic_portal_fee.group_cic_finance",
        exportable=False,
        help="CNP or CUI of the payer given by the statement; shown masked.",
    )
    transaction_id = fields.Char(string="Transaction id", readonly=True)
    iban = fields.Char(
        string="Treasury account (IBAN)",
        readonly=True,
        help="Account the fee was paid into, as given by the statement.",
    )
    channel = fields.Selection(PAYMENT_CHANNELS, required=True, readonly=True)
    file_name = fields.Char(string="File", readonly=True)
    line_number = fields.Integer(readonly=True)
    journal_id = fields.Many2one("account.journal", required=True, readonly=True)
    company_id = fields.Many2one(
        "res.company", related="journal_id.company_id", store=True, index=True
    )
    statement_line_id = fields.Many2one(
        "account.bank.statement.line", string="Statement line", readonly=True
    )
    state = fields.Selection(
        [("unmatched", "To match"), ("matched", "Matched")],
        default="unmatched",
        required=True,
        readonly=True,
        tracking=True,
        index=True,
    )
    match_method = fields.Selection(
        [
            ("registration_number", "Registration number"),
            ("invoice", "Invoice number"),
            ("payment_reference", "Payment reference"),
            ("manual", "By hand"),
        ],
        string="Matched by",
        readonly=True,
        tracking=True,
    )
    note = fields.Char(
        string="Why not matched", readonly=True, help="Why the line was not matched."
    )
    invoice_id = fields.Many2one(
        "account.move",
        string="Fee",
        tracking=True,
        domain="[('cic_ticket_id', '!=', False), ('move_type', '=', 'out_invoice'),"
        " ('state', '=', 'posted'), ('payment_state', 'in', ('not_paid', 'partial')),"
        " ('company_id', '=', company_id)]",
        help="Fee invoice this payment pays: choose it to match the line by hand.",
    )
    registration_number = fields.Char(
        string="Request number", related="invoice_id.cic_registration_number"
    )
    petitioner_name = fields.Char(
        string="Petitioner", related="invoice_id.cic_petitioner_name"
    )
    payment_id = fields.Many2one("account.payment", string="Payment", readonly=True)

    # What finance may change by hand: the fee a line pays. The rest is written
    # by the import and the match only (as the server).
    _cic_client_fields = {"invoice_id"}

    def write(self, vals):
        forbidden = set(vals) - self._cic_client_fields - set(self._cic_mail_fields())
        if forbidden and not self.env.su:
            raise UserError(
                self.env._(
                    "A statement line keeps what the statement said and how it was "
                    "matched: only the fee it pays can be chosen, then matched."
                )
            )
        return super().write(vals)

    @api.model
    def _cic_mail_fields(self):
        return [
            name for name in self._fields if name.startswith(("message_", "activity_"))
        ]

    # ------------------------------------------------------------------
    # Matching
    # ------------------------------------------------------------------
    @api.model
    def _cic_open_fee_domain(self, company):
        return [
            ("cic_ticket_id", "!=", False),
            ("move_type", "=", "out_invoice"),
            ("state", "=", "posted"),
            ("company_id", "=", company.id),
        ]

    @api.model
    def _cic_candidates(self, reference):
        """The reference itself, then the registration numbers and words found
        in it (a bank transfer's free text)."""
        reference = (reference or "").strip()
        candidates = [reference] if reference else []
        candidates += REGISTRATION_NUMBER.findall(reference)
        candidates += [w for w in re.split(r"[\s,;]+", reference) if len(w) > 2]
        return list(dict.fromkeys(candidates))

    @api.model
    def _cic_find_fee(self, reference, company):
        """(invoice, method) of the fee the reference names, by registration
        number, invoice number, then payment reference; (empty, False) if none."""
        Move = self.env["account.move"]
        base = self._cic_open_fee_domain(company) + [
            ("payment_state", "in", ("not_paid", "partial"))
        ]
        keys = (
            ("registration_number", "cic_registration_number"),
            ("invoice", "name"),
            ("payment_reference", "payment_reference"),
        )
        for candidate in self._cic_candidates(reference):
            for method, field_name in keys:
                invoice = Move.search(
                    base + [(field_name, "=ilike", escape_psql(candidate))],
                    order="id desc",
                    limit=1,
                )
                if invoice:
                    return invoice, method
        return Move, False

    def _cic_check_matchable(self, invoice):
        """The reason the line cannot pay ``invoice``, or None."""
        self.ensure_one()
        if self.state == "matched":
            return self.env._("The line is already matched.")
        if not invoice or not invoice._cic_is_open_fee():
            return self.env._("The fee is already paid or is not a fee.")
        if float_compare(self.amount, 0.0, precision_digits=2) <= 0:
            return self.env._("The amount is not a payment.")
        if (
            float_compare(
                self.amount,
                invoice.amount_residual,
                precision_rounding=invoice.currency_id.rounding,
            )
            > 0
        ):
            return self.env._(
                "The amount is more than the %(left)s left to pay.",
                left=invoice.amount_residual,
            )
        return None

    def _cic_match(self, invoice, method):
        """Pay ``invoice`` with this line and reconcile the statement line with
        the payment (Odoo's bank reconciliation: the statement line's
        counterpart is the payment's outstanding receipt)."""
        self.ensure_one()
        reason = self._cic_check_matchable(invoice)
        if reason:
            raise UserError(reason)
        payment = invoice._cic_register_fee_payment(
            amount=self.amount,
            date=self.date,
            channel=self.channel,
            reference=self.transaction_id or self.name,
            journal=self.journal_id,
            payer_vat=self.payer_vat,
            iban=self.iban,
        )
        self._cic_reconcile_statement_line(payment)
        # sudo: the match's own result, after the checks above, as the server.
        self.sudo().write(
            {
                "invoice_id": invoice.id,
                "payment_id": payment.id,
                "state": "matched",
                "match_method": method,
                "note": False,
            }
        )
        return payment

    def _cic_reconcile_statement_line(self, payment):
        """Replace the statement line's suspense counterpart by the payment's
        outstanding account and reconcile both journal items."""
        st_line = self.statement_line_id
        outstanding = payment.move_id.line_ids.filtered(
            lambda line: line.account_id == payment.outstanding_account_id
        )
        if not st_line or not outstanding or st_line.is_reconciled:
            return
        st_line.partner_id = payment.partner_id
        account = outstanding.account_id
        st_line.with_context(force_delete=True, skip_readonly_check=True).write(
            {
                "line_ids": [Command.clear()]
                + [
                    Command.create(vals)
                    for vals in st_line._prepare_move_line_default_vals(account.id)
                ]
            }
        )
        counterpart = st_line.move_id.line_ids.filtered(
            lambda line: line.account_id == account
        )
        (counterpart | outstanding).reconcile()

    def action_match(self):
        """Finance matches the line by hand with the fee chosen."""
        for line in self:
            if not line.invoice_id:
                raise UserError(
                    self.env._("Choose the fee this line pays, then match it.")
                )
            line._cic_match(line.invoice_id, "manual")
        return True

    def action_open_payment(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.payment",
            "res_id": self.payment_id.id,
            "view_mode": "form",
        }
