# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Basis of the internal target shortened by the paid urgency fee (R-CAL-6,
R-POR-6)."""

from odoo import models


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    def _cic_internal_due_basis(self):
        """The paid urgency fee's target, when it is the date in force."""
        service = self.cic_service_id
        if (
            self.cic_internal_due_date
            and self.cic_urgency_paid
            and service.urgency_target_days
        ):
            target = self._cic_target_date(service.urgency_target_days)
            if target == self.cic_internal_due_date:
                return self.env._(
                    "Urgency fee paid (local council decision): %(days)s "
                    "working days from registration; the legal due date "
                    "does not change",
                    days=service.urgency_target_days,
                )
        return super()._cic_internal_due_basis()
