# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The citizen's phone line of the institution (R-KPI-3).

There is no national "984" number (R-KPI-3 in docs/requirements.md, UNVERIFIED):
each town hall runs its own line (a short number such as 984 or a local number such as
0251 984) under the national numbering plan. The number is a company setting, empty
until the institution enters it; requests received on it are registered on the
channel flagged ``cic_phone_line`` and counted apart in the KPIs.
"""

from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    cic_phone_line_number = fields.Char(
        string="Citizen's phone line",
        help="Number of the institution's phone line for citizens (for example a "
        "short number such as 984 or a local number). Requests received on it are "
        "registered on the channel 'Citizen's phone line' and counted apart in the "
        "indicators.",
    )
