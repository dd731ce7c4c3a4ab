# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from num2words import num2words

from odoo import api, fields, models

# How a fee is paid (R-POR-4); shared with the payment dialog and the import.
PAYMENT_CHANNELS = [
    ("online", "Online (portal)"),
    ("ghiseul", "Ghiseul.ro / SNEP"),
    ("counter", "Counter"),
    ("bank", "Bank transfer"),
]


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
    payer identification, proof and treasury account.

    The payer's CNP/CUI is validated with the petitioner's normalisers and guarded
    like the petitioner's CNP (``cic.cnp.guard.mixin``): masked on read, searches
    and groupings logged, never exported."""

    _name = "account.payment"
    _inherit = ["account.payment", "cic.cnp.guard.mixin"]
    _cic_cnp_fields = ("cic_payer_vat",)

    cic_channel = fields.Selection(
        PAYMENT_CHANNELS,
        string="Payment channel",
        compute="_compute_cic_channel",
        store=True,
        readonly=False,
    )
    cic_external_ref = fields.Char(string="External transaction id", copy=False)
    cic_payer_vat = fields.Char(
        string="Payer CNP/CUI",
        groups="account.group_account_invoice",
        exportable=False,
        copy=False,
        help="CNP of the natural person or CUI of the organisation that paid; "
        "shown masked.",
    )
    cic_proof_file = fields.Binary(string="Proof of payment", attachment=True)
    cic_proof_file_name = fields.Char()
    cic_iban = fields.Char(
        string="Treasury account (IBAN)",
        help="Romanian IBAN the fee was paid into (RO, 2 check digits, 4-letter "
        "bank code, 16 characters), checked with the mod-97 rule.",
    )
    cic_ticket_ids = fields.Many2many(
        "helpdesk.ticket",
        compute="_compute_cic_ticket_ids",
        string="CIC requests",
        groups="cic_registry.group_cic_clerk,cic_registry.group_cic_auditor",
    )
    cic_registration_numbers = fields.Char(
        string="Request numbers",
        compute="_compute_cic_registration_numbers",
        search="_search_cic_registration_numbers",
        help="Registration numbers of the requests whose fees this payment pays.",
    )

    @api.model
    def _cic_normalize_payer_vat(self, value):
        """A 13-digit value is a CNP, anything else a CUI (RO prefix allowed):
        return the compact number or raise a ValidationError."""
        if not value:
            return False
        partners = self.env["res.partner"]
        compact = "".join(value.split())
        if compact.isdigit() and len(compact) == 13:
            return partners._cic_normalize_cnp(compact)
        return partners._cic_normalize_cui(compact)[0]

    @api.model
    def _cic_normalize_vals(self, vals):
        """Payer CNP/CUI and Treasury IBAN (R-ID-3: the shared check of
        ``res.partner._cic_normalize_iban``) checked and stored compact."""
        if vals.get("cic_payer_vat"):
            vals["cic_payer_vat"] = self._cic_normalize_payer_vat(vals["cic_payer_vat"])
        if vals.get("cic_iban"):
            vals["cic_iban"] = self.env["res.partner"]._cic_normalize_iban(
                vals["cic_iban"]
            )
        return vals

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._cic_normalize_vals(vals)
        return super().create(vals_list)

    def write(self, vals):
        return super().write(self._cic_normalize_vals(dict(vals)))

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

    @api.depends("invoice_ids.cic_registration_number")
    def _compute_cic_registration_numbers(self):
        """From the fee invoices (finance reads them), not from the requests."""
        for payment in self:
            numbers = payment.invoice_ids.mapped("cic_registration_number")
            payment.cic_registration_numbers = (
                ", ".join(n for n in numbers if n) or False
            )

    def _search_cic_registration_numbers(self, operator, value):
        return [("invoice_ids.cic_registration_number", operator, value)]

    def _get_report_base_filename(self):
        """File name of the receipt PDF downloaded from the portal."""
        self.ensure_one()
        return f"Chitanta {self.name or self.id}"

    def _cic_amount_in_words(self):
        self.ensure_one()
        return ro_amount_in_words(self.amount)

    def action_cic_view_receipt(self):
        """Open the receipt (chitanță) on screen; Print gives the PDF."""
        self.ensure_one()
        report = self.env.ref("cic_portal_fee.action_report_cic_payment_receipt")
        return dict(report.report_action(self, config=False), report_type="qweb-html")
