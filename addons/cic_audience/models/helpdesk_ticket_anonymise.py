# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class HelpdeskTicket(models.Model):
    """Anonymisation of an entry (R-GDPR-2) reaches the audience it comes from or
    refers to: the request's free texts, documents and chatter, and its calendar
    event's description and attendees."""

    _inherit = "helpdesk.ticket"

    def _cic_audience_requests(self):
        """Audience requests the entries come from or that refer to them."""
        return (
            self.env["cic.audience.request"]
            .sudo()
            .with_context(active_test=False)
            .search(
                [
                    "|",
                    "|",
                    ("id", "in", self.sudo().cic_audience_request_id.ids),
                    ("ticket_id", "in", self.ids),
                    ("petition_ticket_id", "in", self.ids),
                ]
            )
        )

    def _cic_anonymise_copies(self, partners, personal):
        res = super()._cic_anonymise_copies(partners, personal)
        self._cic_audience_requests()._cic_anonymise(partners, personal)
        return res
