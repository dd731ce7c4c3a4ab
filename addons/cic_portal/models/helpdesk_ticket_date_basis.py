# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Basis of the dates a service gives (R-CAL-6): its internal target (R-POR-5), the
validity of the issued document; cic_portal_fee adds the paid urgency (R-POR-6)."""

from odoo import api, fields, models


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    cic_validity_end_basis = fields.Char(
        string="Basis of the validity end",
        compute="_compute_cic_validity_end_basis",
    )

    def _cic_internal_due_basis(self):
        """A service's internal target, when it is the date in force
        (cic_portal_fee: the shorter one of the paid urgency fee)."""
        service = self.cic_service_id
        if self.cic_internal_due_date:
            target = self._cic_target_date(service.internal_target_days)
            if target and target == self.cic_internal_due_date:
                return self.env._(
                    "Target of the service %(service)s: %(days)s working days from "
                    "registration",
                    service=service.name,
                    days=service.internal_target_days,
                )
        return super()._cic_internal_due_basis()

    @api.depends("cic_validity_end", "cic_service_id.validity_days")
    @api.depends_context("lang")
    def _compute_cic_validity_end_basis(self):
        for ticket in self:
            ticket.cic_validity_end_basis = (
                ticket._cic_basis_text(
                    ticket.env._(
                        "Validity of %(service)s from the issue date",
                        service=ticket.cic_service_id.name,
                    ),
                    ticket.cic_service_id.validity_days,
                    "calendar",
                )
                if ticket.cic_validity_end
                else False
            )
