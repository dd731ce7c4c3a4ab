# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Draft normative acts under public consultation (Law 52/2003 art. 7, R-TD-1).

The website shows only the documents chosen in ``published_attachment_ids``: the other
attachments of the draft (working versions, notes, opinions) stay internal, even for
a visitor who can read the published draft (``ir_attachment_transparency.py``).
"""

from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class CicTransparencyDraft(models.Model):
    _name = "cic.transparency.draft"
    _description = "Draft normative act (decisional transparency)"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "cic.transparency.publication.mixin",
    ]
    _order = "publication_date desc, id desc"

    name = fields.Char(string="Title", required=True, tracking=True)
    act_type = fields.Selection(
        selection=[
            ("hcl", "Local council decision (HCL)"),
            ("disposition", "Mayor's normative disposition"),
            ("other", "Other normative act"),
        ],
        string="Act type",
        required=True,
        default="hcl",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    initiator = fields.Char()
    description = fields.Html(string="Explanatory report")
    state = fields.Selection(
        selection=[
            ("draft", "In preparation"),
            ("published", "Under consultation"),
            ("submitted", "Submitted for approval"),
            ("adopted", "Adopted"),
            ("withdrawn", "Withdrawn"),
        ],
        default="draft",
        required=True,
        tracking=True,
    )
    publication_date = fields.Date(
        tracking=True,
        readonly=True,
        copy=False,
        help="Set by the server on the day the draft is published, then locked: "
        "every consultation period counts from it (Law 52/2003 art. 7).",
    )
    published_website = fields.Boolean(string="Published on the website")
    published_seat = fields.Boolean(string="Posted at the seat")
    published_media = fields.Boolean(string="Sent to the media")
    earliest_submission_date = fields.Date(
        compute="_compute_earliest_submission_date",
        store=True,
        help="Publication date plus 30 working days (Law 52/2003 art. 7(2)).",
    )
    recommendations_deadline = fields.Date(tracking=True)
    recommendations_deadline_warning = fields.Char(
        compute="_compute_recommendations_deadline_warning"
    )
    urgency = fields.Boolean(tracking=True)
    urgency_justification = fields.Text()
    urgency_approved_by_id = fields.Many2one(
        "res.users",
        string="Urgency approved by",
        readonly=True,
        copy=False,
        groups="base.group_user",
    )
    urgency_approved_date = fields.Datetime(
        readonly=True, copy=False, groups="base.group_user"
    )
    submission_date = fields.Date(readonly=True, copy=False)
    adoption_date = fields.Date(copy=False)
    recommendation_ids = fields.One2many(
        "cic.transparency.recommendation", "draft_id", string="Recommendations"
    )
    recommendation_count = fields.Integer(compute="_compute_recommendation_count")
    debate_request_ids = fields.One2many(
        "cic.transparency.debate.request", "draft_id", string="Debate requests"
    )
    published_attachment_ids = fields.Many2many(
        "ir.attachment",
        "cic_transparency_draft_published_attachment_rel",
        "draft_id",
        "attachment_id",
        string="Published documents",
        copy=False,
        help="The documents shown and downloadable on the website. The other "
        "attachments of the draft are never published.",
    )
    meeting_ids = fields.Many2many(
        "cic.transparency.meeting",
        "cic_transparency_draft_meeting_rel",
        "draft_id",
        "meeting_id",
        string="Public meetings and debates",
    )

    @api.model
    def _cic_website_domain(self):
        """Published on the website and out of preparation."""
        return [("published_website", "=", True), ("state", "!=", "draft")]

    @api.depends("publication_date", "company_id.cic_td_consultation_working_days")
    def _compute_earliest_submission_date(self):
        calendar = self.env["cic.calendar"]
        for draft in self:
            if not draft.publication_date:
                draft.earliest_submission_date = False
                continue
            days = draft.company_id.cic_td_consultation_working_days
            draft.earliest_submission_date = calendar.add_working_days(
                draft.publication_date, days, company=draft.company_id
            )

    @api.depends(
        "publication_date",
        "recommendations_deadline",
        "company_id.cic_td_recommendation_min_days",
    )
    def _compute_recommendations_deadline_warning(self):
        for draft in self:
            minimum = draft._minimum_recommendations_deadline()
            if (
                minimum
                and draft.recommendations_deadline
                and draft.recommendations_deadline < minimum
            ):
                draft.recommendations_deadline_warning = self.env._(
                    "The recommendations period is shorter than %(days)s calendar "
                    "days: the deadline should be on or after %(date)s "
                    "(Law 52/2003 art. 7(4)).",
                    days=draft.company_id.cic_td_recommendation_min_days,
                    date=minimum.strftime("%d.%m.%Y"),
                )
            else:
                draft.recommendations_deadline_warning = False

    @api.depends("recommendation_ids")
    def _compute_recommendation_count(self):
        for draft in self:
            draft.recommendation_count = len(draft.recommendation_ids)

    def _minimum_recommendations_deadline(self):
        self.ensure_one()
        if not self.publication_date:
            return False
        days = self.company_id.cic_td_recommendation_min_days
        return self.publication_date + timedelta(days=days)

    @api.onchange("publication_date", "recommendations_deadline")
    def _onchange_recommendations_deadline(self):
        if self.recommendations_deadline_warning:
            return {
                "warning": {
                    "title": self.env._("Recommendations period too short"),
                    "message": self.recommendations_deadline_warning,
                }
            }
        if self.publication_date and not self.recommendations_deadline:
            self.recommendations_deadline = self._minimum_recommendations_deadline()

    def action_publish(self):
        for draft in self:
            if draft.state != "draft":
                raise UserError(
                    self.env._("Only a draft in preparation can be published.")
                )
            draft.check_access("write")
            # the server dates the publication (the field is locked for clients)
            draft.sudo().write(
                {
                    "state": "published",
                    "publication_date": self.env["cic.calendar"].today(),
                }
            )
            if not draft.recommendations_deadline:
                draft.recommendations_deadline = (
                    draft._minimum_recommendations_deadline()
                )

    def action_approve_urgency(self):
        """The head of the authority approves the urgency exception (art. 7(13))."""
        if not self.env.user.has_group("cic_registry.group_cic_secretary"):
            raise UserError(
                self.env._("Only the head of the authority can approve the urgency.")
            )
        for draft in self:
            if not draft.urgency or not (draft.urgency_justification or "").strip():
                raise UserError(
                    self.env._(
                        "Mark the draft as urgent and write the justification before "
                        "the approval."
                    )
                )
            draft.write(
                {
                    "urgency_approved_by_id": self.env.user.id,
                    "urgency_approved_date": fields.Datetime.now(),
                }
            )

    def action_submit(self):
        """Move to 'submitted for approval', not before the consultation ends."""
        today = self.env["cic.calendar"].today()
        for draft in self:
            if draft.state != "published":
                raise UserError(
                    self.env._("Only a draft under consultation can be submitted.")
                )
            too_early = today < draft.earliest_submission_date
            if too_early and not (draft.urgency and draft.urgency_approved_by_id):
                raise UserError(
                    self.env._(
                        "The draft cannot be submitted before %(date)s (30 working "
                        "days after publication, Law 52/2003 art. 7(2)) unless an "
                        "urgency "
                        "with justification is approved by the head of the authority.",
                        date=draft.earliest_submission_date.strftime("%d.%m.%Y"),
                    )
                )
            draft.write({"state": "submitted", "submission_date": today})

    def action_adopt(self):
        for draft in self:
            if draft.state != "submitted":
                raise UserError(self.env._("Only a submitted draft can be adopted."))
            draft.write(
                {
                    "state": "adopted",
                    "adoption_date": draft.adoption_date
                    or self.env["cic.calendar"].today(),
                }
            )

    def action_withdraw(self):
        self.write({"state": "withdrawn"})

    def _cic_check_publication_date(self, vals):
        """No client sets or moves the publication date: it starts the legal
        consultation terms and is dated by ``action_publish`` only."""
        if "publication_date" in vals and not self.env.su:
            raise UserError(
                self.env._(
                    "The publication date is set by the system when the draft is "
                    "published and cannot be typed or changed."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._cic_check_publication_date(vals)
        drafts = super().create(vals_list)
        drafts._cic_claim_published_attachments()
        return drafts

    def write(self, vals):
        self._cic_check_publication_date(vals)
        if "urgency" in vals or "urgency_justification" in vals:
            # A changed urgency needs a fresh approval.
            vals = dict(vals, urgency_approved_by_id=False, urgency_approved_date=False)
        result = super().write(vals)
        if "published_attachment_ids" in vals:
            self._cic_claim_published_attachments()
        return result

    def _cic_claim_published_attachments(self):
        """Documents uploaded before the draft was saved (``res_id`` 0, by this user)
        become the draft's; then every published document must be the draft's own."""
        for draft in self.filtered("published_attachment_ids"):
            documents = draft.published_attachment_ids.sudo()
            documents.filtered(
                lambda a, d=draft: a.res_model == d._name
                and not a.res_id
                and a.create_uid == self.env.user
            ).write({"res_id": draft.id})
            foreign = documents.filtered(
                lambda a, d=draft: a.res_model != d._name or a.res_id != d.id
            )
            if foreign:
                raise ValidationError(
                    self.env._(
                        "Only documents attached to the draft can be published: "
                        "%(names)s.",
                        names=", ".join(foreign.mapped("name")),
                    )
                )

    def _cic_published_documents(self):
        """The documents of this draft shown on the website, in upload order."""
        self.ensure_one()
        return self.published_attachment_ids.filtered(
            lambda a: a.res_model == self._name and a.res_id == self.id
        ).sorted("id")
