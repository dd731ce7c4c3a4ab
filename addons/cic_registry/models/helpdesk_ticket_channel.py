# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Channels of the registry (R-PET-1): counter, post, e-mail, portal, audience, phone.

Petitions received by phone or at an audience are registered only once they are
written down (`cic_verbal`): the entry must then carry its written content.

The citizen's phone line (R-KPI-3) is a channel flagged `cic_phone_line`: its number
is the company setting `cic_phone_line_number` (never a constant), shown with the
channel's name, and its entries have their own count in the indicators.
"""

from odoo import api, fields, models


class HelpdeskTicketChannel(models.Model):
    _inherit = "helpdesk.ticket.channel"

    cic_verbal = fields.Boolean(
        string="Verbal channel",
        help="Petitions received through this channel are registered only after "
        "they are written down: their content is mandatory.",
    )
    cic_phone_line = fields.Boolean(
        string="Citizen's phone line",
        help="Calls received on the institution's phone line for citizens (its "
        "number is set in the registry settings); counted apart in the indicators.",
    )

    @api.depends("name", "cic_phone_line", "company_id.cic_phone_line_number")
    @api.depends_context("company")
    def _compute_display_name(self):
        res = super()._compute_display_name()
        for channel in self.filtered("cic_phone_line"):
            number = (channel.company_id or self.env.company).cic_phone_line_number
            if number:
                channel.display_name = f"{channel.name} ({number})"
        return res
