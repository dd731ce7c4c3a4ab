# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Fees of a request beyond the flat service fee: surface-based fees (R-POR-3),
internal targets and validity of issued certificates (R-POR-5), the urgency fee
(R-POR-6) and Law 544 copy fees paid on the portal."""

from datetime import timedelta

from odoo import api, fields, models


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    cic_surface_m2 = fields.Float(
        string="Declared surface (m²)",
        digits=(16, 2),
        help="Surface the citizen declares when the fee of the service depends on "
        "it (certificat de urbanism).",
    )
    cic_urgency_requested = fields.Boolean(
        string="Urgency requested",
        help="The citizen asked for urgent handling and is charged the urgency fee "
        "(taxa de urgență) on the fee invoice.",
    )
    cic_urgency_paid = fields.Boolean(
        string="Urgency fee paid",
        compute="_compute_cic_urgency_paid",
        store=True,
        help="The internal target is shortened only once the fee invoice, which "
        "includes the urgency fee, is paid. The legal due date does not change.",
    )
    cic_issue_date = fields.Date(
        string="Issue date",
        compute="_compute_cic_issue_date",
        store=True,
        readonly=False,
        tracking=True,
        copy=False,
        help="Date the document (certificate) was issued; set when the request is "
        "closed.",
    )
    cic_validity_end = fields.Date(
        string="Valid until",
        compute="_compute_cic_validity_end",
        store=True,
        help="Issue date plus the validity of the service in calendar days (e.g. "
        "30 for the certificat de atestare fiscală).",
    )

    @api.depends(
        "cic_urgency_requested", "cic_fee_state", "cic_service_id.urgency_available"
    )
    def _compute_cic_urgency_paid(self):
        """Only a service offering the urgency fee charges it on the invoice."""
        for ticket in self:
            ticket.cic_urgency_paid = (
                ticket.cic_urgency_requested
                and ticket.cic_service_id.urgency_available
                and ticket.cic_fee_state == "paid"
            )

    # Not on the fee state nor on the service's settings: a payment or a change
    # of configuration must not reset an internal due date the clerk has set.
    @api.depends("cic_legal_due_date", "cic_registration_date", "cic_service_id")
    def _compute_cic_internal_due_date(self):
        """Service targets (R-POR-5) and the paid urgency (R-POR-6) only move the
        internal due date, never later than the legal due date."""
        res = super()._compute_cic_internal_due_date()
        for ticket in self:
            service = ticket.cic_service_id
            days = service.internal_target_days
            if ticket.cic_urgency_paid and service.urgency_target_days:
                urgency_days = service.urgency_target_days
                days = min(days, urgency_days) if days else urgency_days
            target = ticket._cic_target_date(days)
            if target:
                ticket.cic_internal_due_date = target
        return res

    def _cic_target_date(self, days):
        """`days` working days after the registration, capped by the legal due
        date; None without days or registration."""
        self.ensure_one()
        calendar = self.env["cic.calendar"]
        start = calendar.local_date(self.cic_registration_date)
        if not (days and start):
            return None
        target = calendar.add_working_days(start, days, company=self.company_id)
        if self.cic_legal_due_date:
            target = min(target, self.cic_legal_due_date)
        return target

    def _cic_apply_urgency_target(self):
        """The urgency fee is paid (R-POR-6): shorten the internal due date to the
        service's urgency target. The legal due date is not touched."""
        for ticket in self.filtered("cic_urgency_paid"):
            target = ticket._cic_target_date(ticket.cic_service_id.urgency_target_days)
            current = ticket.cic_internal_due_date
            if target and (not current or target < current):
                ticket.cic_internal_due_date = target

    @api.depends("closed_date", "cic_service_id.validity_days")
    def _compute_cic_issue_date(self):
        calendar = self.env["cic.calendar"]
        for ticket in self:
            if ticket.cic_issue_date or not ticket.cic_service_id.validity_days:
                continue
            ticket.cic_issue_date = calendar.local_date(ticket.closed_date) or False

    @api.depends("cic_issue_date", "cic_service_id.validity_days")
    def _compute_cic_validity_end(self):
        for ticket in self:
            days = ticket.cic_service_id.validity_days
            ticket.cic_validity_end = (
                ticket.cic_issue_date + timedelta(days=days)
                if ticket.cic_issue_date and days
                else False
            )

    # ------------------------------------------------------------------
    # Fees
    # ------------------------------------------------------------------
    def _cic_fee_day(self):
        """Local date whose year selects the fee table: the registration date
        (today while the number is being assigned)."""
        self.ensure_one()
        calendar = self.env["cic.calendar"]
        return calendar.local_date(self.cic_registration_date) or calendar.today()

    def _cic_fee_invoice_lines(self):
        """(product, label, amount) of the fees owed on this request; empty when
        nothing is owed: the service's fee and the Law 544 copies (art. 9(1)): the
        copy fee (pages x tariff) is invoiced like a service fee, before the copies
        are released (R-544-4, see helpdesk_ticket_fee_gate.py), so the citizen
        pays it on the portal."""
        self.ensure_one()
        service = self.cic_service_id
        lines = service._cic_fee_invoice_lines(self) if service else []
        if self.cic_procedure_id.code == "foi_request" and self.cic_foi_copy_fee > 0:
            product = self.env.ref("cic_portal.product_cic_foi_copy_fee")
            label = self.env._(
                "Copies of public information (Law 544/2001): %(pages)s pages, "
                "%(tariff)s",
                pages=self.cic_foi_copy_pages,
                tariff=self.cic_foi_copy_tariff_id.name,
            )
            lines.append((product, label, self.cic_foi_copy_fee))
        return lines
