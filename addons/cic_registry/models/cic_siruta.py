# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""SIRUTA: the INS register of Romanian administrative units and localities (R-ID-4).

The table is imported from the INS file (semicolon-separated, columns SIRUTA, DENLOC,
CODP, JUD, SIRSUP, TIP, NIV, MED). Addresses are validated by looking their locality up
in it, never by a check digit (the legal spec marks the SIRUTA check digit
UNVERIFIED). The INS postal code (CODP) is kept for reference only: Poșta Română's
codes differ, so the partner's postal code stays a separate field.
"""

import csv
import io
import re
import unicodedata
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import file_open

REQUIRED_COLUMNS = ("SIRUTA", "DENLOC", "JUD", "SIRSUP", "TIP", "NIV")
UNIT_PREFIXES = ("JUDETUL ", "MUNICIPIUL ", "ORAS ", "SECTORUL ")


def siruta_key(name):
    """Comparison key of a place name, insensitive to case, diacritics, cedilla or
    comma forms and to the old (î) versus new (â) spelling inside words, so that
    "Cîmpeni", "Câmpeni" and "CAMPENI" match."""
    text = (name or "").upper().replace("-", " ")
    # î inside a word is written â since 1993; a word-initial Î stays I.
    text = re.sub(r"(?<=\w)Î", "Â", text)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.split())


class CicSiruta(models.Model):
    _name = "cic.siruta"
    _description = "SIRUTA locality"
    _order = "state_id, name, code"
    _rec_names_search = ["name", "code"]

    code = fields.Integer(string="SIRUTA code", required=True, index=True)
    name = fields.Char(string="Name", required=True, index="trigram")
    search_key = fields.Char(index=True, readonly=True)
    state_id = fields.Many2one(
        "res.country.state",
        string="County",
        index=True,
        ondelete="restrict",
        domain="[('country_id.code', '=', 'RO')]",
    )
    parent_id = fields.Many2one(
        "cic.siruta",
        string="Administrative unit",
        index=True,
        ondelete="cascade",
        help="The commune, town or municipality (SIRSUP) the locality belongs to.",
    )
    level = fields.Selection(
        [("1", "County"), ("2", "Administrative unit"), ("3", "Locality")],
        required=True,
        help="NIV in the INS file.",
    )
    unit_type = fields.Integer(string="INS type (TIP)")
    urban = fields.Boolean(help="MED = 1 in the INS file.")
    ins_postal_code = fields.Char(
        string="INS postal code",
        help="CODP in the INS file. Poșta Română's postal codes may differ: the "
        "address keeps its own postal code.",
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_unique", "unique(code)", "A SIRUTA code appears only once."),
    ]

    @api.depends("name", "parent_id.name", "level")
    def _compute_display_name(self):
        for row in self:
            parent = row.parent_id
            row.display_name = (
                f"{row.name} ({parent.name})"
                if row.level == "3" and parent and parent.name != row.name
                else row.name
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if "name" in vals:
                vals["search_key"] = siruta_key(vals["name"])
        return super().create(vals_list)

    def write(self, vals):
        if "name" in vals:
            vals = dict(vals, search_key=siruta_key(vals["name"]))
        return super().write(vals)

    # ------------------------------------------------------------------ lookup
    @api.model
    def _cic_localities(self, state, name):
        """Localities of the county whose name matches ``name``."""
        return self.search(
            [
                ("level", "=", "3"),
                ("state_id", "=", state.id),
                ("search_key", "=", siruta_key(name)),
            ]
        )

    @api.model
    def _cic_has_county(self, state):
        """True once the SIRUTA table of that county has been imported."""
        return bool(
            state
            and self.search_count(
                [("level", "=", "3"), ("state_id", "=", state.id)], limit=1
            )
        )

    # ------------------------------------------------------------------ import
    @api.model
    def _cic_parse(self, content):
        """Rows of an INS SIRUTA CSV file (bytes) as dicts; raises a clear error
        for a file that is not one."""
        text = None
        for encoding in ("utf-8-sig", "cp1250"):
            try:
                text = content.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        if text is None or not text.strip():
            raise UserError(self.env._("The SIRUTA file is empty or not a text file."))
        dialect = ";" if text.split("\n", 1)[0].count(";") else ","
        reader = csv.DictReader(io.StringIO(text), delimiter=dialect)
        header = [(h or "").strip().upper() for h in reader.fieldnames or []]
        missing = [c for c in REQUIRED_COLUMNS if c not in header]
        if missing:
            raise UserError(
                self.env._(
                    "This is not an INS SIRUTA file: the columns %(columns)s are "
                    "missing.",
                    columns=", ".join(missing),
                )
            )
        reader.fieldnames = header
        rows = []
        for line, row in enumerate(reader, start=2):
            try:
                rows.append(
                    {
                        "code": int(row["SIRUTA"]),
                        "name": row["DENLOC"].strip(),
                        "jud": int(row["JUD"]),
                        "parent": int(row["SIRSUP"] or 0),
                        "type": int(row["TIP"] or 0),
                        "level": str(int(row["NIV"])),
                        "urban": (row.get("MED") or "").strip() == "1",
                        "postal": (row.get("CODP") or "").strip().lstrip("0"),
                    }
                )
            except (TypeError, ValueError) as error:
                raise UserError(
                    self.env._(
                        "Line %(line)s of the SIRUTA file is malformed: %(error)s",
                        line=line,
                        error=error,
                    )
                ) from error
        return rows

    @api.model
    def _cic_county_states(self, rows):
        """INS county code (JUD) -> res.country.state, matched by the names of the
        level-1 rows ("JUDEȚUL ALBA", "MUNICIPIUL BUCUREȘTI")."""
        states = self.env["res.country.state"].search([("country_id.code", "=", "RO")])
        by_key = {siruta_key(state.name): state for state in states}
        result = {}
        for row in rows:
            if row["level"] != "1":
                continue
            key = siruta_key(row["name"])
            for prefix in UNIT_PREFIXES:
                key = key.removeprefix(prefix)
            if key in by_key:
                result[row["jud"]] = by_key[key]
        return result

    @api.model
    def _cic_import_rows(self, rows):
        """Create or update the rows by SIRUTA code (idempotent); returns the number
        of rows created and updated."""
        counties = self._cic_county_states(rows)
        existing = {
            rec.code: rec
            for rec in self.with_context(active_test=False).search(
                [("code", "in", [row["code"] for row in rows])]
            )
        }
        to_create, updated = [], 0
        for row in rows:
            vals = {
                "name": row["name"].title() if row["name"].isupper() else row["name"],
                "level": row["level"],
                "unit_type": row["type"],
                "urban": row["urban"],
                "ins_postal_code": row["postal"] or False,
                "state_id": counties.get(row["jud"], self.env["res.country.state"]).id,
            }
            record = existing.get(row["code"])
            if record:
                record.write(vals)
                updated += 1
            else:
                to_create.append(dict(vals, code=row["code"]))
        created = self.create(to_create)
        codes = {row["code"] for row in rows} | {row["parent"] for row in rows}
        by_code = {
            rec.code: rec
            for rec in self.with_context(active_test=False).search(
                [("code", "in", list(codes))]
            )
        }
        # One write per administrative unit, not per locality.
        children = defaultdict(lambda: self.browse())
        for row in rows:
            parent = by_code.get(row["parent"])
            record = by_code.get(row["code"])
            if (
                record
                and parent
                and parent != record
                and row["level"] != "1"
                and record.parent_id != parent
            ):
                children[parent] |= record
        for parent, records in children.items():
            records.parent_id = parent
        return len(created), updated

    @api.model
    def _cic_import_file(self, path):
        """Import an INS SIRUTA file shipped with an addon (demo extract)."""
        with file_open(path, "rb") as handle:
            return self._cic_import_rows(self._cic_parse(handle.read()))
