# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The front-desk contact an entry was registered from (issue 17 point 1)."""

from odoo import fields, models


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    cic_frontdesk_contact_ids = fields.One2many(
        "cic.frontdesk.contact",
        "ticket_id",
        string="Front-desk contact",
        readonly=True,
        help="The counter contact this entry was registered from.",
    )
