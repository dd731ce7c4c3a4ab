# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HelpdeskTicketTeam(models.Model):
    """A department (compartiment) of the institution."""

    _inherit = "helpdesk.ticket.team"

    cic_head_id = fields.Many2one(
        "res.users",
        string="Department head",
        domain=[("share", "=", False)],
        help="Approves the answers of the department and receives the escalations "
        "of its overdue entries.",
    )
    cic_procedure_id = fields.Many2one(
        "cic.procedure",
        string="Default procedure",
        help="Procedure given to the entries that reach this department without one, "
        "for instance the e-mails received on its alias: they are registered at once.",
    )
