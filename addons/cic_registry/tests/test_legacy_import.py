# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Import of legacy registers (.xls and .xlsx): mapping, validation with an error
report, idempotence, legacy numbers next to new numbers."""

import base64
import datetime
import io

import openpyxl
import xlwt
from markupsafe import Markup
from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import file_open, mute_logger

from ..tools.legacy_import_reader import suggest_mapping
from ..wizard.cic_legacy_import import CREATE_CONTEXT
from .report_common import CicReportCase

D = datetime.date
HEADERS = (
    "Nr. înregistrare",
    "Data",
    "Emitent",
    "CNP",
    "Adresa",
    "Conținut",
    "Compartiment",
    "Nr. file",
    "Destinatar",
)
# A valid CNP (checksum verified with python-stdnum).
CNP = "1800101420010"


def xlsx_bytes(rows, headers=HEADERS):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


def xls_bytes(rows, headers=HEADERS):
    book = xlwt.Workbook()
    sheet = book.add_sheet("Registru")
    date_style = xlwt.easyxf(num_format_str="DD.MM.YYYY")
    for col, header in enumerate(headers):
        sheet.write(0, col, header)
    for r, row in enumerate(rows, start=1):
        for col, value in enumerate(row):
            if isinstance(value, datetime.date):
                sheet.write(r, col, value, date_style)
            elif value is not None:
                sheet.write(r, col, value)
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


def valid_rows():
    return [
        [
            1,
            datetime.datetime(2025, 1, 3),
            "Ion Ionescu",
            CNP,
            "Str. Lungă 5",
            "Cerere certificat",
            "Urbanism",
            2,
            None,
        ],
        [
            2,
            "06.01.2025",
            "Ion Ionescu",
            None,
            "Str. Lungă 5",
            "Sesizare drum",
            "Taxe locale",
            None,
            "Poliția Locală",
        ],
        [
            3,
            "2025-01-09",
            "SC Alfa SRL",
            None,
            "Str. Scurtă 1",
            "Ofertă",
            "Arhivă veche",
            1,
            None,
        ],
    ]


@tagged("post_install", "-at_install")
class TestLegacyImport(CicReportCase):
    def _wizard(self, data, name="registru.xlsx", **vals):
        wizard = self.env["cic.legacy.import"].create(
            dict(
                {
                    "file": base64.b64encode(data),
                    "file_name": name,
                    "company_id": self.company.id,
                },
                **vals,
            )
        )
        wizard.action_read()
        return wizard

    def _legacy(self):
        return self.env["helpdesk.ticket"].search(
            [("company_id", "=", self.company.id), ("cic_is_legacy", "=", True)],
            order="cic_legacy_number",
        )

    def test_mapping_suggested_from_romanian_headers(self):
        self.assertEqual(
            suggest_mapping(
                [
                    "Nr. înregistrare",
                    "Data",
                    "Nr. emitent",
                    "Data emitent",
                    "Emitent",
                    "Conținutul pe scurt",
                    "Compartiment",
                    "Indicativ dosar",
                    "Observații",
                ]
            ),
            {
                0: "legacy_number",
                1: "legacy_date",
                2: "sender_ref",
                3: "sender_date",
                4: "partner_name",
                5: "summary",
                6: "department",
                7: "file_indicator",
            },
        )
        wizard = self._wizard(xlsx_bytes(valid_rows()))
        self.assertEqual(wizard.state, "mapping")
        self.assertEqual(
            wizard.column_ids.mapped("sample")[:3], ["1", "03.01.2025", "Ion Ionescu"]
        )
        self.assertEqual(
            wizard.column_ids.mapped("target"),
            [
                "legacy_number",
                "legacy_date",
                "partner_name",
                "partner_cnp",
                "partner_address",
                "summary",
                "department",
                "page_count",
                "recipient",
            ],
        )

    def _import(self, data, name="registru.xlsx", **vals):
        wizard = self._wizard(data, name, **vals)
        wizard.action_validate()
        wizard.action_import()
        return wizard

    def test_import_xlsx_creates_entries_and_petitioners_once(self):
        wizard = self._import(
            xlsx_bytes(valid_rows()), procedure_id=self.procedure["petition"].id
        )
        self.assertEqual(wizard.created_count, 3)
        entries = self._legacy()
        self.assertEqual(entries.mapped("cic_legacy_number"), ["1", "2", "3"])
        self.assertEqual(
            entries.mapped("cic_legacy_date"),
            [D(2025, 1, 3), D(2025, 1, 6), D(2025, 1, 9)],
        )
        self.assertEqual(
            entries.mapped("cic_book_date"), entries.mapped("cic_legacy_date")
        )
        first, second, third = entries
        # Same name and address: one petitioner; the CNP is kept.
        self.assertEqual(first.partner_id, second.partner_id)
        self.assertEqual(first.partner_id.sudo().cic_cnp, CNP)
        self.assertEqual(first.team_id, self.team_a)
        self.assertEqual(second.team_id, self.team_b)
        self.assertFalse(third.team_id)
        self.assertEqual(third.cic_legacy_department, "Arhivă veche")
        self.assertEqual(first.cic_page_count, 2)
        self.assertEqual(second.cic_recipient_id.name, "Poliția Locală")
        self.assertEqual(wizard.partner_created_count, 3)
        # No number of the general register, no deadline.
        self.assertFalse(any(entries.mapped("cic_registration_number")))
        self.assertFalse(any(entries.mapped("cic_legal_due_date")))
        self.assertEqual(first.cic_book_number, "1/03.01.2025")

    def test_existing_partner_reused(self):
        existing = self.env["res.partner"].create(
            {"name": "SC Alfa SRL", "street": "Str. Scurtă 1"}
        )
        self._import(xlsx_bytes(valid_rows()))
        self.assertEqual(self._legacy()[2].partner_id, existing)

    def test_reimport_creates_nothing_twice(self):
        data = xlsx_bytes(valid_rows())
        self._import(data)
        partners = self.env["res.partner"].search_count([])
        wizard = self._wizard(data)
        wizard.action_validate()
        self.assertEqual(wizard.valid_count, 0)
        self.assertEqual(wizard.existing_count, 3)
        wizard.action_import()
        self.assertEqual(wizard.created_count, 0)
        self.assertEqual(len(self._legacy()), 3)
        self.assertEqual(self.env["res.partner"].search_count([]), partners)
        # A corrected file with one more row imports only the new row.
        self._import(
            xlsx_bytes(
                valid_rows()
                + [[4, "10.01.2025", "X", None, None, "Y", None, None, None]]
            )
        )
        self.assertEqual(
            self._legacy().mapped("cic_legacy_number"), ["1", "2", "3", "4"]
        )

    def test_import_xls(self):
        rows = [
            [
                10,
                D(2024, 12, 30),
                "Maria Pop",
                None,
                "Str. A 1",
                "Cerere",
                "Urbanism",
                5,
                None,
            ]
        ]
        wizard = self._import(xls_bytes(rows), name="registru.xls")
        self.assertEqual(wizard.created_count, 1)
        entry = self._legacy()
        self.assertEqual(entry.cic_legacy_number, "10")
        self.assertEqual(entry.cic_legacy_date, D(2024, 12, 30))
        self.assertEqual(entry.cic_page_count, 5)

    def test_error_report_and_nothing_imported(self):
        rows = valid_rows() + [
            ["abc", "01.02.2025", "A", None, None, "x", None, None, None],  # line 5
            [5, "31.02.2025", "B", None, None, "x", None, None, None],  # line 6
            [6, 12345, "C", None, None, "x", None, "multe", None],  # line 7
            [2, "07.01.2025", "D", None, None, "x", None, None, None],  # line 8
            [
                7,
                datetime.datetime(2025, 2, 1),
                "E",
                "1234567890123",
                None,
                "x",
                None,
                None,
                None,
            ],  # line 9
        ]
        wizard = self._wizard(xlsx_bytes(rows))
        wizard.action_validate()
        self.assertEqual(wizard.row_count, 8)
        self.assertEqual(wizard.error_count, 5)
        self.assertEqual(wizard.valid_count, 3)
        report = base64.b64decode(wizard.error_report).decode("utf-8-sig")
        lines = report.splitlines()
        self.assertEqual(lines[0], "Row;Column;Value;Problem")
        by_row = {}
        for line in lines[1:]:
            row, column, _value, message = line.split(";", 3)
            by_row.setdefault(int(row), []).append((column, message))
        self.assertEqual(
            by_row[5],
            [
                (
                    "Nr. înregistrare",
                    "not a registration number (a positive whole number)",
                )
            ],
        )
        self.assertEqual(by_row[6], [("Data", "impossible date")])
        self.assertEqual(
            by_row[7],
            [
                ("Data", "a number was found where a date is expected"),
                ("Nr. file", "not a whole number"),
            ],
        )
        self.assertEqual(by_row[8][0][0], "Nr. înregistrare")
        self.assertIn("repeated (first on row 3)", by_row[8][0][1])
        self.assertEqual(by_row[9][0][0], "CNP")
        self.assertIn("Row", wizard.error_preview)
        with self.assertRaises(UserError):
            wizard.action_import()
        self.assertFalse(self._legacy())
        # The user chooses to skip the rows with problems.
        wizard.skip_invalid = True
        wizard.action_import()
        self.assertEqual(wizard.created_count, 3)
        self.assertEqual(len(self._legacy()), 3)

    def test_legacy_and_new_numbers_coexist(self):
        year = self.env["cic.calendar"].today().year
        new = self.entry("petition", self.env["cic.calendar"].today())
        seq = new.cic_registration_seq
        rows = [[seq, D(year, 1, 1), "Z", None, None, "Vechi", None, None, None]]
        self._import(xlsx_bytes(rows))
        legacy = self._legacy()
        self.assertEqual(legacy.cic_legacy_number, str(seq))
        self.assertEqual(legacy.cic_legacy_year, new.cic_registration_year)
        self.assertFalse(legacy.cic_registration_seq)
        # New numbering goes on untouched.
        newer = self.entry("petition", self.env["cic.calendar"].today())
        self.assertEqual(newer.cic_registration_seq, seq + 1)
        # A legacy entry never takes a number of the general register...
        legacy._cic_assign_registration_number()
        self.assertFalse(legacy.cic_registration_number)
        # ...and two legacy entries cannot share a number in a year.
        with (
            self.assertRaises(IntegrityError),
            mute_logger("odoo.sql_db"),
            self.cr.savepoint(),
        ):
            legacy.copy(
                {
                    "cic_is_legacy": True,
                    "cic_legacy_number": legacy.cic_legacy_number,
                    "cic_legacy_year": legacy.cic_legacy_year,
                    "cic_legacy_date": legacy.cic_legacy_date,
                    "number": "dup",
                }
            )
            self.env.flush_all()

    def test_bad_files(self):
        wizard = self.env["cic.legacy.import"].create(
            {"file": base64.b64encode(b"not a spreadsheet"), "file_name": "x.xlsx"}
        )
        with self.assertRaisesRegex(UserError, "cannot be read"):
            wizard.action_read()
        # An encrypted Office file is an OLE2 container with an EncryptionInfo stream.
        encrypted = (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
            + b"\0" * 504
            + "EncryptionInfo".encode("utf-16-le")
        )
        wizard.write({"file": base64.b64encode(encrypted), "file_name": "x.xlsx"})
        with self.assertRaisesRegex(UserError, "password"):
            wizard.action_read()
        wizard.write({"file": base64.b64encode(encrypted), "file_name": "x.xls"})
        with self.assertRaisesRegex(UserError, "password"):
            wizard.action_read()
        wizard.write(
            {
                "file": base64.b64encode(xlsx_bytes([], headers=["Data", "Emitent"])),
                "file_name": "x.xlsx",
            }
        )
        wizard.action_read()
        with self.assertRaisesRegex(UserError, "Registration number"):
            wizard.action_validate()

    def test_cnp_validation_uses_partner_rules(self):
        with self.assertRaises(ValidationError):
            self.env["res.partner"]._cic_normalize_cnp("1234567890123")

    def test_performance_shape_batches(self):
        """200 rows are created with a bounded number of queries (no per-row
        query for partners or numbers)."""
        rows = [
            [
                n,
                "15.01.2025",
                f"Petent {n % 7}",
                None,
                f"Str. {n % 7}",
                "x",
                "Urbanism",
                1,
                None,
            ]
            for n in range(1, 201)
        ]
        wizard = self._wizard(xlsx_bytes(rows))
        wizard.action_validate()
        self.assertEqual(wizard.valid_count, 200)
        wizard.action_import()
        self.assertEqual(wizard.created_count, 200)
        self.assertEqual(wizard.partner_created_count, 7)

    def _stored_differences(self, bulk, orm, skip):
        """Stored fields whose values differ between two records."""
        differences = {}
        for name, field in bulk._fields.items():
            if not (field.store and field.column_type) or name in skip:
                continue
            if bulk[name] != orm[name]:
                differences[name] = (bulk[name], orm[name])
        return differences

    def _image_attachments(self, partner):
        return (
            self.env["ir.attachment"]
            .sudo()
            .search_count(
                [
                    ("res_model", "=", "res.partner"),
                    ("res_id", "=", partner.id),
                    ("res_field", "like", "image_%"),
                ]
            )
        )

    def test_bulk_insert_keeps_special_characters(self):
        """The bulk path writes text through COPY: tabs, line breaks, backslashes,
        quotes and COPY's null marker (\\N) in the cells are stored as they are."""
        summary = 'Cerere\tcu tab\nrând nou \\N C:\\dosar\\ "ghilimele" ț'
        name = "Ion\\N Tab\tescu"
        address = "Str.\\Lungă\r\n5"
        rows = [[1, D(2025, 1, 3), name, None, address, summary, "A", 2, None]]
        self._import(xlsx_bytes(rows))
        self.env.invalidate_all()  # read from the database
        entry = self._legacy()
        self.assertEqual(entry.name, summary)
        self.assertEqual(str(entry.description), str(Markup("<p>%s</p>") % summary))
        self.assertEqual(entry.cic_legacy_department, "A")
        self.assertEqual(entry.partner_id.name, name)
        self.assertEqual(entry.partner_id.street, address)
        self.assertEqual(entry.cic_page_count, 2)
        self.assertFalse(entry.cic_recipient_id)

    def test_bulk_insert_gives_what_create_gives(self):
        """The bulk path (SQL INSERT, computed fields on new records grouped by their
        dependencies) stores what create() stores for the same values: entries and
        petitioners."""
        wizard = self._import(
            xlsx_bytes(valid_rows()), procedure_id=self.procedure["petition"].id
        )
        entries = self._legacy()
        common = {
            "company_id": self.company.id,
            "cic_procedure_id": self.procedure["petition"].id,
            "stage_id": wizard._cic_closed_stage().id,
        }
        given = wizard._cic_entry_vals(
            {"legacy_number": "1", "legacy_date": D(2025, 1, 3)},
            {},
            {},
            {},
            "hash",
            common,
        )
        tickets = self.env["helpdesk.ticket"].with_context(**CREATE_CONTEXT)
        skip = {
            "id",
            "number",
            "cic_legacy_number",
            "cic_access_code",
            "create_date",
            "write_date",
            "last_stage_update",
        }
        for entry in entries:
            vals = {
                name: entry._fields[name].convert_to_write(entry[name], entry)
                for name in given
            }
            vals.update(cic_legacy_number=f"9{entry.cic_legacy_number}", number="orm")
            orm = tickets.create(vals)
            self.env.flush_all()
            self.env.invalidate_all()
            self.assertEqual(self._stored_differences(entry, orm, skip), {})
        if "cic_access_code" in entries._fields:  # cic_portal installed
            # Every entry has its own access code (a default evaluated per row).
            self.assertTrue(all(entries.mapped("cic_access_code")))
            self.assertEqual(len(set(entries.mapped("cic_access_code"))), len(entries))
        partners = entries.partner_id | entries.cic_recipient_id
        self.assertEqual(len(partners), 3)
        for partner in partners.sudo():
            vals = {
                "name": partner.name,
                "street": partner.street,
                "is_company": partner.is_company,
                "cic_cnp": partner.cic_cnp,
                "cic_cui": partner.cic_cui,
            }
            orm = self.env["res.partner"].sudo().create(vals)
            self.env.flush_all()
            self.env.invalidate_all()
            self.assertEqual(partner.commercial_partner_id, partner)
            # No image, and no attachment searched or created for the resized ones.
            self.assertFalse(partner.image_128)
            self.assertEqual(
                self._image_attachments(partner), self._image_attachments(orm)
            )
            self.assertEqual(
                self._stored_differences(
                    partner,
                    orm,
                    {
                        "id",
                        "create_date",
                        "write_date",
                        "commercial_partner_id",
                        "cic_cnp",
                        "calendar_last_notif_ack",  # default: now
                    },
                ),
                {},
            )

    def _attachments(self, wizard):
        return (
            self.env["ir.attachment"]
            .sudo()
            .search(
                [
                    ("res_model", "=", "cic.legacy.import"),
                    ("res_id", "=", wizard.id),
                    ("res_field", "in", ["file", "validated_data"]),
                ]
            )
        )

    def test_uploaded_file_removed_after_import(self):
        wizard = self._wizard(xlsx_bytes(valid_rows()))
        wizard.action_validate()
        self.assertEqual(len(self._attachments(wizard)), 2)
        wizard.action_import()
        self.assertEqual(wizard.created_count, 3)
        self.assertFalse(self._attachments(wizard))
        # An abandoned wizard (validated, never imported) is removed with its
        # attachments by the autovacuum once older than transient_age_limit.
        other = self._wizard(xlsx_bytes(valid_rows()))
        other.action_validate()
        attachments = self._attachments(other)
        self.assertEqual(len(attachments), 2)
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE cic_legacy_import SET create_date = create_date - interval "
            "'2 hours', write_date = write_date - interval '2 hours' WHERE id = %s",
            [other.id],
        )
        self.env["cic.legacy.import"]._transient_vacuum()
        self.assertFalse(other.exists())
        self.assertFalse(attachments.exists())

    def test_password_protected_xlsx(self):
        """A real encrypted .xlsx (ECMA-376 agile encryption, password 'parola',
        made with msoffcrypto-tool) is refused with the password message, in
        Romanian for a Romanian user."""
        with file_open("cic_registry/tests/data/registru_parola.xlsx", "rb") as fixture:
            data = fixture.read()
        self.assertEqual(data[:8], b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
        wizard = self.env["cic.legacy.import"].create(
            {"file": base64.b64encode(data), "file_name": "registru.xlsx"}
        )
        with self.assertRaisesRegex(UserError, "protected by a password"):
            wizard.action_read()
        self.env["res.lang"]._activate_lang("ro_RO")
        wizard_ro = wizard.with_context(lang="ro_RO")
        with self.assertRaises(UserError) as caught:
            wizard_ro.action_read()
        self.assertIn("parol", str(caught.exception))
        self.assertNotIn("password", str(caught.exception))
