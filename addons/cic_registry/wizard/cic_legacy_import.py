# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Import of a register kept in a spreadsheet before the suite (.xls or .xlsx).

1. *Read*: the first sheet is read, a column mapping is suggested from the Romanian
   header names; the user confirms or corrects it.
2. *Validate*: every row is checked (types, impossible dates, numbers repeated in the
   file or already taken by another file); the problems are listed with their row
   number and can be downloaded. Nothing is imported while a row has a problem, unless
   the user chooses to skip those rows.
3. *Import*: petitioners are created once (matched on CNP, CUI, or name + address,
   all prefetched into dictionaries), entries are created in batches with their
   original numbers and dates as legacy numbers (they never take a number of the
   general register). Rows whose original number is already imported are skipped, so
   re-importing the same file creates nothing twice.
"""

import base64
import csv
import datetime
import functools
import hashlib
import io
import json
from collections import Counter

from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools.legacy_import_bulk import bulk_insert
from ..tools.legacy_import_reader import (
    OLE2_MAGIC,
    CellError,
    LegacyFileError,
    normalize_header,
    read_sheet,
    suggest_mapping,
    to_count,
    to_date,
    to_number,
    to_text,
)

BATCH_SIZE = 5000
PREVIEW_ERRORS = 200
DATE_TARGETS = ("legacy_date", "sender_date", "dispatch_date")
COUNT_TARGETS = ("page_count", "annex_count")
# The columns that the petitioners of a row are found or created from.
PARTNER_TARGETS = (
    "partner_name",
    "partner_address",
    "partner_cnp",
    "partner_cui",
    "recipient",
)
CREATE_CONTEXT = {
    "tracking_disable": True,
    "mail_create_nolog": True,
    "mail_create_nosubscribe": True,
    "mail_notrack": True,
    "mail_auto_subscribe_no_notify": True,
    "cic_legacy_import": True,
}
# The last sheet read by this worker process, by SHA-256 of the file: the Read step
# parses the whole sheet (xlrd cannot stop after the header) and the Validate step
# that follows on the same worker reuses it instead of parsing it again. Rows are
# never modified in place.
_LAST_SHEET = {}
# Names and addresses repeat from row to row: normalise each distinct text once.
_norm = functools.lru_cache(maxsize=262_144)(normalize_header)


class CicLegacyImport(models.TransientModel):
    _name = "cic.legacy.import"
    _description = "Import of a legacy register"

    state = fields.Selection(
        [
            ("upload", "Upload"),
            ("mapping", "Column mapping"),
            ("validated", "Validated"),
            ("done", "Imported"),
        ],
        default="upload",
        required=True,
    )
    file = fields.Binary(string="Spreadsheet", required=True)
    file_name = fields.Char()
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    procedure_id = fields.Many2one(
        "cic.procedure",
        string="Procedure",
        help="Procedure given to the imported entries (optional). Legacy entries keep "
        "their original numbers and get no legal deadline.",
    )
    column_ids = fields.One2many(
        "cic.legacy.import.column", "wizard_id", string="Columns"
    )
    skip_invalid = fields.Boolean(
        string="Skip the rows with problems",
        help="Import the valid rows only; the rows with problems are left out.",
    )
    row_count = fields.Integer(string="Rows", readonly=True)
    valid_count = fields.Integer(string="Valid rows", readonly=True)
    error_count = fields.Integer(string="Rows with problems", readonly=True)
    existing_count = fields.Integer(string="Rows already imported", readonly=True)
    created_count = fields.Integer(string="Entries created", readonly=True)
    partner_created_count = fields.Integer(string="Petitioners created", readonly=True)
    error_preview = fields.Html(string="Problems", readonly=True, sanitize=True)
    error_report = fields.Binary(string="Error report", readonly=True, attachment=False)
    error_report_name = fields.Char()
    validated_data = fields.Binary(
        attachment=True,
        help="Rows checked by the last validation, so that the import does not read "
        "the file again.",
    )
    validated_signature = fields.Char()

    # ------------------------------------------------------------------
    # Reading
    # ------------------------------------------------------------------
    def _cic_file_bytes(self):
        self.ensure_one()
        if not self.file:
            raise UserError(self.env._("Choose the spreadsheet to import."))
        return base64.b64decode(self.file)

    def _cic_read(self, limit=None):
        """(headers, rows) of the file, or a UserError naming what is wrong."""
        messages = {
            "empty": self.env._("The file is empty."),
            "encrypted": self.env._(
                "The file is protected by a password. Open it in your spreadsheet "
                "program, remove the password, save it and import it again."
            ),
            "format": self.env._(
                "The file cannot be read: it is not a valid .xls or .xlsx spreadsheet "
                "(it may be damaged)."
            ),
        }
        data = self._cic_file_bytes()
        digest = hashlib.sha256(data).hexdigest()
        if _LAST_SHEET.get("digest") == digest:
            headers, rows = _LAST_SHEET["sheet"]
            if not limit:
                _LAST_SHEET.clear()  # the Validate step is the last reader
            return headers, rows[: limit - 1] if limit else rows
        # .xlsx is streamed (the header costs two lines); .xls is parsed whole.
        whole = data[:8] == OLE2_MAGIC
        try:
            headers, rows = read_sheet(
                data, self.file_name, limit=None if whole else limit
            )
        except LegacyFileError as exc:
            raise UserError(messages.get(exc.args[0], messages["format"])) from exc
        if whole and limit:
            _LAST_SHEET.update(digest=digest, sheet=(headers, rows))
            return headers, rows[: limit - 1]
        return headers, rows

    def action_read(self):
        """Read the header and suggest the column mapping."""
        self.ensure_one()
        headers, rows = self._cic_read(limit=2)
        suggestion = suggest_mapping(headers)
        first = rows[0] if rows else []
        self.column_ids.unlink()
        self.write(
            {
                "state": "mapping",
                "column_ids": [
                    fields.Command.create(
                        {
                            "col_index": index,
                            "header": header,
                            "sample": to_text(first[index])[:80]
                            if index < len(first)
                            else "",
                            "target": suggestion.get(index),
                        }
                    )
                    for index, header in enumerate(headers)
                ],
            }
        )
        return self._cic_reopen()

    def _cic_mapping(self):
        """{target: column index}; raise if a column is used twice or a required
        one is missing."""
        self.ensure_one()
        targets = Counter(self.column_ids.filtered("target").mapped("target"))
        doubled = [t for t, n in targets.items() if n > 1]
        labels = dict(
            self.env["cic.legacy.import.column"]
            ._fields["target"]
            ._description_selection(self.env)
        )
        if doubled:
            raise UserError(
                self.env._(
                    "Each register column can be mapped once: %(columns)s.",
                    columns=", ".join(labels[t] for t in doubled),
                )
            )
        missing = [t for t in ("legacy_number", "legacy_date") if t not in targets]
        if missing:
            raise UserError(
                self.env._(
                    "Map the required columns: %(columns)s.",
                    columns=", ".join(labels[t] for t in missing),
                )
            )
        return {c.target: c.col_index for c in self.column_ids if c.target}

    # ------------------------------------------------------------------
    # Validation
    # ------------------------------------------------------------------
    def _cic_cell_messages(self):
        _ = self.env._
        return {
            "date_for_number": _("a date was found where a number is expected"),
            "not_number": _("not a registration number (a positive whole number)"),
            "impossible_date": _("impossible date"),
            "not_date": _("not a date (expected dd.mm.yyyy)"),
            "number_for_date": _("a number was found where a date is expected"),
            "not_count": _("not a whole number"),
        }

    def _cic_parse_context(self):
        """What every row's checks need, computed once per validation."""
        return {
            "messages": self._cic_cell_messages(),
            "partner": self.env["res.partner"],
            "today": self.env["cic.calendar"].today(),
        }

    def _cic_parse_row(self, row, mapping, headers, context=None):
        """Return (values, errors) for one row: values keyed by target."""
        values, errors = {}, []
        context = context or self._cic_parse_context()
        messages = context["messages"]
        partner_model = context["partner"]
        today = context["today"]
        for target, index in mapping.items():
            cell = row[index] if index < len(row) else None
            header = headers[index] if index < len(headers) else str(index + 1)
            try:
                if target == "legacy_number":
                    if cell in (None, ""):
                        raise CellError("not_number")
                    value = to_number(cell)
                elif target in DATE_TARGETS:
                    if cell in (None, ""):
                        if target == "legacy_date":
                            raise CellError("not_date")
                        value = False
                    else:
                        value = to_date(cell)
                        if value > today or value.year < 1900:
                            raise CellError("impossible_date")
                elif target in COUNT_TARGETS:
                    value = to_count(cell)
                else:
                    value = to_text(cell)
                if target == "partner_cnp" and value:
                    value = partner_model._cic_normalize_cnp(value)
                elif target == "partner_cui" and value:
                    value = partner_model._cic_normalize_cui(value)[0]
            except CellError as exc:
                errors.append((header, to_text(cell), messages[exc.args[0]]))
                continue
            except ValidationError as exc:
                errors.append((header, to_text(cell), exc.args[0]))
                continue
            values[target] = value
        return values, errors

    def _cic_existing_keys(self):
        """(year, number) of the legacy entries already in the database."""
        self.env["helpdesk.ticket"].flush_model(
            ["cic_legacy_year", "cic_legacy_number", "cic_is_legacy", "company_id"]
        )
        # "cic_legacy_number IS NOT NULL" lets PostgreSQL use the partial index of
        # the legacy numbers instead of reading the whole register.
        self.env.cr.execute(
            "SELECT cic_legacy_year, cic_legacy_number FROM helpdesk_ticket "
            "WHERE cic_legacy_number IS NOT NULL AND cic_is_legacy "
            "AND company_id = %s",
            [self.company_id.id],
        )
        return set(self.env.cr.fetchall())

    def _cic_validate(self):
        """Parse and check every row. Return (valid rows, errors, existing count);
        a valid row is (line number, values); an error is (line number, column,
        value, message)."""
        headers, rows = self._cic_read()
        mapping = self._cic_mapping()
        existing = self._cic_existing_keys()
        parsed, errors, seen = [], [], {}
        existing_count = 0
        context = self._cic_parse_context()
        for offset, row in enumerate(rows):
            line = offset + 2  # the header is line 1
            if not any(v not in (None, "") for v in row):
                continue
            values, row_errors = self._cic_parse_row(row, mapping, headers, context)
            errors.extend((line, *error) for error in row_errors)
            if row_errors:
                continue
            key = (values["legacy_date"].year, values["legacy_number"])
            if key in seen:
                errors.append(
                    (
                        line,
                        headers[mapping["legacy_number"]],
                        values["legacy_number"],
                        self.env._(
                            "number %(number)s of %(year)s is repeated (first on row "
                            "%(row)s)",
                            number=key[1],
                            year=key[0],
                            row=seen[key],
                        ),
                    )
                )
                continue
            seen[key] = line
            if key in existing:
                existing_count += 1
                continue
            parsed.append((line, values))
        return parsed, errors, existing_count

    def _cic_error_report(self, errors):
        """CSV (UTF-8 with BOM, ';' separated, opens in Excel) of the problems."""
        output = io.StringIO()
        writer = csv.writer(output, delimiter=";")
        _ = self.env._
        writer.writerow([_("Row"), _("Column"), _("Value"), _("Problem")])
        writer.writerows(errors)
        return ("\ufeff" + output.getvalue()).encode("utf-8")

    def _cic_error_preview(self, errors):
        _ = self.env._
        if not errors:
            return False
        rows = Markup("").join(
            Markup("<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>")
            % (line, column, value, message)
            for line, column, value, message in errors[:PREVIEW_ERRORS]
        )
        more = (
            Markup("<p>%s</p>")
            % _(
                "%(count)s more problems are listed in the error report.",
                count=len(errors) - PREVIEW_ERRORS,
            )
            if len(errors) > PREVIEW_ERRORS
            else ""
        )
        return Markup(
            '<table class="table table-sm"><thead><tr><th>%s</th><th>%s</th>'
            "<th>%s</th><th>%s</th></tr></thead><tbody>%s</tbody></table>%s"
        ) % (_("Row"), _("Column"), _("Value"), _("Problem"), rows, more)

    def _cic_signature(self):
        """Fingerprint of what a validation depends on: file, mapping, company."""
        digest = hashlib.sha256(self._cic_file_bytes())
        digest.update(json.dumps(sorted(self._cic_mapping().items())).encode())
        digest.update(str(self.company_id.id).encode())
        return digest.hexdigest()

    @api.model
    def _cic_dump(self, parsed, errors):
        def encode(value):
            return value.isoformat() if isinstance(value, datetime.date) else value

        rows = [
            (line, {k: encode(v) for k, v in values.items()}) for line, values in parsed
        ]
        return base64.b64encode(json.dumps({"rows": rows, "errors": errors}).encode())

    def _cic_load(self):
        """(parsed, errors) of the last validation if the file, mapping and company
        are unchanged, else None."""
        if not self.validated_data or self.validated_signature != self._cic_signature():
            return None
        data = json.loads(base64.b64decode(self.validated_data))
        parsed = []
        for line, values in data["rows"]:
            for target in DATE_TARGETS:
                if values.get(target):
                    values[target] = datetime.date.fromisoformat(values[target])
            parsed.append((line, values))
        return parsed, [tuple(e) for e in data["errors"]]

    def _cic_validated_rows(self):
        """Rows to import: those of the last validation (minus the rows imported
        since, by another import), or a new validation."""
        loaded = self._cic_load()
        if loaded is None:
            return self._cic_validate()
        parsed, errors = loaded
        existing = self._cic_existing_keys()
        fresh = [
            (line, values)
            for line, values in parsed
            if (values["legacy_date"].year, values["legacy_number"]) not in existing
        ]
        return fresh, errors, self.existing_count + len(parsed) - len(fresh)

    def action_validate(self):
        self.ensure_one()
        parsed, errors, existing_count = self._cic_validate()
        error_rows = len({e[0] for e in errors})
        self.write(
            {
                "state": "validated",
                "validated_data": self._cic_dump(parsed, errors),
                "validated_signature": self._cic_signature(),
                "row_count": len(parsed) + error_rows + existing_count,
                "valid_count": len(parsed),
                "error_count": error_rows,
                "existing_count": existing_count,
                "error_preview": self._cic_error_preview(errors),
                "error_report": base64.b64encode(self._cic_error_report(errors))
                if errors
                else False,
                "error_report_name": "erori_import_registru.csv" if errors else False,
            }
        )
        return self._cic_reopen()

    def action_back(self):
        self.write({"state": "mapping"})
        return self._cic_reopen()

    # ------------------------------------------------------------------
    # Import
    # ------------------------------------------------------------------
    def action_import(self):
        self.ensure_one()
        parsed, errors, existing_count = self._cic_validated_rows()
        if errors and not self.skip_invalid:
            raise UserError(
                self.env._(
                    "%(count)s rows have problems: nothing was imported. Fix them in "
                    "the file, or choose to skip them.",
                    count=len({e[0] for e in errors}),
                )
            )
        partners, partner_created = self._cic_resolve_partners(parsed)
        file_hash = hashlib.sha256(self._cic_file_bytes()).hexdigest()
        created = self._cic_create_entries(parsed, partners, file_hash)
        self.write(
            {
                "state": "done",
                "created_count": created,
                "partner_created_count": partner_created,
                "existing_count": existing_count,
                "error_count": len({e[0] for e in errors}),
                # The uploaded file and the validated rows are attachments: removed
                # now that they are imported. Whatever an abandoned wizard keeps
                # (file, rows, error report) goes with it when the daily autovacuum
                # removes the wizards older than transient_age_limit (1 hour).
                "file": False,
                "validated_data": False,
                "validated_signature": False,
            }
        )
        return self._cic_reopen()

    @api.model
    def _cic_norm(self, text):
        return _norm(text or "")

    def _cic_partner_index(self, names=None):
        """Dictionaries of the existing partners: by CNP, by CUI, by (name,
        address) and by name, read in one query. With ``names`` (normalised), only
        the partners with one of these names are indexed by name and address (the
        other addresses are not normalised)."""
        self.env["res.partner"].flush_model()
        self.env.cr.execute(
            "SELECT id, cic_cnp, cic_cui, name, street FROM res_partner "
            "WHERE active AND (company_id IS NULL OR company_id = %s) ORDER BY id",
            [self.company_id.id],
        )
        by_cnp, by_cui, by_name_address = {}, {}, {}
        for pid, cnp, cui, name, street in self.env.cr.fetchall():
            if cnp:
                by_cnp.setdefault(cnp, pid)
            if cui:
                by_cui.setdefault(cui, pid)
            if name:
                name = self._cic_norm(name)
                if names is None or name in names:
                    by_name_address.setdefault((name, self._cic_norm(street)), pid)
        return by_cnp, by_cui, by_name_address

    @api.model
    def _cic_sender_keys(self, values):
        """(identity key, name+address key) of the sender of a row; either may be
        None."""
        name = values.get("partner_name")
        name_key = (
            (
                "name",
                (self._cic_norm(name), self._cic_norm(values.get("partner_address"))),
            )
            if name
            else None
        )
        if values.get("partner_cnp"):
            return ("cnp", values["partner_cnp"]), name_key
        if values.get("partner_cui"):
            return ("cui", values["partner_cui"]), name_key
        return name_key, name_key

    @api.model
    def _cic_recipient_key(self, values):
        name = values.get("recipient")
        return ("name", (self._cic_norm(name), "")) if name else None

    def _cic_resolve_partners(self, parsed):
        """{partner key: partner id} for the senders and recipients of ``parsed``,
        creating the missing partners once, in batches."""
        rows, seen = [], set()
        for _line, values in parsed:
            # Rows that name the same sender and recipient resolve alike: once.
            parties = tuple(values.get(target) for target in PARTNER_TARGETS)
            if parties in seen:
                continue
            seen.add(parties)
            key, name_key = self._cic_sender_keys(values)
            refs = [(key, name_key, self._cic_partner_vals)]
            recipient = self._cic_recipient_key(values)
            if recipient:
                refs.append((recipient, None, self._cic_recipient_vals))
            rows.append((values, refs))
        names = {
            key[1][0]
            for _values, refs in rows
            for ref, fallback, _make in refs
            for key in (ref, fallback)
            if key and key[0] == "name"
        }
        by_cnp, by_cui, by_name = self._cic_partner_index(names)
        index = {"cnp": by_cnp, "cui": by_cui, "name": by_name}
        result, to_create, alias = {}, {}, {}
        for values, refs in rows:
            for ref, fallback, make_vals in refs:
                if not ref:
                    continue
                # The same person may appear with and without CNP/CUI.
                canon = alias.get(ref) or (fallback and alias.get(fallback))
                if not canon:
                    canon = ref
                    found = index[ref[0]].get(ref[1])
                    if not found and fallback:
                        found = by_name.get(fallback[1])
                    if found:
                        result[ref] = found
                    else:
                        to_create[ref] = make_vals(values)
                elif canon in to_create and ref[0] != "name":
                    field = "cic_cnp" if ref[0] == "cnp" else "cic_cui"
                    to_create[canon].setdefault(field, ref[1])
                alias[ref] = canon
                if fallback:
                    alias.setdefault(fallback, canon)
        keys = list(to_create)
        for start in range(0, len(keys), BATCH_SIZE):
            chunk = keys[start : start + BATCH_SIZE]
            partners = self._cic_insert_partners([to_create[k] for k in chunk])
            result.update(zip(chunk, partners.ids, strict=True))
        for ref, canon in alias.items():
            result[ref] = result[canon]
        return result, len(keys)

    def _cic_insert_partners(self, vals_list):
        """Create the petitioners of one batch in bulk (see
        ``tools/legacy_import_bulk.py``): the values are prepared as ``create()`` would
        (normalised CNP/CUI, VAT payer), partners of the legacy import have no parent,
        user or website, so no other ``create()`` override has anything to do."""
        partner_model = self.env["res.partner"].with_context(**CREATE_CONTEXT)
        vals_list = [partner_model._cic_prepare_vals(dict(vals)) for vals in vals_list]
        keys = {key for vals in vals_list for key in vals}
        vals_list = [{key: vals.get(key, False) for key in keys} for vals in vals_list]
        partners = bulk_insert(partner_model, vals_list)
        self.env.flush_all()
        return partners

    @api.model
    def _cic_recipient_vals(self, values):
        return {"name": values["recipient"]}

    @api.model
    def _cic_partner_vals(self, values):
        vals = {
            "name": values.get("partner_name")
            or values.get("partner_cui")
            or self.env._("Petitioner (legacy register)"),
            "street": values.get("partner_address") or False,
        }
        if values.get("partner_cui"):
            vals.update(is_company=True, cic_cui=values["partner_cui"])
        if values.get("partner_cnp"):
            vals["cic_cnp"] = values["partner_cnp"]
        return vals

    def _cic_team_index(self):
        teams = self.env["helpdesk.ticket.team"].search(
            [("company_id", "in", [self.company_id.id, False])]
        )
        return {self._cic_norm(team.name): team.id for team in teams}

    def _cic_nomenclator_index(self, years):
        """{(year, indicator): nomenclator entry id} of the nomenclators in force in
        ``years``: legacy entries are filed by their indicator (one query per
        year, none per row)."""
        index = {}
        nomenclator = self.env["cic.nomenclator"]
        for year in years:
            for entry in nomenclator._cic_for_year(year, self.company_id).entry_ids:
                index[(year, self._cic_norm(entry.indicator))] = entry.id
        return index

    def _cic_closed_stage(self):
        return self.env["helpdesk.ticket.stage"].search(
            [("closed", "=", True)], order="sequence, id", limit=1
        )

    def _cic_entry_vals(self, values, partners, teams, files, file_hash, common):
        """Values of the entry of one row (all rows give the same keys)."""
        number, day = values["legacy_number"], values["legacy_date"]
        indicator = values.get("file_indicator") or False
        summary = values.get("summary") or self.env._(
            "Legacy entry %(number)s", number=number
        )
        department = values.get("department") or ""
        partner_key = self._cic_sender_keys(values)[0]
        recipient_key = self._cic_recipient_key(values)
        vals = {
            "company_id": common["company_id"],
            "number": f"{number}/{day.year}",
            "name": summary[:250],
            "description": Markup("<p>%s</p>") % escape(summary),
            "cic_is_legacy": True,
            "cic_legacy_number": number,
            "cic_legacy_date": day,
            "cic_legacy_year": day.year,
            "cic_legacy_department": department or False,
            "cic_legacy_joined_ref": values.get("joined_ref") or False,
            "cic_legacy_file_hash": file_hash,
            "cic_sender_ref": values.get("sender_ref") or False,
            "cic_sender_date": values.get("sender_date") or False,
            "cic_page_count": values.get("page_count") or 0,
            "cic_annex_count": values.get("annex_count") or 0,
            "cic_dispatch_date": values.get("dispatch_date") or False,
            "cic_resolution": values.get("resolution") or False,
            "cic_file_indicator": indicator,
            "cic_nomenclator_entry_id": files.get((day.year, self._cic_norm(indicator)))
            or False,
            "partner_id": partners.get(partner_key) if partner_key else False,
            "partner_name": values.get("partner_name") or False,
            "cic_recipient_id": partners.get(recipient_key) if recipient_key else False,
            "team_id": teams.get(self._cic_norm(department)) or False,
            "cic_procedure_id": common["cic_procedure_id"],
        }
        if common["stage_id"]:
            vals["stage_id"] = common["stage_id"]
        return vals

    def _cic_create_entries(self, parsed, partners, file_hash):
        """Create the entries of ``parsed`` in batches; return how many."""
        teams = self._cic_team_index()
        files = self._cic_nomenclator_index({v["legacy_date"].year for _l, v in parsed})
        # The same for every row, read once.
        common = {
            "company_id": self.company_id.id,
            "cic_procedure_id": self.procedure_id.id or False,
            "stage_id": self._cic_closed_stage().id,
        }
        tickets = self.env["helpdesk.ticket"].with_context(**CREATE_CONTEXT)
        created, cache = 0, {}
        for start in range(0, len(parsed), BATCH_SIZE):
            chunk = parsed[start : start + BATCH_SIZE]
            bulk_insert(
                tickets,
                [
                    self._cic_entry_vals(
                        values, partners, teams, files, file_hash, common
                    )
                    for _line, values in chunk
                ],
                cache=cache,
            )
            created += len(chunk)
            self.env.flush_all()
            self.env.invalidate_all()
        return created

    def _cic_reopen(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }
