# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Public meetings and public debates (Law 52/2003 art. 8, R-TD-3..5).

A public meeting is on the website from the day its notice is published; its
minutes are internal (field groups) until they are published, then read through
``public_minutes``."""

from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class CicTransparencyMeeting(models.Model):
    _name = "cic.transparency.meeting"
    _description = "Public meeting or public debate"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "cic.transparency.publication.mixin",
    ]
    _order = "meeting_date desc, id desc"

    name = fields.Char(required=True)
    meeting_type = fields.Selection(
        selection=[("meeting", "Public meeting"), ("debate", "Public debate")],
        required=True,
        default="meeting",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    state = fields.Selection(
        selection=[
            ("planned", "Planned"),
            ("announced", "Announced"),
            ("held", "Held"),
            ("minutes_published", "Minutes published"),
            ("cancelled", "Cancelled"),
        ],
        default="planned",
        required=True,
        tracking=True,
    )
    meeting_date = fields.Date(required=True, tracking=True)
    meeting_time = fields.Float(string="Time", help="Local time of the meeting.")
    place = fields.Char()
    agenda = fields.Html()
    draft_ids = fields.Many2many(
        "cic.transparency.draft",
        "cic_transparency_draft_meeting_rel",
        "meeting_id",
        "draft_id",
        string="Draft acts",
    )
    notice_deadline = fields.Date(
        string="Publish the notice by",
        compute="_compute_notice_deadline",
        store=True,
        help="Latest date to publish the notice (Law 52/2003 art. 8(1)), per the "
        "notice rule of the company.",
    )
    notice_publication_date = fields.Date(tracking=True, copy=False)
    public = fields.Boolean(default=True)
    non_public_reason = fields.Text(
        string="Reason access was restricted", groups="base.group_user"
    )
    participant_count = fields.Integer(string="Participants")
    minutes = fields.Html(groups="base.group_user")
    public_minutes = fields.Html(
        string="Published minutes",
        compute="_compute_public_minutes",
        compute_sudo=True,
        sanitize=False,
        help="The minutes, once they are published.",
    )
    minutes_publication_date = fields.Date(tracking=True, copy=False)
    vote_ids = fields.One2many("cic.transparency.vote", "meeting_id", string="Votes")

    @api.model
    def _cic_website_domain(self):
        """Public, from the day its notice is published."""
        return [
            ("public", "=", True),
            ("notice_publication_date", "!=", False),
            ("notice_publication_date", "<=", self.env["cic.calendar"].today()),
        ]

    @api.depends("minutes", "minutes_publication_date")
    def _compute_public_minutes(self):
        for meeting in self:
            meeting.public_minutes = (
                meeting.minutes if meeting.minutes_publication_date else False
            )

    @api.depends(
        "meeting_date",
        "company_id.cic_td_notice_rule",
        "company_id.cic_td_notice_days",
    )
    def _compute_notice_deadline(self):
        for meeting in self:
            meeting.notice_deadline = meeting._notice_deadline_for(meeting.meeting_date)

    def _notice_deadline_for(self, meeting_date):
        """Latest notice date: meeting - N days (calendar rule) or meeting - N - 1
        days moved back to a working day (strict 'zile libere' rule)."""
        if not meeting_date:
            return False
        company = self.company_id or self.env.company
        days = company.cic_td_notice_days
        if company.cic_td_notice_rule != "free_days":
            return meeting_date - timedelta(days=days)
        deadline = meeting_date - timedelta(days=days + 1)
        calendar = self.env["cic.calendar"]
        while not calendar.is_working_day(deadline, company=company):
            deadline -= timedelta(days=1)
        return deadline

    @api.constrains("notice_publication_date", "notice_deadline")
    def _check_notice_publication_date(self):
        for meeting in self:
            published = meeting.notice_publication_date
            if published and published > meeting.notice_deadline:
                raise ValidationError(
                    self.env._(
                        "The notice of a meeting on %(meeting)s must be published by "
                        "%(deadline)s (Law 52/2003 art. 8(1)).",
                        meeting=meeting.meeting_date.strftime("%d.%m.%Y"),
                        deadline=meeting.notice_deadline.strftime("%d.%m.%Y"),
                    )
                )

    @api.constrains("public", "non_public_reason")
    def _check_non_public_reason(self):
        for meeting in self:
            if not meeting.public and not (meeting.non_public_reason or "").strip():
                raise ValidationError(
                    self.env._(
                        "A non-public meeting needs the reason access was restricted."
                    )
                )

    def _notice_recipients(self):
        """Authors of recommendations on the related drafts (art. 8(1))."""
        return self.draft_ids.recommendation_ids.author_id

    def action_publish_notice(self):
        for meeting in self:
            if meeting.state != "planned":
                raise UserError(
                    self.env._("The notice of this meeting is already published.")
                )
            meeting.write(
                {
                    "notice_publication_date": meeting.notice_publication_date
                    or self.env["cic.calendar"].today(),
                    "state": "announced",
                }
            )
            meeting._send_notice()

    def _send_notice(self):
        self.ensure_one()
        recipients = self._notice_recipients()
        if not recipients:
            return
        body = Markup("<p>%s</p>%s") % (
            self.env._(
                "%(name)s will take place on %(date)s at %(place)s.",
                name=self.name,
                date=self.meeting_date.strftime("%d.%m.%Y"),
                place=self.place or "-",
            ),
            self.agenda or "",
        )
        self.message_post(
            body=body,
            subject=self.env._("Notice: %(name)s", name=self.name),
            partner_ids=recipients.ids,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )

    def action_mark_held(self):
        for meeting in self:
            if meeting.state != "announced":
                raise UserError(
                    self.env._("A meeting is held only after its notice is published.")
                )
        self.write({"state": "held"})

    def action_publish_minutes(self):
        for meeting in self:
            if meeting.state != "held" or not meeting.minutes:
                raise UserError(
                    self.env._(
                        "Write the minutes of a held meeting before publishing them."
                    )
                )
            meeting.write(
                {
                    "state": "minutes_published",
                    "minutes_publication_date": meeting.minutes_publication_date
                    or self.env["cic.calendar"].today(),
                }
            )

    def action_cancel(self):
        self.write({"state": "cancelled"})
