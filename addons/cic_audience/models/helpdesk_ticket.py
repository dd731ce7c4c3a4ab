# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class HelpdeskTicket(models.Model):
    """A petition born from an audience keeps its registration number of the day
    it is registered, but its legal term runs from the audience date (issues
    unresolved in audience are registered as petitions, 30 days from the
    audience; legal-domain §6, R-AUD-4)."""

    _inherit = "helpdesk.ticket"

    cic_audience_request_id = fields.Many2one(
        "cic.audience.request",
        string="Audience",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )
    cic_term_start_date = fields.Date(
        string="Term runs from",
        readonly=True,
        copy=False,
        help="Date from which the legal term is counted when it is not the "
        "registration date (the date of the audience the petition comes from).",
    )

    @api.model
    def _cic_protected_fields(self):
        """The audience link and the term start (which moves the legal due date)
        are set only by the conversion of an audience into a petition."""
        return super()._cic_protected_fields() | {
            "cic_audience_request_id",
            "cic_term_start_date",
        }

    @api.depends(
        "cic_procedure_id", "cic_registration_date", "company_id", "cic_term_start_date"
    )
    def _compute_cic_legal_due_date(self):
        res = super()._compute_cic_legal_due_date()
        for ticket in self.filtered(
            lambda t: t.cic_term_start_date and t.cic_procedure_id
        ):
            ticket.cic_legal_due_date = ticket.cic_procedure_id.due_date(
                ticket.cic_term_start_date,
                extended=ticket._cic_term_extended(),
                company=ticket.company_id,
            )
        return res
