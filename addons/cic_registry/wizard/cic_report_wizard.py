# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Period and register selection for the statutory reports, with the figures on
screen and the PDF / XLSX exports.

The figures are computed with the access of the user running the wizard: a
department head gets the figures of their own departments only.
"""

import datetime

from odoo import api, fields, models
from odoo.exceptions import UserError

REPORT_TYPES = [
    ("registry_book", "General register"),
    ("petitions", "Semestrial petitions report (OG 27/2002)"),
    ("foi_annual", "Annual Law 544/2001 report"),
]


class CicReportWizard(models.TransientModel):
    _name = "cic.report.wizard"
    _description = "Statutory report"

    def _default_year(self):
        return self.env["cic.calendar"].today().year

    report_type = fields.Selection(REPORT_TYPES, required=True, default="registry_book")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    year = fields.Integer(default=_default_year)
    semester = fields.Selection(
        [("1", "H1 (1 January - 30 June)"), ("2", "H2 (1 July - 31 December)")],
        default="1",
    )
    date_from = fields.Date(
        string="From",
        default=lambda self: self.env["cic.calendar"].today().replace(day=1),
    )
    date_to = fields.Date(
        string="To", default=lambda self: self.env["cic.calendar"].today()
    )
    procedure_ids = fields.Many2many(
        "cic.procedure",
        string="Procedures",
        help="Register: leave empty for the whole general register.",
    )
    direction = fields.Selection(
        [
            ("incoming", "Incoming"),
            ("outgoing", "Outgoing"),
            ("internal", "Internal"),
        ]
    )
    team_ids = fields.Many2many("helpdesk.ticket.team", string="Departments")
    operating_costs = fields.Float(
        string="Operating costs (lei)",
        help="Section D of the Law 544 report: costs of the department that handles "
        "public-information requests, entered by hand.",
    )
    line_ids = fields.One2many(
        "cic.report.wizard.line", "wizard_id", string="Figures", readonly=True
    )
    entry_count = fields.Integer(string="Entries", readonly=True)
    computed = fields.Boolean(readonly=True)

    # ------------------------------------------------------------------
    # Periods and documents
    # ------------------------------------------------------------------
    def _cic_dates(self):
        self.ensure_one()
        if self.report_type == "petitions":
            return self.env["cic.report.petition"]._cic_period(self.year, self.semester)
        if self.report_type == "foi_annual":
            return datetime.date(self.year, 1, 1), datetime.date(self.year, 12, 31)
        if not (self.date_from and self.date_to) or self.date_from > self.date_to:
            raise UserError(self.env._("Choose a valid date range."))
        return self.date_from, self.date_to

    def _cic_check_year(self):
        if self.report_type != "registry_book" and not 1990 <= self.year <= 9999:
            raise UserError(self.env._("Choose a valid year."))

    def _cic_book_options(self):
        date_from, date_to = self._cic_dates()
        return {
            "company_id": self.company_id.id,
            "date_from": date_from,
            "date_to": date_to,
            "procedure_ids": self.procedure_ids.ids,
            "direction": self.direction,
            "team_ids": self.team_ids.ids,
        }

    def _cic_document(self):
        """The report document (see ``cic.report.base``) for the chosen options."""
        self.ensure_one()
        self._cic_check_year()
        if self.report_type == "registry_book":
            return self.env["cic.report.registry.book"]._cic_document(
                self._cic_book_options()
            )
        if self.report_type == "petitions":
            date_from, date_to = self._cic_dates()
            return self.env["cic.report.petition"]._cic_compute(
                self.company_id.id, date_from, date_to
            )
        return self.env["cic.report.foi"]._cic_compute(
            self.company_id.id, self.year, self.operating_costs
        )

    def _cic_report_document(self):
        """Document printed by the PDF layout."""
        return self._cic_document()

    def _cic_format_value(self, value):
        return self.env["cic.report.base"]._cic_format_value(value)

    def _cic_cell_class(self, value):
        return self.env["cic.report.base"]._cic_cell_class(value)

    def _cic_file_name(self):
        names = {
            "registry_book": "registru_general",
            "petitions": f"raport_petitii_{self.year}_S{self.semester}",
            "foi_annual": f"raport_544_{self.year}",
        }
        return names[self.report_type]

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_compute(self):
        """Show the figures on screen."""
        self.ensure_one()
        document = self._cic_document()
        self.line_ids.unlink()
        lines, count = [], 0
        if self.report_type == "registry_book":
            count = len(document["tables"][0]["rows"])
        else:
            lines = self._cic_screen_lines(document)
        self.write(
            {
                "line_ids": [fields.Command.create(vals) for vals in lines],
                "entry_count": count,
                "computed": True,
            }
        )
        return self._cic_reopen()

    @api.model
    def _cic_screen_lines(self, document):
        lines = []
        for table in document["tables"]:
            lines.append(
                {"sequence": len(lines), "is_section": True, "name": table["title"]}
            )
            for row in table["rows"] + ([table["totals"]] if table["totals"] else []):
                values = [
                    self.env["cic.report.base"]._cic_format_value(v) for v in row
                ] + [""] * 5
                lines.append(
                    {
                        "sequence": len(lines),
                        "name": values[0],
                        "value": values[1],
                        "in_term": values[2],
                        "late": values[3],
                        "pending": values[4],
                    }
                )
        return lines

    def _cic_reopen(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "context": self.env.context,
        }

    def action_print_pdf(self):
        self.ensure_one()
        self._cic_document()  # validate the options before rendering
        xmlid = (
            "cic_registry.action_report_cic_registry_book"
            if self.report_type == "registry_book"
            else "cic_registry.action_report_cic_statistics"
        )
        return self.env.ref(xmlid).report_action(self)

    def _cic_xlsx_document(self):
        """Document written by the XLSX report (report_cic_document_xlsx)."""
        return self._cic_document()

    def action_export_xlsx(self):
        """Download the XLSX (a spreadsheet has no letterhead: no layout check)."""
        self.ensure_one()
        self._cic_document()  # validate the options before the download
        return (
            self.env.ref("cic_registry.action_report_cic_document_xlsx")
            .with_context(discard_logo_check=True)
            .report_action(self)
        )

    def action_open_entries(self):
        """The entries of the register book in the list view."""
        self.ensure_one()
        domain = self.env["cic.report.registry.book"]._cic_domain(
            self._cic_book_options()
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("General register"),
            "res_model": "helpdesk.ticket",
            "view_mode": "list,form",
            "domain": domain,
        }
