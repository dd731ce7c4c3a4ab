# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Log of verbal public-information requests (Law 544/2001 art. 6(2), R-544-2).

Verbal requests have no deadline and take no registration number; they are counted in
the annual Law 544 report.
"""

from odoo import fields, models


class CicFoiVerbalRequest(models.Model):
    _name = "cic.foi.verbal.request"
    _description = "Verbal public-information request"
    _order = "request_datetime desc, id desc"

    request_datetime = fields.Datetime(
        string="Time", required=True, default=fields.Datetime.now
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    user_id = fields.Many2one(
        "res.users", string="Answered by", default=lambda self: self.env.user
    )
    applicant_name = fields.Char(help="Optional: verbal requests may be anonymous.")
    applicant_type = fields.Selection(
        selection=[("natural", "Natural person"), ("legal", "Legal person")],
        default="natural",
    )
    subject = fields.Text(required=True)
    outcome = fields.Selection(
        selection=[
            ("provided", "Provided on the spot"),
            ("redirected", "Guided to a written request"),
        ],
        required=True,
        default="provided",
    )
    note = fields.Text()
