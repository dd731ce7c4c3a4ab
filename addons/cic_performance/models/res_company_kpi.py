# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    cic_kpi_team_id = fields.Many2one(
        "helpdesk.ticket.team",
        string="CIC department",
        help="The department that is the Citizen Information Centre: complaints "
        "about it, found founded, make the manual's 'founded complaints against the "
        "CIC' indicator.",
    )
