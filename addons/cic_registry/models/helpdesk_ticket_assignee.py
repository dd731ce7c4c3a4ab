# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Who an entry is assigned to when it is created.

helpdesk_mgmt assigns a new ticket to the user who creates it (company option
"Auto assign user"). Entries created by the system itself (module data, scheduled
actions, the mail gateway) were thus assigned to OdooBot, who never answers: they
stay unassigned until the clerk routes them.
"""

from odoo import SUPERUSER_ID, api, models


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    @api.model
    def default_get(self, fields_list):
        defaults = super().default_get(fields_list)
        if defaults.get("user_id") == SUPERUSER_ID:
            defaults.pop("user_id")
        return defaults
