# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CicRequestRating(models.Model):
    """Satisfaction rating given by the citizen to a closed request
    (one per request); read by cic_performance."""

    _name = "cic.request.rating"
    _description = "CIC Request Satisfaction Rating"
    _order = "create_date desc, id desc"

    ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Request",
        required=True,
        ondelete="cascade",
        index=True,
    )
    partner_id = fields.Many2one("res.partner", string="Citizen", ondelete="set null")
    rating = fields.Integer(required=True, aggregator="avg")
    comment = fields.Text()
    procedure_id = fields.Many2one(
        related="ticket_id.cic_procedure_id", store=True, string="Procedure"
    )
    team_id = fields.Many2one(
        related="ticket_id.team_id", store=True, string="Department"
    )
    company_id = fields.Many2one(
        related="ticket_id.company_id", store=True, string="Company"
    )

    _sql_constraints = [
        ("ticket_uniq", "unique(ticket_id)", "A request can be rated only once."),
    ]

    @api.constrains("rating")
    def _check_rating(self):
        for record in self:
            if not 1 <= record.rating <= 5:
                raise ValidationError(self.env._("The rating must be between 1 and 5."))

    @api.constrains("ticket_id")
    def _check_ticket_closed(self):
        for record in self:
            if not record.ticket_id.closed:
                raise ValidationError(self.env._("Only a closed request can be rated."))
