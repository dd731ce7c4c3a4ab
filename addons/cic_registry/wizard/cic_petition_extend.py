# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Extension of a petition's term by the head of the authority (OG 27/2002 art. 9)."""

from odoo import api, fields, models


class CicPetitionExtend(models.TransientModel):
    _name = "cic.petition.extend"
    _description = "Extend the term of a petition"

    ticket_id = fields.Many2one("helpdesk.ticket", required=True, ondelete="cascade")
    current_due_date = fields.Date(related="ticket_id.cic_legal_due_date")
    current_due_basis = fields.Char(related="ticket_id.cic_due_basis")
    days = fields.Integer(string="Extension (days)", required=True, default=15)
    new_due_date = fields.Date(compute="_compute_new_due_date")
    new_due_basis = fields.Char(compute="_compute_new_due_basis")
    reason = fields.Text(
        required=True,
        default=lambda self: self.env._(
            "The matters raised require more detailed information and research."
        ),
    )

    @api.depends("ticket_id", "days")
    def _compute_new_due_date(self):
        for wizard in self:
            ticket = wizard.ticket_id
            # the same start and term as the due date the extension will give
            wizard.new_due_date = bool(ticket) and ticket._cic_due_date_for(
                ticket._cic_term_days() + max(wizard.days, 0)
            )

    @api.depends("ticket_id", "days")
    @api.depends_context("lang")
    def _compute_new_due_basis(self):
        """The basis the extended due date will show (R-CAL-6)."""
        for wizard in self:
            ticket = wizard.ticket_id
            procedure = ticket.cic_procedure_id
            if not (wizard.new_due_date and procedure):
                wizard.new_due_basis = False
                continue
            parts = [
                ticket._cic_basis_text(
                    procedure.legal_basis or procedure.name,
                    ticket._cic_term_days() + max(wizard.days, 0),
                    procedure.count_mode,
                )
            ]
            if procedure.extension_legal_basis:
                parts.append(
                    self.env._(
                        "extended under %(basis)s",
                        basis=procedure.extension_legal_basis,
                    )
                )
            parts += [n for n in ticket._cic_due_basis_notes() if n not in parts]
            wizard.new_due_basis = "; ".join(parts)

    def action_confirm(self):
        self.ensure_one()
        self.ticket_id._cic_extend_petition(self.days, self.reason)
        return {"type": "ir.actions.act_window_close"}
