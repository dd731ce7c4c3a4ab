# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Sessions of the local council (issue 17 point 3, Codul administrativ art. 133-134).

Ordinary sessions are held at least once a month; extraordinary ones when needed;
either may be convened "de îndată" (immediately) in force majeure or utmost
urgency. The convocation states the date, time, format (in person, online or
mixed), place or platform, the draft agenda and where the materials are; it is
communicated at least 5 (ordinary) or 3 (extraordinary) days ahead, counted as
CPC art. 181: neither the day of the convocation nor the day of the session
counts, and a term whose last day is not a working day ends on the next working
day (``cic.calendar.due_date(mode="free_days")``). The days are company settings.
"""

from odoo import api, fields, models
from odoo.exceptions import UserError

SESSION_TYPES = [
    ("ordinary", "Ordinary"),
    ("extraordinary", "Extraordinary"),
    ("immediate", "Convened immediately (de îndată)"),
]


class CicCouncilSession(models.Model):
    _name = "cic.council.session"
    _description = "Local council session"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "session_start desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    session_type = fields.Selection(
        SESSION_TYPES, required=True, default="ordinary", tracking=True
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    state = fields.Selection(
        [
            ("draft", "In preparation"),
            ("convened", "Convened"),
            ("held", "Held"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    session_start = fields.Datetime(
        string="Date and time", required=True, tracking=True
    )
    session_date = fields.Date(compute="_compute_session_date", store=True)
    meeting_format = fields.Selection(
        [("physical", "In person"), ("online", "Online"), ("mixed", "Mixed")],
        string="Format",
        required=True,
        default="physical",
        tracking=True,
    )
    location = fields.Char(
        string="Place", help="The meeting room, for sessions held in person."
    )
    platform = fields.Char(
        string="Online platform",
        help="The platform or the link, for online and mixed sessions.",
    )
    convened_by = fields.Char(
        help="The mayor's disposition, or the councillors who convened the " "session."
    )
    convocation_date = fields.Date(
        tracking=True,
        copy=False,
        help="Day the convocation is communicated to the councillors.",
    )
    earliest_session_date = fields.Date(
        compute="_compute_earliest_session_date",
        help="The first day the session may be held after the convocation: the "
        "notice days are free days (CPC art. 181), rolled to a working day.",
    )
    materials_location = fields.Text(
        string="Where the materials are",
        help="Where the councillors find the materials of the agenda (e.g. the "
        "councillors' online folder or the secretary's office).",
    )
    material_ids = fields.Many2many(
        "ir.attachment",
        "cic_council_session_material_rel",
        "session_id",
        "attachment_id",
        string="Materials",
    )
    agenda_item_ids = fields.One2many(
        "cic.council.agenda.item", "session_id", string="Agenda", copy=True
    )
    decision_ids = fields.One2many(
        "cic.council.decision", "session_id", string="Decisions"
    )
    members_in_office = fields.Integer(
        string="Councillors in office", help="Serving councillors."
    )
    members_present = fields.Integer(string="Councillors present")
    chair = fields.Char(string="Session chair")
    minutes = fields.Html(string="Minutes (internal)")
    minutes_file = fields.Binary(
        string="Minutes (PDF to publish)",
        attachment=True,
        copy=False,
        # Visitors read published sessions; Odoo's /web/content would serve them
        # this file before it is checked: the portal streams it only when checked.
        groups="base.group_user",
        help="The minutes of the session as published: a PDF without handwritten "
        "signatures or personal data.",
    )
    minutes_file_name = fields.Char(copy=False)
    minutes_anonymised = fields.Boolean(
        string="Minutes checked: no signatures, no personal data", copy=False
    )
    is_published = fields.Boolean(
        string="Published on the portal",
        copy=False,
        tracking=True,
        help="Published sessions are listed at /cic/council with their "
        "convocation and agenda, and their minutes in the Monitorul Oficial Local.",
    )

    @api.depends("session_type", "session_date")
    def _compute_name(self):
        labels = dict(self._fields["session_type"]._description_selection(self.env))
        for session in self:
            session.name = self.env._(
                "%(type)s session of %(date)s",
                type=labels.get(session.session_type, ""),
                date=session.session_date and session.session_date.strftime("%d.%m.%Y"),
            )

    @api.depends("session_start")
    def _compute_session_date(self):
        calendar = self.env["cic.calendar"]
        for session in self:
            session.session_date = calendar.local_date(session.session_start)

    def _cic_notice_days(self):
        """Free days of notice the session's type needs (None: de îndată)."""
        self.ensure_one()
        company = self.company_id
        return {
            "ordinary": company.cic_council_ordinary_notice_days,
            "extraordinary": company.cic_council_extraordinary_notice_days,
        }.get(self.session_type)

    @api.depends(
        "convocation_date",
        "session_type",
        "company_id.cic_council_ordinary_notice_days",
        "company_id.cic_council_extraordinary_notice_days",
    )
    def _compute_earliest_session_date(self):
        calendar = self.env["cic.calendar"]
        for session in self:
            days = session._cic_notice_days()
            if not session.convocation_date or days is None:
                session.earliest_session_date = session.convocation_date
                continue
            session.earliest_session_date = calendar.due_date(
                session.convocation_date, days, "free_days", company=session.company_id
            )

    def _cic_check_convocation(self):
        self.ensure_one()
        if not self.convocation_date:
            raise UserError(self.env._("Set the date of the convocation."))
        if self.meeting_format in ("online", "mixed") and not self.platform:
            raise UserError(self.env._("Name the platform of an online session."))
        if self.meeting_format in ("physical", "mixed") and not self.location:
            raise UserError(self.env._("Name the place of the session."))
        if not self.agenda_item_ids:
            raise UserError(self.env._("The convocation needs a draft agenda."))
        if self.session_date < self.earliest_session_date:
            raise UserError(
                self.env._(
                    "Convened on %(convocation)s, the session can be held on "
                    "%(earliest)s at the earliest (%(days)s free days, CPC art. "
                    "181; Codul administrativ art. 134). Convene it 'de îndată' "
                    "only in force majeure or utmost urgency.",
                    convocation=self.convocation_date.strftime("%d.%m.%Y"),
                    earliest=self.earliest_session_date.strftime("%d.%m.%Y"),
                    days=self._cic_notice_days(),
                )
            )

    def action_convene(self):
        for session in self:
            if session.state != "draft":
                raise UserError(
                    self.env._("Only a session in preparation is convened.")
                )
            session._cic_check_convocation()
            session.state = "convened"

    def action_held(self):
        for session in self:
            if session.state != "convened":
                raise UserError(self.env._("Only a convened session can be held."))
            session.state = "held"

    def action_cancel(self):
        self.filtered(lambda s: s.state != "held").write({"state": "cancelled"})

    def action_add_submitted_drafts(self):
        """Put on the agenda the Law 52 draft decisions submitted for approval
        that are on no agenda yet, each with its draft decision."""
        Decision = self.env["cic.council.decision"]
        for session in self:
            taken = Decision.search(
                [("transparency_draft_id", "!=", False)]
            ).transparency_draft_id
            drafts = self.env["cic.transparency.draft"].search(
                [
                    ("act_type", "=", "hcl"),
                    ("state", "=", "submitted"),
                    ("company_id", "=", session.company_id.id),
                    ("id", "not in", taken.ids),
                ]
            )
            for draft in drafts:
                decision = Decision.create(
                    {
                        "name": draft.name,
                        "initiator": draft.initiator,
                        "transparency_draft_id": draft.id,
                        "session_id": session.id,
                        "company_id": session.company_id.id,
                        "members_in_office": session.members_in_office,
                        "members_present": session.members_present,
                    }
                )
                session.agenda_item_ids = [
                    (0, 0, {"name": draft.name, "decision_id": decision.id})
                ]

    def write(self, vals):
        if "minutes_file" in vals or "minutes_anonymised" in vals:
            self._cic_check_minutes(vals)
        return super().write(vals)

    def _cic_check_minutes(self, vals):
        name = vals.get("minutes_file_name")
        if vals.get("minutes_file") and name and not name.lower().endswith(".pdf"):
            raise UserError(self.env._("The published minutes must be a PDF."))
