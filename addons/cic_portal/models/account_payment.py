# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from num2words import num2words

from odoo import api, fields, models


def ro_amount_in_words(amount):
    """Amount in lei written in Romanian words, e.g. 120.5 ->
    'o sută douăzeci de lei și cincizeci de bani'."""

    def _part(number, singular, plural):
        if number == 1:
            return f"un {singular}"
        words = num2words(number, lang="ro")
        last_two = number % 100
        link = " de" if number >= 20 and (last_two == 0 or last_two >= 20) else ""
        return f"{words}{link} {plural}"

    cents_total = round(amount * 100)
    lei, bani = divmod(cents_total, 100)
    parts = []
    if lei or not bani:
        parts.append(_part(lei, "leu", "lei"))
    if bani:
        parts.append(_part(bani, "ban", "bani"))
    return " și ".join(parts)


class AccountPayment(models.Model):
    """Payment record of a fee (R-POR-4): channel, external transaction id,
    payer identification, proof and treasury account."""

    _inherit = "account.payment"

    cic_channel = fields.Selection(
        [
            ("online", "Online (portal)"),
            ("ghiseul", "Ghiseul.ro / SNEP"),
            ("counter", "Counter"),
            ("bank", "Bank transfer"),
        ],
        string="Payment channel",
        compute="_compute_cic_channel",
        store=True,
        readonly=False,
    )
    cic_external_ref = fields.Char(string="External transaction id", copy=False)
    cic_payer_vat = fields.Char(
        string="Payer CNP/CUI", groups="account.group_account_invoice"
    )
    cic_proof_file = fields.Binary(string="Proof of payment", attachment=True)
    cic_proof_file_name = fields.Char()
    cic_iban = fields.Char(string="Treasury account (IBAN)")
    cic_ticket_ids = fields.Many2many(
        "helpdesk.ticket",
        compute="_compute_cic_ticket_ids",
        string="CIC requests",
    )

    @api.depends("payment_transaction_id")
    def _compute_cic_channel(self):
        for payment in self:
            if payment.payment_transaction_id:
                payment.cic_channel = "online"
            elif not payment.cic_channel:
                payment.cic_channel = False

    @api.depends("reconciled_invoice_ids", "invoice_ids")
    def _compute_cic_ticket_ids(self):
        for payment in self:
            invoices = payment.reconciled_invoice_ids | payment.invoice_ids
            payment.cic_ticket_ids = invoices.cic_ticket_id

    def _get_report_base_filename(self):
        """File name of the receipt PDF downloaded from the portal."""
        self.ensure_one()
        return f"Chitanta {self.name or self.id}"

    def _cic_amount_in_words(self):
        self.ensure_one()
        return ro_amount_in_words(self.amount)
