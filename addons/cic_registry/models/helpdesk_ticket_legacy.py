# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Entries imported from a legacy register (spreadsheet kept before the suite).

A legacy entry keeps its original number and date in ``cic_legacy_number`` /
``cic_legacy_date``: it never takes a number of the general register
(``cic_registration_*`` stay empty, a CHECK constraint guards it), so original numbers
never collide with the numbers the suite gives in the same year. Original numbers
are unique per company and year among legacy entries.

Only the server makes legacy entries: the legacy import inserts them through its own
bulk path (``tools/legacy_import_bulk.bulk_insert``, which runs no ``create()``
override) for the administrator; ``create()`` and ``write()`` (helpdesk_ticket.py,
through ``_cic_check_legacy_vals``) accept the legacy fields from superuser code
only, so that a client cannot dodge the numbering by calling its entry a legacy one
with an original number of its choosing. The display name (helpdesk_ticket_display.py),
the file year (helpdesk_ticket_archive.py) and the registration hooks
(helpdesk_ticket.py) read the legacy fields.
"""

from odoo import api, fields, models
from odoo.exceptions import UserError

LEGACY_FIELDS = (
    "cic_is_legacy",
    "cic_legacy_number",
    "cic_legacy_date",
    "cic_legacy_year",
    "cic_legacy_department",
    "cic_legacy_joined_ref",
    "cic_legacy_file_hash",
)


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    cic_is_legacy = fields.Boolean(
        string="Legacy entry",
        readonly=True,
        copy=False,
        help="Imported from a register kept before the suite; it keeps its original "
        "number and takes no number of the general register.",
    )
    cic_legacy_number = fields.Char(
        string="Original number", readonly=True, copy=False, index="btree_not_null"
    )
    cic_legacy_date = fields.Date(
        string="Original date", readonly=True, copy=False, index="btree_not_null"
    )
    cic_legacy_year = fields.Integer(string="Original year", readonly=True, copy=False)
    cic_legacy_department = fields.Char(
        string="Original department",
        readonly=True,
        copy=False,
        help="Department as written in the legacy register.",
    )
    cic_legacy_joined_ref = fields.Char(
        string="Original joined-to number", readonly=True, copy=False
    )
    cic_legacy_file_hash = fields.Char(
        string="Import file fingerprint", readonly=True, copy=False
    )
    cic_book_date = fields.Date(
        string="Register date",
        compute="_compute_cic_book_date",
        help="Local date of the entry in the register: the registration date, or the "
        "original date of a legacy entry.",
    )
    cic_book_number = fields.Char(
        string="Register number",
        compute="_compute_cic_book_number",
        help="Registration number, or the original number of a legacy entry.",
    )

    _sql_constraints = [
        (
            "cic_legacy_number_uniq",
            "unique(company_id, cic_legacy_year, cic_legacy_number)",
            "This original number was already imported for that year.",
        ),
        (
            "cic_legacy_not_numbered",
            "CHECK(cic_is_legacy IS NOT TRUE OR cic_registration_seq IS NULL)",
            "A legacy entry keeps its original number and cannot take a number of "
            "the general register.",
        ),
    ]

    @api.model
    def _cic_check_legacy_vals(self, vals):
        if not self.env.su and any(name in vals for name in LEGACY_FIELDS):
            raise UserError(
                self.env._(
                    "Legacy entries and their original numbers come only from the "
                    "import of a legacy register."
                )
            )

    @api.depends("cic_registration_date", "cic_legacy_date")
    def _compute_cic_book_date(self):
        calendar = self.env["cic.calendar"]
        for ticket in self:
            ticket.cic_book_date = ticket.cic_legacy_date or (
                ticket.cic_registration_date
                and calendar.local_date(ticket.cic_registration_date)
            )

    @api.depends("cic_registration_number", "cic_legacy_number", "cic_legacy_date")
    def _compute_cic_book_number(self):
        for ticket in self:
            if ticket.cic_is_legacy and ticket.cic_legacy_number:
                ticket.cic_book_number = ticket._cic_legacy_display_number()
            else:
                ticket.cic_book_number = ticket.cic_registration_number

    def _cic_legacy_display_number(self):
        self.ensure_one()
        if not self.cic_legacy_date:
            return self.cic_legacy_number
        return "{}/{}".format(
            self.cic_legacy_number,
            self.cic_legacy_date.strftime("%d.%m.%Y"),
        )
