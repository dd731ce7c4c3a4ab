# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Shared machinery of the statutory reports.

Every report service returns a *document*: a plain dict rendered by one QWeb layout
(PDF) and one XLSX writer (``_cic_write_xlsx``, called by the OCA ``report_xlsx``
reports ``report.cic_registry.report_cic_document_xlsx`` and its kin)::

    {"title": str, "subtitle": str,
     "tables": [{"title": str, "columns": [str], "rows": [[value]],
                 "totals": [value] or None}]}

Figures are computed in SQL on the access-filtered query of the current user
(``_search`` applies the record rules), so a department head only ever counts the
entries of the departments they may read.
"""

import datetime

import pytz

from odoo import api, fields, models
from odoo.tools import SQL

from .cic_calendar import INSTITUTION_TZ

# Marked the XLSX files earlier versions stored for one download (the exports are now
# streamed by report_xlsx); the daily autovacuum removes those left over.
XLSX_EXPORT_TAG = "cic_report_export"
XLSX_EXPORT_KEEP = datetime.timedelta(days=1)


class CicReportBase(models.AbstractModel):
    _name = "cic.report.base"
    _description = "Statutory report helpers"

    # ------------------------------------------------------------------
    # Queries
    # ------------------------------------------------------------------
    @api.model
    def _cic_ticket_query(self, domain):
        """Query of the registry entries matching ``domain`` that the current user
        may read (record rules applied)."""
        return self.env["helpdesk.ticket"]._search(domain)

    @api.model
    def _cic_utc_bounds(self, date_from, date_to):
        """Naive UTC datetimes [start, end) of the institution-local days
        ``date_from``..``date_to`` (registration dates are stored in UTC)."""
        tz = pytz.timezone(INSTITUTION_TZ)

        def utc(day):
            local = tz.localize(datetime.datetime.combine(day, datetime.time.min))
            return local.astimezone(pytz.utc).replace(tzinfo=None)

        return utc(date_from), utc(date_to + datetime.timedelta(days=1))

    @api.model
    def _cic_registered_between(self, date_from, date_to):
        """Domain: registered on a local day of ``date_from``..``date_to`` (served by
        the index on ``cic_registration_date``)."""
        start, end = self._cic_utc_bounds(date_from, date_to)
        return [
            ("cic_registration_date", ">=", start),
            ("cic_registration_date", "<", end),
        ]

    @api.model
    def _cic_fetch(self, query, columns, groupby=None, order=None):
        """Run ``SELECT columns FROM query [GROUP BY groupby]`` and return the rows."""
        query.groupby = groupby
        query.order = order
        self._cic_no_jit()
        return self.env.execute_query(query.select(*columns))

    @api.model
    def _cic_no_jit(self):
        """Turn PostgreSQL's JIT compilation off for the rest of the transaction.

        A report's cost estimate grows with the whole table, not with the commune:
        in a county database of 10 M entries the KPI dashboard's query of one
        commune went over ``jit_above_cost`` and spent 5.2 s of its 5.6 s compiling
        (1.9 s without JIT); a report query of 100,000 rows gains nothing from it."""
        self.env.cr.execute(SQL("SET LOCAL jit = off"))

    @api.model
    def _cic_count_filters(self, measures):
        """``COUNT(*) FILTER (WHERE cond)`` for each (name, cond) of ``measures``."""
        return [
            SQL("COUNT(*) FILTER (WHERE %s)", condition)
            for _name, condition in measures
        ]

    @api.model
    def _cic_names(self, model, ids):
        """Display names of ``ids`` (labels of report rows; not sensitive)."""
        records = self.env[model].sudo().browse([i for i in ids if i])
        return {rec.id: rec.display_name for rec in records}

    # ------------------------------------------------------------------
    # Rendering
    # ------------------------------------------------------------------
    @api.model
    def _cic_format_value(self, value):
        if value is None or value is False:
            return ""
        if hasattr(value, "strftime"):
            return value.strftime("%d.%m.%Y")
        if isinstance(value, float):
            return f"{value:.2f}"
        return str(value)

    @api.model
    def _cic_cell_class(self, value):
        """CSS class of a PDF cell: numbers are right-aligned."""
        numeric = isinstance(value, int | float) and not isinstance(value, bool)
        return "text-end" if numeric else ""

    @api.model
    def _cic_write_xlsx(self, book, document):
        """Write a report document into ``book`` (an xlsxwriter workbook that
        report_xlsx opens and closes), one sheet."""
        sheet = book.add_worksheet((document.get("sheet") or "Raport")[:31])
        bold = book.add_format({"bold": True})
        title = book.add_format({"bold": True, "font_size": 14})
        head = book.add_format({"bold": True, "bg_color": "#D9D9D9", "border": 1})
        head.set_text_wrap()
        cell = book.add_format({"border": 1})
        cell.set_text_wrap()
        date_cell = book.add_format({"border": 1, "num_format": "dd.mm.yyyy"})
        money = book.add_format({"border": 1, "num_format": "#,##0.00"})
        total = book.add_format({"bold": True, "border": 1, "bg_color": "#F2F2F2"})
        row = 0
        sheet.write(row, 0, document.get("title") or "", title)
        row += 1
        if document.get("subtitle"):
            sheet.write(row, 0, document["subtitle"])
            row += 1
        widths = {}
        for table in document.get("tables", []):
            row += 1
            if table.get("title"):
                sheet.write(row, 0, table["title"], bold)
                row += 1
            for col, label in enumerate(table.get("columns") or []):
                sheet.write(row, col, label, head)
                widths[col] = max(widths.get(col, 8), min(len(str(label)) + 2, 40))
            row += 1
            for values in table.get("rows", []):
                for col, value in enumerate(values):
                    if hasattr(value, "strftime"):
                        sheet.write_datetime(row, col, value, date_cell)
                    elif isinstance(value, float):
                        sheet.write_number(row, col, value, money)
                    elif isinstance(value, int) and not isinstance(value, bool):
                        sheet.write_number(row, col, value, cell)
                    else:
                        text = "" if value in (None, False) else str(value)
                        sheet.write_string(row, col, text, cell)
                        widths[col] = max(widths.get(col, 8), min(len(text) + 2, 60))
                row += 1
            if table.get("totals"):
                for col, value in enumerate(table["totals"]):
                    if isinstance(value, int | float) and not isinstance(value, bool):
                        sheet.write_number(row, col, value, total)
                    else:
                        sheet.write(row, col, value or "", total)
                row += 1
        for col, width in widths.items():
            sheet.set_column(col, col, width)

    @api.autovacuum
    def _gc_cic_xlsx_exports(self):
        """XLSX exports stored by earlier versions: removed after a day, so that
        reports of personal data do not pile up in the filestore."""
        self.env["ir.attachment"].sudo().search(
            [
                ("description", "=", XLSX_EXPORT_TAG),
                ("res_model", "=", False),
                ("create_date", "<", fields.Datetime.now() - XLSX_EXPORT_KEEP),
            ]
        ).unlink()
