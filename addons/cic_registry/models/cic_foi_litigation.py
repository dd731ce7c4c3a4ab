# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Court complaints on public-information requests (Law 544/2001 art. 22, R-544-8)."""

from odoo import api, fields, models


class CicFoiLitigation(models.Model):
    _name = "cic.foi.litigation"
    _description = "Public-information litigation"
    _inherit = ["mail.thread"]
    _order = "filing_date desc, id desc"

    request_id = fields.Many2one(
        "helpdesk.ticket",
        string="Public-information request",
        required=True,
        ondelete="restrict",
        domain="[('cic_procedure_id.code', '=', 'foi_request')]",
    )
    company_id = fields.Many2one(related="request_id.company_id", store=True)
    plaintiff_id = fields.Many2one("res.partner", string="Plaintiff")
    court = fields.Char(default="Tribunal, contencios administrativ")
    case_number = fields.Char()
    filing_date = fields.Date()
    window_end = fields.Date(
        string="Court window ends",
        compute="_compute_window_end",
        store=True,
        help="For information: 30 days after the expiry of the art. 7 term.",
    )
    filed_in_window = fields.Boolean(compute="_compute_window_end", store=True)
    window_end_basis = fields.Char(
        string="Basis of the court window", compute="_compute_window_end_basis"
    )
    state = fields.Selection(
        selection=[
            ("open", "Pending"),
            ("won", "Won by the authority"),
            ("lost", "Lost by the authority"),
            ("withdrawn", "Withdrawn"),
        ],
        default="open",
        required=True,
        tracking=True,
    )
    outcome = fields.Text()

    @api.depends("request_id.cic_legal_due_date", "filing_date")
    def _compute_window_end(self):
        calendar = self.env["cic.calendar"]
        for lit in self:
            due = lit.request_id.cic_legal_due_date
            lit.window_end = (
                calendar.due_date(due, 30, "free_days", company=lit.company_id)
                if due
                else False
            )
            lit.filed_in_window = bool(
                lit.filing_date and lit.window_end and lit.filing_date <= lit.window_end
            )

    @api.depends("window_end")
    @api.depends_context("lang")
    def _compute_window_end_basis(self):
        """Law 544/2001 art. 22(1): 30 days after the art. 7 term (R-CAL-6)."""
        for lit in self:
            lit.window_end_basis = lit.window_end and lit.request_id._cic_basis_text(
                "Legea 544/2001 art. 22(1)", 30, "free_days"
            )

    @api.onchange("request_id")
    def _onchange_request_id(self):
        if self.request_id and not self.plaintiff_id:
            self.plaintiff_id = self.request_id.partner_id
