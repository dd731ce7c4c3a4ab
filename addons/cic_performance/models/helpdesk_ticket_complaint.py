# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HelpdeskTicket(models.Model):
    """What a complaint (petition of type complaint) was about and whether it was
    found founded: the manual's indicator "founded complaints against the CIC"
    counts those about the CIC's department (``res.company.cic_kpi_team_id``)."""

    _inherit = "helpdesk.ticket"

    cic_complaint_about_team_id = fields.Many2one(
        "helpdesk.ticket.team",
        string="Department complained about",
        tracking=True,
        help="For a complaint (reclamație): the department whose work it is about.",
    )
    cic_complaint_founded = fields.Selection(
        selection=[
            ("founded", "Founded"),
            ("partly", "Partly founded"),
            ("unfounded", "Unfounded"),
        ],
        string="Complaint found",
        tracking=True,
        help="The finding of the examination of a complaint (întemeiată, parțial "
        "întemeiată, neîntemeiată).",
    )
