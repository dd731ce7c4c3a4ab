# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from odoo.addons.cic_registry.models.cic_calendar import institution_today


class ResCompany(models.Model):
    """The accessibility statement the law asks of a public-sector website
    (OUG 112/2018, Directive (EU) 2016/2102), shown on /cic/accessibility."""

    _inherit = "res.company"

    cic_accessibility_statement = fields.Html(
        string="Accessibility statement",
        translate=True,
        sanitize=True,
        help="Shown on the website's accessibility page (/cic/accessibility). "
        "Empty: the default statement (partially compliant, OUG 112/2018). "
        "The contact for reporting problems (the company's e-mail and phone) and "
        "the date of the statement are always shown below it.",
    )
    cic_accessibility_date = fields.Date(
        string="Date of the accessibility statement",
        default=institution_today,
        help="When the statement was prepared or last reviewed (at least yearly).",
    )
