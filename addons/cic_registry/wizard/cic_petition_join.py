# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Join repeated petitions of the same petitioner (OG 27/2002 art. 10(1))."""

from odoo import api, fields, models


class CicPetitionJoin(models.TransientModel):
    _name = "cic.petition.join"
    _description = "Join petitions"

    ticket_id = fields.Many2one("helpdesk.ticket", required=True, ondelete="cascade")
    suggestion_ids = fields.Many2many(
        "helpdesk.ticket", compute="_compute_suggestion_ids", string="Suggestions"
    )
    target_id = fields.Many2one(
        "helpdesk.ticket",
        string="Join with",
        required=True,
        domain="[('id', '!=', ticket_id), ('cic_procedure_id.code', '=', 'petition'), "
        "('cic_closure_reason', '=', False), ('stage_id.closed', '=', False)]",
    )

    same_petitioner = fields.Boolean(
        compute="_compute_same_petitioner",
        help="Both petitions have the same petitioner (same CNP/CUI, or same name "
        "and address).",
    )
    override_reason = fields.Text(
        string="Reason for joining different petitioners",
        help="Only a department head or the secretary general may join the petitions "
        "of different petitioners; the reason is written to the audit log.",
    )

    @api.depends("ticket_id", "target_id")
    def _compute_same_petitioner(self):
        for wizard in self:
            wizard.same_petitioner = bool(
                wizard.ticket_id
                and wizard.target_id
                and wizard.ticket_id._cic_same_petitioner(wizard.target_id)
            )

    @api.depends("ticket_id")
    def _compute_suggestion_ids(self):
        for wizard in self:
            wizard.suggestion_ids = wizard.ticket_id.cic_join_suggestion_ids

    @api.onchange("ticket_id")
    def _onchange_ticket_id(self):
        if not self.target_id:
            self.target_id = self.ticket_id.cic_join_suggestion_ids[:1]

    def action_confirm(self):
        self.ensure_one()
        self.ticket_id._cic_join_to(
            self.target_id, override_reason=self.override_reason
        )
        return {"type": "ir.actions.act_window_close"}
