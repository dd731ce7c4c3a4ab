# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Assignment of an entry to a department with an internal due date (art. 6(2)).

Warns when the chosen employee is criticised by the petition (R-PET-10); only the
head of the authority can override.
"""

from odoo import api, fields, models


class CicPetitionAssign(models.TransientModel):
    _name = "cic.petition.assign"
    _description = "Assign to a department"

    ticket_id = fields.Many2one("helpdesk.ticket", required=True, ondelete="cascade")
    legal_due_date = fields.Date(related="ticket_id.cic_legal_due_date")
    legal_due_basis = fields.Char(related="ticket_id.cic_due_basis")
    team_id = fields.Many2one(
        "helpdesk.ticket.team", string="Department", required=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Resolved by",
        domain="[('id', 'in', team_user_ids)]",
    )
    team_user_ids = fields.Many2many(related="team_id.user_ids")
    internal_due_date = fields.Date(
        compute="_compute_internal_due_date", store=True, readonly=False
    )
    criticised = fields.Boolean(compute="_compute_criticised")
    override = fields.Boolean(
        string="Assign anyway",
        help="The head of the authority approves the assignment to an employee the "
        "petition criticises.",
    )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        ticket = self.env["helpdesk.ticket"].browse(values.get("ticket_id"))
        if ticket:
            values.setdefault("team_id", ticket.team_id.id)
            values.setdefault("user_id", ticket.user_id.id)
        return values

    @api.depends("ticket_id")
    def _compute_internal_due_date(self):
        calendar = self.env["cic.calendar"]
        for wizard in self:
            ticket = wizard.ticket_id
            due = ticket.cic_legal_due_date
            margin = ticket.company_id.cic_internal_margin_days
            wizard.internal_due_date = (
                calendar.add_working_days(due, -margin, company=ticket.company_id)
                if due
                else False
            )

    @api.depends("user_id", "ticket_id")
    def _compute_criticised(self):
        for wizard in self:
            wizard.criticised = bool(
                wizard.user_id
                and wizard.user_id in wizard.ticket_id.cic_criticised_user_ids
            )

    def action_confirm(self):
        self.ensure_one()
        self.ticket_id._cic_assign(
            self.team_id, self.user_id, self.internal_due_date, override=self.override
        )
        return {"type": "ir.actions.act_window_close"}
