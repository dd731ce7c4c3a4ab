# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResCompany(models.Model):
    """Who signs the official letters of the institution (signature blocks)."""

    _inherit = "res.company"

    cic_head_function = fields.Char(
        string="Function of the head of the authority",
        help="Printed above the signature of the head of the authority, e.g. "
        "Primar, Președinte. Empty: Mayor.",
    )
    cic_head_name = fields.Char(
        string="Head of the authority",
        help="Name printed under the function of the head of the authority on the "
        "letters whose final approval is not recorded in the application.",
    )
    cic_secretary_general_name = fields.Char(
        string="Secretary general",
        help="Name of the secretary general, who countersigns the letters of the "
        "authority.",
    )
