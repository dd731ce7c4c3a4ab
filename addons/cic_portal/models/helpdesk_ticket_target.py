# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Internal targets and validity of issued certificates (R-POR-5); cic_portal_fee
shortens the target when the urgency fee is paid (R-POR-6)."""

from datetime import timedelta

from odoo import api, fields, models


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

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

    # Not on the service's settings (nor, in cic_portal_fee, on the fee state): a
    # change of configuration or a payment must not reset an internal due date
    # the clerk has set.
    @api.depends("cic_legal_due_date", "cic_registration_date", "cic_service_id")
    def _compute_cic_internal_due_date(self):
        """Service targets (R-POR-5) only move the internal due date, never later
        than the legal due date."""
        res = super()._compute_cic_internal_due_date()
        for ticket in self:
            target = ticket._cic_target_date(ticket._cic_target_days())
            if target:
                ticket.cic_internal_due_date = target
        return res

    def _cic_target_days(self):
        """Working days of the internal target: the service's (cic_portal_fee:
        the urgency's when it is paid and shorter)."""
        self.ensure_one()
        return self.cic_service_id.internal_target_days

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
