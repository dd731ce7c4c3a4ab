# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Items of a council session's agenda (issue 17 point 3): draft decisions
(often from Law 52 drafts), reports and other matters."""

from odoo import api, fields, models


class CicCouncilAgendaItem(models.Model):
    _name = "cic.council.agenda.item"
    _description = "Agenda item of a council session"
    _order = "session_id, sequence, id"

    session_id = fields.Many2one(
        "cic.council.session", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Item", required=True)
    decision_id = fields.Many2one(
        "cic.council.decision",
        string="Draft decision",
        domain="[('company_id', '=', company_id)]",
    )
    company_id = fields.Many2one(related="session_id.company_id", store=True)
    decision_state = fields.Selection(related="decision_id.state", string="Result")
    initiator = fields.Char(related="decision_id.initiator")

    @api.onchange("decision_id")
    def _onchange_decision_id(self):
        if self.decision_id and not self.name:
            self.name = self.decision_id.name

    @api.model_create_multi
    def create(self, vals_list):
        items = super().create(vals_list)
        items._cic_link_decisions()
        return items

    def write(self, vals):
        result = super().write(vals)
        if "decision_id" in vals:
            self._cic_link_decisions()
        return result

    def _cic_link_decisions(self):
        """A draft decision put on an agenda belongs to that session."""
        for item in self.filtered(
            lambda i: i.decision_id and not i.decision_id.session_id
        ):
            item.decision_id.session_id = item.session_id
