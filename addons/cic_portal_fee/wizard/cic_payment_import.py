# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import binascii
import csv
import io

from odoo import Command, fields, models
from odoo.exceptions import UserError, ValidationError

REQUIRED_COLUMNS = ("reference", "amount", "date", "payer")


class CicPaymentImport(models.TransientModel):
    """Import a CSV of external payments (a Ghiseul.ro report or a bank
    statement) with columns reference, amount, date (YYYY-MM-DD or DD.MM.YYYY),
    payer and optionally transaction_id, payer_id (the payer's CNP or CUI,
    validated like the petitioner's and stored on the payment, shown masked) and
    iban (the Treasury account paid into, a Romanian IBAN checked by the shared
    R-ID-3 helper; a line with an invalid one is not imported).

    Every line becomes a line of Odoo's bank statement of the journal and a
    ``cic.payment.import.line``; a line whose reference names an open fee (the
    request's registration number, the invoice number or its payment
    reference) pays it and is reconciled; finance matches the others by hand."""

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
        help="Journal of the payments and of the statement; the first bank "
        "journal if empty.",
    )
    result = fields.Text(readonly=True)
    statement_id = fields.Many2one(
        "account.bank.statement", string="Statement", readonly=True
    )
    unmatched_count = fields.Integer(string="Lines to match", readonly=True)

    def _read_rows(self):
        try:
            text = base64.b64decode(self.file).decode("utf-8-sig")
            dialect = csv.Sniffer().sniff(text.splitlines()[0], delimiters=",;")
        except (binascii.Error, UnicodeDecodeError, IndexError, csv.Error) as error:
            raise UserError(
                self.env._("The file is not a CSV file in UTF-8.")
            ) from error
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

    def _journal(self):
        journal = self.journal_id or self.env["account.journal"].search(
            [("type", "=", "bank"), ("company_id", "=", self.env.company.id)], limit=1
        )
        if not journal:
            raise UserError(self.env._("Create a bank journal first."))
        return journal

    def _parse_row(self, line_no, row):
        """Values of the import line of ``row``; raises ValueError with the
        reason (never repeating a CNP) when the row cannot be read."""
        try:
            amount = float(row["amount"].replace(",", "."))
            date = self._parse_date(row["date"])
        except ValueError as error:
            raise ValueError(self.env._("invalid amount or date")) from error
        if not date:
            raise ValueError(self.env._("invalid amount or date"))
        try:
            payer_vat = self.env["account.payment"]._cic_normalize_payer_vat(
                row.get("payer_id")
            )
        except ValidationError as error:
            raise ValueError(self.env._("the payer's CNP/CUI is not valid")) from error
        try:
            iban = self.env["res.partner"]._cic_normalize_iban(row.get("iban"))
        except ValidationError as error:
            raise ValueError(error.args[0]) from error
        return {
            "name": row["reference"] or "-",
            "date": date,
            "amount": amount,
            "payer": row["payer"],
            "payer_vat": payer_vat,
            "iban": iban or False,
            "transaction_id": row.get("transaction_id") or False,
            "channel": self.channel,
            "file_name": self.file_name,
            "line_number": line_no,
        }

    def _is_duplicate(self, vals, journal):
        """A transaction already imported (same channel, id, reference and
        amount: a statement imported twice) is skipped."""
        if not vals["transaction_id"]:
            return False
        return bool(
            self.env["cic.payment.import.line"].search_count(
                [
                    ("transaction_id", "=", vals["transaction_id"]),
                    ("name", "=", vals["name"]),
                    ("amount", "=", vals["amount"]),
                    ("channel", "=", vals["channel"]),
                    ("company_id", "=", journal.company_id.id),
                ],
                limit=1,
            )
        )

    def _create_statement(self, journal, lines_vals):
        """One statement of Odoo's bank journal holding every line read."""
        st_lines = self.env["account.bank.statement.line"].create(
            [
                {
                    "journal_id": journal.id,
                    "date": vals["date"],
                    "amount": vals["amount"],
                    "payment_ref": vals["name"],
                    "partner_name": vals["payer"],
                }
                for vals in lines_vals
            ]
        )
        statement = self.env["account.bank.statement"].create(
            {
                "name": self.file_name or self.env._("Payments import"),
                "journal_id": journal.id,
                "line_ids": [Command.set(st_lines.ids)],
            }
        )
        return statement, st_lines

    def action_import(self):
        self.ensure_one()
        journal = self._journal()
        Line = self.env["cic.payment.import.line"]
        lines_vals, problems = [], []
        for line_no, row in enumerate(self._read_rows(), start=2):
            try:
                vals = self._parse_row(line_no, row)
            except ValueError as error:
                problems.append(
                    self.env._("line %(line)s: %(reason)s", line=line_no, reason=error)
                )
                continue
            if self._is_duplicate(vals, journal):
                problems.append(
                    self.env._(
                        "line %(line)s: transaction %(tx)s already imported",
                        line=line_no,
                        tx=vals["transaction_id"],
                    )
                )
                continue
            lines_vals.append(vals)
        matched = Line
        statement = self.env["account.bank.statement"]
        if lines_vals:
            statement, st_lines = self._create_statement(journal, lines_vals)
            lines = Line.create(
                [
                    dict(vals, journal_id=journal.id, statement_line_id=st_line.id)
                    for vals, st_line in zip(lines_vals, st_lines, strict=True)
                ]
            )
            for line in lines:
                invoice, method = Line._cic_find_fee(line.name, journal.company_id)
                reason = line._cic_check_matchable(invoice) if invoice else None
                if invoice and not reason:
                    line._cic_match(invoice, method)
                    matched |= line
                    continue
                # sudo: the import's own finding on the line it just created.
                line.sudo().note = reason or self.env._(
                    "no open fee for this reference"
                )
                problems.append(
                    self.env._(
                        "line %(line)s: no open fee for reference %(ref)s",
                        line=line.line_number,
                        ref=line.name,
                    )
                )
        self.write(
            {
                "statement_id": statement.id,
                "unmatched_count": len(lines_vals) - len(matched),
                "result": "\n".join(
                    [self.env._("%s payments matched.", len(matched))] + problems
                ),
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }

    def action_open_unmatched(self):
        """The lines of this statement left to match by hand."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "cic_portal_fee.action_cic_payment_import_line_unmatched"
        )
        action["domain"] = [
            ("statement_line_id.statement_id", "=", self.statement_id.id),
            ("state", "=", "unmatched"),
        ]
        return action
