# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

LEGACY_TARGETS = [
    ("legacy_number", "Registration number"),
    ("legacy_date", "Registration date"),
    ("sender_ref", "Sender's number"),
    ("sender_date", "Sender's date"),
    ("page_count", "Pages"),
    ("annex_count", "Annexes"),
    ("partner_name", "Sender (name)"),
    ("partner_cnp", "Sender CNP"),
    ("partner_cui", "Sender CUI"),
    ("partner_address", "Sender address"),
    ("summary", "Summary of content"),
    ("department", "Department"),
    ("dispatch_date", "Dispatch date"),
    ("resolution", "Resolution"),
    ("recipient", "Recipient"),
    ("joined_ref", "Joined-to number"),
    ("file_indicator", "File indicator"),
]


class CicLegacyImportColumn(models.TransientModel):
    """One column of the legacy spreadsheet and the register column it fills."""

    _name = "cic.legacy.import.column"
    _description = "Legacy register import: column mapping"
    _order = "col_index"

    wizard_id = fields.Many2one(
        "cic.legacy.import", required=True, ondelete="cascade", index=True
    )
    col_index = fields.Integer(string="Column", required=True)
    header = fields.Char(string="Header in the file", readonly=True)
    sample = fields.Char(string="First value", readonly=True)
    target = fields.Selection(
        LEGACY_TARGETS,
        string="Register column",
        help="Leave empty to ignore the column.",
    )
