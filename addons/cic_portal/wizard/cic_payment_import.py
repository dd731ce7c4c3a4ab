# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import csv
import io

from odoo import fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.float_utils import float_compare

REQUIRED_COLUMNS = ("reference", "amount", "date", "payer")


class CicPaymentImport(models.TransientModel):
    """Import a CSV of external payments (e.g. a Ghiseul.ro statement) with
    columns reference, amount, date (YYYY-MM-DD or DD.MM.YYYY), payer and
    optionally transaction_id and payer_id (the payer's CNP or CUI, validated
    like the petitioner's and stored on the payment, shown masked); each line is
    matched to a request by its registration number or to its fee invoice, and
    reconciled."""

    _name = "cic.payment.import"
    _description = "CIC External Payments Import"

    file = fields.Binary(string="CSV file", required=True)
    file_name = fields.Char()
    channel = fields.Selection(
        [("ghiseul", "Ghiseul.ro / SNEP"), ("bank", "Bank transfer")],
        default="ghiseul",
        required=True,
    )
    journal_id = fields.Many2one(
        "account.journal",
        domain=[("type", "in", ("bank", "cash"))],
        help="Journal of the payments; the first bank journal if empty.",
    )
    result = fields.Text(readonly=True)

    def _read_rows(self):
        text = base64.b64decode(self.file).decode("utf-8-sig")
        dialect = csv.Sniffer().sniff(text.splitlines()[0], delimiters=",;")
        reader = csv.DictReader(io.StringIO(text), dialect=dialect)
        headers = {h.strip().lower() for h in reader.fieldnames or []}
        missing = [c for c in REQUIRED_COLUMNS if c not in headers]
        if missing:
            raise UserError(
                self.env._("The CSV file lacks the columns: %s", ", ".join(missing))
            )
        for row in reader:
            yield {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}

    @staticmethod
    def _parse_date(value):
        if "." in value:
            day, month, year = value.split(".")
            value = f"{year}-{month}-{day}"
        return fields.Date.to_date(value)

    def _find_ticket(self, reference):
        """The request by its registration number, or by its fee invoice."""
        Ticket = self.env["helpdesk.ticket"]
        ticket = Ticket.search([("cic_registration_number", "=", reference)], limit=1)
        if ticket:
            return ticket
        invoice = self.env["account.move"].search(
            [
                ("move_type", "=", "out_invoice"),
                ("cic_ticket_id", "!=", False),
                "|",
                ("name", "=", reference),
                ("payment_reference", "=", reference),
            ],
            limit=1,
        )
        return invoice.cic_ticket_id

    def action_import(self):
        self.ensure_one()
        matched, unmatched = [], []
        for line_no, row in enumerate(self._read_rows(), start=2):
            try:
                amount = float(row["amount"].replace(",", "."))
            except ValueError:
                unmatched.append(self.env._("line %s: invalid amount", line_no))
                continue
            ticket = self._find_ticket(row["reference"])
            invoice = ticket.cic_invoice_id
            if not invoice or invoice.payment_state in ("paid", "in_payment"):
                unmatched.append(
                    self.env._(
                        "line %(line)s: no open fee for reference %(ref)s",
                        line=line_no,
                        ref=row["reference"],
                    )
                )
                continue
            if float_compare(amount, 0.0, precision_digits=2) <= 0:
                unmatched.append(self.env._("line %s: invalid amount", line_no))
                continue
            try:
                payer_vat = self.env["account.payment"]._cic_normalize_payer_vat(
                    row.get("payer_id")
                )
            except ValidationError:
                # The number itself is not repeated: the result is kept.
                unmatched.append(
                    self.env._("line %s: the payer's CNP/CUI is not valid", line_no)
                )
                continue
            ticket._cic_register_fee_payment(
                amount=amount,
                date=self._parse_date(row["date"]),
                channel=self.channel,
                reference=row.get("transaction_id") or row["reference"],
                journal=self.journal_id,
                payer_vat=payer_vat,
            )
            matched.append(row["reference"])
        self.result = "\n".join(
            [self.env._("%s payments matched.", len(matched))] + unmatched
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }
