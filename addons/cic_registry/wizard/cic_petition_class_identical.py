# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Class a petition identical to an answered one (OG 27/2002 art. 10(2))."""

from odoo import fields, models


class CicPetitionClassIdentical(models.TransientModel):
    _name = "cic.petition.class.identical"
    _description = "Class a petition with identical content"

    ticket_id = fields.Many2one("helpdesk.ticket", required=True, ondelete="cascade")
    partner_id = fields.Many2one(related="ticket_id.partner_id")
    original_id = fields.Many2one(
        "helpdesk.ticket",
        string="Answered petition",
        required=True,
        domain="[('id', '!=', ticket_id), ('cic_procedure_id.code', '=', 'petition'), "
        "('cic_closure_reason', 'in', ('answered', 'joined'))]",
    )

    def action_confirm(self):
        self.ensure_one()
        self.ticket_id._cic_class_identical(self.original_id)
        return {"type": "ir.actions.act_window_close"}
