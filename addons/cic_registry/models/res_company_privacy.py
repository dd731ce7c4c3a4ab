# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The privacy notice and the data protection officer's contact of the institution
(R-GDPR-3; GDPR art. 13-14 and 37(7)): set by the administrator in Settings, shown
on the portal's privacy page, its footer and its forms."""

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import email_normalize


class ResCompany(models.Model):
    _inherit = "res.company"

    cic_privacy_notice = fields.Html(
        string="Privacy notice",
        translate=True,
        sanitize=True,
        help="Information to the persons whose data the institution processes "
        "(GDPR art. 13-14): purposes, legal basis, retention, rights. Shown on the "
        "portal's privacy page (/cic/privacy). Empty: a short default notice.",
    )
    cic_dpo_name = fields.Char(
        string="Data protection officer",
        help="Name of the data protection officer (GDPR art. 37-39).",
    )
    cic_dpo_email = fields.Char(
        string="DPO e-mail",
        help="Published with the privacy notice (GDPR art. 37(7)).",
    )
    cic_dpo_phone = fields.Char(string="DPO phone")

    @api.constrains("cic_dpo_email")
    def _check_cic_dpo_email(self):
        for company in self:
            if company.cic_dpo_email and not email_normalize(company.cic_dpo_email):
                raise ValidationError(
                    self.env._(
                        "The DPO e-mail address %(email)s is not valid.",
                        email=company.cic_dpo_email,
                    )
                )
