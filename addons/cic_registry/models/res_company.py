# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from .cic_registration_mixin import DEFAULT_NUMBER_FORMAT


class ResCompany(models.Model):
    _inherit = "res.company"

    cic_registration_number_format = fields.Char(
        string="Registration number format",
        default=DEFAULT_NUMBER_FORMAT,
        help="How registration numbers are displayed. Tokens: {seq} (number in the "
        "year), {dd.mm.yyyy} (registration date), {yyyy}, {mm}, {dd}.",
    )
    cic_internal_margin_days = fields.Integer(
        string="Internal answer margin (working days)",
        default=2,
        help="Default internal due date of an assigned entry: the legal due date "
        "minus this many working days (prefect's circular practice).",
    )
    cic_reminder_days = fields.Integer(
        string="Reminder (working days before the due date)",
        default=3,
        help="The daily reminder notifies the assignees and the CIC of the entries "
        "whose legal due date falls within this many working days.",
    )
