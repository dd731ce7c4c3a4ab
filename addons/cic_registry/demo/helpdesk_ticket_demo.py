# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Demo data only: back-dated registration of the demo entries.

The demo register spans the past year, so its entries are registered as if on the
day they were filed. Production code has no way to back-date a registration: only
this method, called from the demo XML files while the module installs (as
superuser; a private method, which no client can call), passes a registration time
to the numbering.
"""

import datetime

from odoo import api, fields, models
from odoo.exceptions import AccessError


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    @api.model
    def _cic_demo_register_backdated(self, entries):
        """Register ``entries`` [(ticket id, days ago)], in that order, as if at
        07:30 UTC ``days ago``. The entries are created by the demo XML with
        ``cic_register_later`` (not numbered at the insert); those already numbered
        are left as they are (the module update runs the demo again)."""
        if not self.env.su:
            raise AccessError(self.env._("Only the module installer back-dates."))
        now = fields.Datetime.now().replace(hour=7, minute=30, second=0, microsecond=0)
        tickets = self.with_context(tracking_disable=True)
        for ticket_id, days in entries:
            ticket = tickets.browse(ticket_id)
            if ticket.cic_registration_number or not ticket._cic_needs_registration():
                continue
            when = now - datetime.timedelta(days=days)
            source = ticket._cic_number_source()
            if source:
                ticket._cic_share_number(source, when=when)
            else:
                ticket._cic_take_number(nowait=False, when=when)
            ticket._cic_after_registration()
        return True
