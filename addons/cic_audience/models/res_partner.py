# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _cic_still_needed(self):
        """An audience request keeps its citizen unless it belongs to an
        anonymised registry entry (its petition or the entry it refers to)."""
        if super()._cic_still_needed():
            return True
        requests = (
            self.env["cic.audience.request"]
            .sudo()
            .with_context(active_test=False)
            .search([("partner_id", "=", self.id)])
        )
        return any(
            not (
                request.petition_ticket_id.cic_anonymised_date
                or request.ticket_id.cic_anonymised_date
            )
            for request in requests
        )
