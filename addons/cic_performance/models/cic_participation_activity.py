# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CicParticipationActivity(models.Model):
    """A citizen-participation activity organised by the CIC (operating manual)."""

    _name = "cic.participation.activity"
    _description = "Citizen-participation activity"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"

    name = fields.Char(string="Topic", required=True, tracking=True)
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    activity_type = fields.Selection(
        selection=[
            ("public_meeting", "Public meeting"),
            ("poll", "Opinion poll"),
            ("focus_group", "Focus group"),
            ("neighbourhood_meeting", "Neighbourhood meeting"),
            ("association_partnership", "Partnership with owners' associations"),
            ("community_event", "Community event"),
            ("other", "Other"),
        ],
        string="Type",
        required=True,
        default="public_meeting",
        tracking=True,
    )
    attendance = fields.Integer(string="Participants", tracking=True)
    location = fields.Char()
    partner_ids = fields.Many2many(
        "res.partner",
        string="Partners",
        help="Owners' associations, citizens' committees or NGOs involved.",
    )
    user_id = fields.Many2one(
        "res.users", string="Organiser", default=lambda self: self.env.user
    )
    description = fields.Html(string="Outcome")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    @api.constrains("attendance")
    def _check_attendance(self):
        if any(activity.attendance < 0 for activity in self):
            raise ValidationError(self.env._("Attendance cannot be negative."))
