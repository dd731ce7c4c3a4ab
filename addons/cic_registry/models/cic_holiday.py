# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CicHoliday(models.Model):
    """Extra non-working day of an institution (Codul muncii art. 139(4))."""

    _name = "cic.holiday"
    _inherit = ["cic.cached.data.mixin"]
    _description = "Extra non-working day"
    _order = "date desc"

    name = fields.Char(required=True, translate=True)
    date = fields.Date(required=True, index=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    counts_for_deadline = fields.Boolean(
        string="Moves deadlines",
        default=True,
        help="When set, a legal deadline that ends on this day moves to the next "
        "working day, and the day is skipped when counting working days. Whether a "
        "bridge day counts as a non-working day for deadlines is UNVERIFIED in law: "
        "this is a policy choice of the institution (default: yes).",
    )

    _sql_constraints = [
        (
            "date_company_uniq",
            "unique(date, company_id)",
            "This day is already a non-working day of the company.",
        )
    ]
