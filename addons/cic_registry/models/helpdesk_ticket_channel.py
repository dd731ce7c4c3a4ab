# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Channels of the registry (R-PET-1): counter, post, e-mail, portal, audience, phone.

Petitions received by phone or at an audience are registered only once they are
written down (`cic_verbal`): the entry must then carry its written content.
"""

from odoo import fields, models


class HelpdeskTicketChannel(models.Model):
    _inherit = "helpdesk.ticket.channel"

    cic_verbal = fields.Boolean(
        string="Verbal channel",
        help="Petitions received through this channel are registered only after "
        "they are written down: their content is mandatory.",
    )
