# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import email_normalize

from odoo.addons.cic_registry.models.cic_calendar import institution_today


class CicParticipationActivity(models.Model):
    """A citizen-participation activity organised by the CIC (operating manual).

    Public meetings, neighbourhood meetings, polls and focus groups are announced
    on the portal once published (issue 17 point 4): citizens sign up while the
    sign-up is open and seats remain; minutes and results are published after
    the meeting; a poll links to its Odoo survey while the survey is open."""

    _name = "cic.participation.activity"
    _description = "Citizen-participation activity"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"

    name = fields.Char(string="Topic", required=True, tracking=True)
    date = fields.Date(required=True, default=institution_today, tracking=True)
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
    # Publication on the portal
    website_published = fields.Boolean(
        string="Published on the portal",
        copy=False,
        tracking=True,
        help="Announced on the public page /cic/participation.",
    )
    time_start = fields.Char(
        string="Time", help="Starting time shown on the portal, e.g. 17:00."
    )
    public_description = fields.Html(
        string="Public announcement",
        sanitize=True,
        help="What the citizens read on the portal: agenda, who may attend.",
    )
    signup_open = fields.Boolean(
        string="Sign-up open",
        tracking=True,
        help="Citizens may sign up on the portal while the activity is published.",
    )
    signup_capacity = fields.Integer(
        string="Seats", help="Maximum number of sign-ups; 0 means no limit."
    )
    signup_ids = fields.One2many(
        "cic.participation.signup", "activity_id", string="Sign-ups"
    )
    signup_count = fields.Integer(compute="_compute_signup_count", compute_sudo=True)
    minutes = fields.Html(
        string="Minutes",
        sanitize=True,
        help="Published on the portal once the activity has taken place.",
    )
    minutes_attachment_ids = fields.Many2many(
        "ir.attachment",
        string="Minutes (files)",
        help="Signed minutes or other files published with the activity.",
    )
    results = fields.Html(
        sanitize=True, help="Results of the poll or conclusions of the meeting."
    )
    survey_id = fields.Many2one(
        "survey.survey",
        string="Poll (survey)",
        help="Odoo survey used for the poll: its link is shown on the portal "
        "while the survey is open.",
    )

    @api.constrains("attendance")
    def _check_attendance(self):
        if any(activity.attendance < 0 for activity in self):
            raise ValidationError(self.env._("Attendance cannot be negative."))

    @api.constrains("signup_capacity")
    def _check_signup_capacity(self):
        if any(activity.signup_capacity < 0 for activity in self):
            raise ValidationError(self.env._("The number of seats cannot be negative."))

    @api.depends("signup_ids")
    def _compute_signup_count(self):
        counts = dict(
            self.env["cic.participation.signup"]._read_group(
                [("activity_id", "in", self.ids)], ["activity_id"], ["__count"]
            )
        )
        for activity in self:
            activity.signup_count = counts.get(activity._origin, 0)

    def _cic_is_past(self):
        self.ensure_one()
        return self.date < self.env["cic.calendar"].today()

    def _cic_seats_left(self):
        """Seats still free, or None without a limit."""
        self.ensure_one()
        if not self.signup_capacity:
            return None
        return max(self.signup_capacity - self.signup_count, 0)

    def _cic_signup_possible(self):
        self.ensure_one()
        return (
            self.website_published
            and self.signup_open
            and not self._cic_is_past()
            and self._cic_seats_left() != 0
        )

    def _cic_poll_url(self):
        """The survey's public link while the poll is open, else False."""
        self.ensure_one()
        survey = self.sudo().survey_id
        if not survey or not survey.active or survey.access_mode != "public":
            return False
        return survey.get_start_url()

    def _cic_check_signup(self, email):
        """Raise a translated UserError when ``email`` may not sign up."""
        self.ensure_one()
        _ = self.env._
        if not (self.website_published and self.signup_open) or self._cic_is_past():
            raise UserError(_("Sign-up for this activity is closed."))
        if self._cic_seats_left() == 0:
            raise UserError(_("All seats are taken: the activity is full."))
        normalized = email_normalize(email or "")
        if not normalized:
            raise UserError(_("Please enter a valid e-mail address."))
        already = (
            self.env["cic.participation.signup"]
            .sudo()
            .search_count(
                [("activity_id", "=", self.id), ("email", "=", normalized)], limit=1
            )
        )
        if already:
            raise UserError(_("This e-mail address is already signed up."))
        return normalized

    def action_publish(self):
        self.write({"website_published": True})

    def action_unpublish(self):
        self.write({"website_published": False})
