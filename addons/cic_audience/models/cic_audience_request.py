# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import logging
from datetime import timedelta

import psycopg2

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL

_logger = logging.getLogger(__name__)

BOOKED_STATES = ("scheduled", "done")
PARAM_CANCEL_LIMIT = "cic_audience.cancel_limit_hours"
PARAM_REMINDER = "cic_audience.reminder_hours"
PARAM_REPEAT_DAYS = "cic_audience.repeat_days"
PARAM_MAX_OPEN = "cic_audience.max_open_bookings"
AUDIENCE_CHANNEL = "cic_registry.helpdesk_ticket_channel_audience"
# Results of the actions (who cancelled, the resulting petition, the calendar event,
# the reminder): written by the actions only, as the server, never by a client.
ACTION_FIELDS = frozenset(
    {"cancelled_by", "petition_ticket_id", "event_id", "reminder_sent"}
)


class CicAudienceRequest(models.Model):
    """A citizen's request for an audience with an official, registered in the
    general register, scheduled on a free slot of the official's programme (a
    ``calendar.event``), and, once held, an entry of the audiences register.

    Double booking is prevented by PostgreSQL: an exclusion constraint on
    (official, seat, time range) and one on (room, time range) of the booked
    requests, so two transactions booking the same slot cannot both commit.
    """

    _name = "cic.audience.request"
    _description = "Audience request"
    _inherit = ["cic.registration.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "slot_start desc, id desc"
    _rec_names_search = ["cic_registration_number", "subject", "partner_id"]

    official_id = fields.Many2one(
        "cic.audience.official",
        string="Official",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
    )
    official_user_id = fields.Many2one(
        related="official_id.user_id", store=True, string="Official user"
    )
    partner_id = fields.Many2one(
        "res.partner", string="Citizen", required=True, index=True, tracking=True
    )
    email = fields.Char(related="partner_id.email")
    phone = fields.Char(related="partner_id.phone")
    subject = fields.Char(required=True, tracking=True)
    topic_id = fields.Many2one("cic.audience.topic", string="Subject category")
    description = fields.Text(string="Details")
    channel = fields.Selection(
        [
            ("counter", "Counter"),
            ("phone", "Phone"),
            ("email", "E-mail"),
            ("online", "Online"),
        ],
        required=True,
        default="counter",
    )
    preferred_slots = fields.Text(
        help="When the citizen would prefer to be received, in their own words."
    )
    document_ids = fields.Many2many(
        "ir.attachment",
        "cic_audience_request_attachment_rel",
        "request_id",
        "attachment_id",
        string="Documents",
    )
    ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Prior registry entry",
        help="A petition already registered on the same matter.",
    )
    state = fields.Selection(
        [
            ("draft", "Registered"),
            ("scheduled", "Scheduled"),
            ("done", "Held"),
            ("cancel", "Cancelled"),
        ],
        required=True,
        default="draft",
        tracking=True,
        copy=False,
    )
    # Booking
    slot_start = fields.Datetime(string="Audience start", copy=False, tracking=True)
    slot_stop = fields.Datetime(string="Audience end", copy=False)
    audience_date = fields.Date(compute="_compute_audience_date", store=True)
    seat = fields.Integer(
        copy=False, default=1, help="Place taken in a slot with capacity."
    )
    room_id = fields.Many2one("cic.audience.room", string="Room", copy=False)
    slot_booked = fields.Boolean(
        compute="_compute_slot_booked", store=True, copy=False, index=True
    )
    event_id = fields.Many2one(
        "calendar.event", string="Calendar event", copy=False, readonly=True
    )
    reminder_sent = fields.Boolean(copy=False, readonly=True)
    cancelled_by = fields.Selection(
        [("institution", "Institution"), ("citizen", "Citizen")],
        copy=False,
        readonly=True,
    )
    cancel_reason = fields.Char(copy=False)
    # Register
    documents_presented = fields.Text()
    outcome = fields.Selection(
        [
            ("solved", "Solved in audience"),
            ("petition", "Turned into a petition"),
            ("redirected", "Redirected"),
            ("no_show", "No-show"),
        ],
        tracking=True,
        copy=False,
    )
    solved_percent = fields.Float(
        string="% solved in audience",
        compute="_compute_solved_percent",
        store=True,
        aggregator="avg",
        help="100 for an audience solved on the spot, 0 otherwise: its average over "
        "the register is the share of audiences solved in audience (R-AUD-5).",
    )
    redirected_to = fields.Char(help="Department or authority the citizen was sent to.")
    minute = fields.Html(string="Minute", copy=False)
    petition_ticket_id = fields.Many2one(
        "helpdesk.ticket", string="Resulting petition", copy=False, readonly=True
    )
    repeat_request_ids = fields.Many2many(
        "cic.audience.request", compute="_compute_repeat_request_ids"
    )
    repeat_count = fields.Integer(compute="_compute_repeat_request_ids")

    _sql_constraints = [
        (
            "official_slot_excl",
            "EXCLUDE USING gist (int4range(official_id, official_id, '[]') WITH &&, "
            "int4range(seat, seat, '[]') WITH &&, "
            "tsrange(slot_start, slot_stop) WITH &&) "
            "WHERE (slot_booked)",
            "This slot of the official is already taken.",
        ),
        (
            "room_slot_excl",
            "EXCLUDE USING gist (int4range(room_id, room_id, '[]') WITH &&, "
            "tsrange(slot_start, slot_stop) WITH &&) "
            "WHERE (slot_booked AND room_id IS NOT NULL AND seat = 1)",
            "The room is already taken at that time.",
        ),
        (
            "slot_consistent",
            "CHECK (slot_booked IS NOT TRUE OR "
            "(slot_start IS NOT NULL AND slot_stop > slot_start AND seat >= 1))",
            "A booked audience needs a start before its end.",
        ),
    ]

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("cic_registration_number", "partner_id", "subject")
    def _compute_display_name(self):
        for request in self:
            parts = [
                request.cic_registration_number,
                request.partner_id.name,
                request.subject,
            ]
            request.display_name = " - ".join(p for p in parts if p)

    @api.depends("state", "slot_start")
    def _compute_slot_booked(self):
        for request in self:
            request.slot_booked = (
                bool(request.slot_start) and request.state in BOOKED_STATES
            )

    @api.depends("outcome")
    def _compute_solved_percent(self):
        for request in self:
            request.solved_percent = 100.0 if request.outcome == "solved" else 0.0

    # One definition of "% solved in audience" (R-AUD-5) for the register (its
    # pivot's average) and the KPIs (cic_performance): solved over *held*
    # audiences, a no-show or an audience not held yet counting in neither.
    @api.model
    def _cic_held_sql(self, alias):
        """SQL condition: the audience was held (done, the citizen came)."""
        return SQL(
            "(%s = 'done' AND %s IS DISTINCT FROM 'no_show')",
            SQL.identifier(alias, "state"),
            SQL.identifier(alias, "outcome"),
        )

    @api.model
    def _cic_solved_sql(self, alias):
        """SQL condition: the audience was held and solved on the spot."""
        return SQL(
            "(%s AND %s = 'solved')",
            self._cic_held_sql(alias),
            SQL.identifier(alias, "outcome"),
        )

    @api.model
    def _cic_solved_pct_sql(self, alias):
        """SQL aggregate: % solved of the held audiences (NULL when none held)."""
        return SQL(
            "round(100.0 * count(*) FILTER (WHERE %s) "
            "/ NULLIF(count(*) FILTER (WHERE %s), 0), 2)::float",
            self._cic_solved_sql(alias),
            self._cic_held_sql(alias),
        )

    def _read_group_select(self, aggregate_spec, query):
        """The register's average of ``solved_percent`` is the share above."""
        result = super()._read_group_select(aggregate_spec, query)  # access checks
        if aggregate_spec == "solved_percent:avg":
            return self._cic_solved_pct_sql(self._table)
        return result

    @api.depends("slot_start", "official_id.tz")
    def _compute_audience_date(self):
        for request in self:
            request.audience_date = (
                request.official_id._local_date(request.slot_start)
                if request.slot_start and request.official_id
                else False
            )

    @api.depends("partner_id", "topic_id", "subject")
    def _compute_repeat_request_ids(self):
        for request in self:
            repeats = request._find_repeats()
            request.repeat_request_ids = repeats
            request.repeat_count = len(repeats)

    def _find_repeats(self):
        """Earlier requests of the same person on the same subject (same category,
        or same subject text) within the configured window (R-AUD-4)."""
        self.ensure_one()
        if not self.partner_id or not (self.topic_id or self.subject):
            return self.browse()
        days = int(
            self.env["ir.config_parameter"].sudo().get_param(PARAM_REPEAT_DAYS, 365)
        )
        since = fields.Datetime.now() - timedelta(days=days)
        partner = self.partner_id.commercial_partner_id
        same_subject = [("subject", "=ilike", (self.subject or "").strip())]
        if self.topic_id:
            same_subject = ["|", ("topic_id", "=", self.topic_id.id)] + same_subject
        domain = [
            ("partner_id", "child_of", partner.id),
            ("state", "!=", "cancel"),
            ("create_date", ">=", since),
            *same_subject,
        ]
        if self.id:
            domain.append(("id", "!=", self.id))
        return self.search(domain)

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_identification(vals.get("partner_id"))
            self._cic_check_action_fields({k: v for k, v in vals.items() if v})
        return self._cic_create_registered(vals_list, super().create)

    def write(self, vals):
        self._cic_check_action_fields(vals)
        if "partner_id" in vals:
            self._check_identification(vals["partner_id"])
        return super().write(vals)

    @api.model
    def _cic_check_action_fields(self, vals):
        """A client never sets nor clears the results of the actions, whatever its
        context: only the server writes them (``_cic_action_write``)."""
        if not self.env.su and ACTION_FIELDS & set(vals):
            raise AccessError(
                self.env._(
                    "Who cancelled an audience, its calendar event, its reminder and "
                    "the petition it became are recorded by the actions only."
                )
            )

    def _cic_action_write(self, vals):
        """Write the results of an action as the server, once the action checked
        what it allows; the user must still be allowed to change these requests
        (sudo keeps him as the author of the tracking)."""
        self.check_access("write")
        return self.sudo().write(vals)

    @api.model
    def _check_identification(self, partner_id):
        """A request must identify the citizen: a name and a way to reach them
        (e-mail, phone or postal address)."""
        partner = (
            self.env["res.partner"].browse(partner_id).exists() if partner_id else None
        )
        if not partner or not (partner.name or "").strip():
            raise ValidationError(
                self.env._(
                    "An audience request must identify the citizen: enter their name "
                    "and an e-mail address, a phone number or a postal address."
                )
            )
        if not (partner.email or partner.phone or partner.street or partner.city):
            raise ValidationError(
                self.env._(
                    "The citizen %(name)s has no e-mail address, phone number or "
                    "postal address: enter one so the audience can be confirmed.",
                    name=partner.name,
                )
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if any(r.state != "draft" or r.cic_registration_number for r in self):
            raise UserError(
                self.env._(
                    "A registered audience request cannot be deleted: "
                    "cancel it instead."
                )
            )

    # ------------------------------------------------------------------
    # Booking
    # ------------------------------------------------------------------
    def _cancel_limit(self):
        hours = self.env["ir.config_parameter"].sudo().get_param(PARAM_CANCEL_LIMIT, 24)
        return timedelta(hours=float(hours))

    def _check_change_allowed(self, now):
        """Rescheduling and cancelling stop ``cancel_limit_hours`` before the
        audience."""
        self.ensure_one()
        if (
            self.slot_start
            and self.state == "scheduled"
            and self.slot_start - self._cancel_limit() < now
        ):
            raise UserError(
                self.env._(
                    "The audience can no longer be changed or cancelled: the limit is "
                    "%(hours)s hours before it starts.",
                    hours=int(self._cancel_limit().total_seconds() // 3600),
                )
            )

    @api.model
    def _cic_check_open_bookings(self, partner):
        """Refuse a new online booking when the citizen (his commercial partner
        and its contacts) already holds ``max_open_bookings`` open audiences:
        registered, or scheduled and still to come. The citizen's row is locked
        so that two bookings sent at once cannot both pass the count."""
        owner = partner.commercial_partner_id
        limit = int(self.env["ir.config_parameter"].sudo().get_param(PARAM_MAX_OPEN, 2))
        self.env.cr.execute(
            SQL("SELECT id FROM res_partner WHERE id = %s FOR UPDATE", owner.id)
        )
        count = self.sudo().search_count(
            [
                ("partner_id", "child_of", owner.id),
                "|",
                ("state", "=", "draft"),
                "&",
                ("state", "=", "scheduled"),
                ("slot_start", ">=", fields.Datetime.now()),
            ]
        )
        if count >= limit:
            raise UserError(
                self.env._(
                    "You already have %(count)s open audience requests, the most "
                    "a citizen may hold at once. Cancel one of them, or wait until "
                    "it is held, to book another.",
                    count=count,
                )
            )

    def _check_can_book(self):
        self.ensure_one()
        if self.state not in ("draft", "scheduled"):
            raise UserError(
                self.env._(
                    "Only a registered or scheduled request can be (re)scheduled."
                )
            )
        if self.official_id.requires_petition and not self.ticket_id:
            raise UserError(
                self.env._(
                    "%(official)s receives citizens only on the basis of a petition "
                    "registered beforehand: link the request to its registry entry.",
                    official=self.official_id.display_name,
                )
            )

    def _cic_book_slot(self, start, now=None):
        """Book (or move the booking to) the slot starting at ``start`` (naive UTC).

        Raises a UserError saying why when the slot cannot be booked; nothing is
        booked then. The PostgreSQL exclusion constraints settle concurrent
        bookings: the seat is claimed in a savepoint, and a conflict tries the
        next seat of the slot, then gives up.
        """
        self.ensure_one()
        now = now or fields.Datetime.now()
        self._check_can_book()
        rescheduling = self.state == "scheduled"
        if rescheduling:
            self._check_change_allowed(now)
        slot = self.official_id._check_slot_bookable(start, now=now, exclude=self)
        self._claim_seat(slot)
        self._sync_event()
        self._send_template("cic_audience.mail_template_audience_confirmation")
        return True

    def _claim_seat(self, slot):
        capacity = self.official_id.capacity
        first_seat = capacity - slot["remaining"] + 1
        values = {
            "slot_start": slot["start"],
            "slot_stop": slot["stop"],
            "room_id": slot["room_id"] or False,
            "state": "scheduled",
            "reminder_sent": False,
        }
        for seat in range(first_seat, capacity + 1):
            try:
                with self.env.cr.savepoint():
                    self._cic_action_write({**values, "seat": seat})
                    self.flush_recordset()
                return seat
            except psycopg2.errors.ExclusionViolation:
                self.invalidate_recordset()
                _logger.info(
                    "Seat %s of %s already taken, trying the next one", seat, slot
                )
        raise UserError(
            self.env._("The chosen slot is already taken. Please choose another one.")
        )

    def _event_values(self):
        self.ensure_one()
        room = self.room_id
        partners = self.official_id.partner_id | self.partner_id
        return {
            "name": self.env._("Audience: %(subject)s", subject=self.subject),
            "start": self.slot_start,
            "stop": self.slot_stop,
            "user_id": self.official_id.user_id.id,
            "partner_ids": [fields.Command.set(partners.ids)],
            "location": ", ".join(p for p in (room.name, room.location) if p),
            "description": self.env._(
                "Audience request %(number)s of %(citizen)s.",
                number=self.cic_registration_number or "",
                citizen=self.partner_id.name,
            ),
            # Private: the citizen's name and matter are personal data; only the
            # attendees see the details, the CIC sees them on the request.
            "privacy": "private",
            "res_model_id": self.env["ir.model"]._get_id(self._name),
            "res_id": self.id,
        }

    def _sync_event(self):
        """Create or move the calendar event of the booked audience."""
        # sudo: a citizen (portal) booking through the portal has no access to
        # calendar events; the event belongs to the official.
        events = (
            self.env["calendar.event"].sudo().with_context(no_mail_to_attendees=True)
        )
        for request in self:
            if request.event_id:
                events.browse(request.event_id.id).write(request._event_values())
            else:
                request._cic_action_write(
                    {"event_id": events.create(request._event_values()).id}
                )

    # ------------------------------------------------------------------
    # Mails
    # ------------------------------------------------------------------
    def _ics_attachment(self):
        self.ensure_one()
        if not self.event_id:
            return self.env["ir.attachment"]
        event = self.event_id.sudo()
        ics = event._get_ics_file().get(event.id)
        if not ics:
            return self.env["ir.attachment"]
        return (
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": "audienta.ics",
                    "mimetype": "text/calendar",
                    "datas": base64.b64encode(ics),
                    "res_model": self._name,
                    "res_id": self.id,
                }
            )
        )

    def _send_template(self, xmlid):
        """Post the template on the chatter and e-mail it to the citizen, with the
        audience as an .ics attachment."""
        template = self.env.ref(xmlid)
        for request in self:
            attachment = request._ics_attachment()
            request.sudo().message_post_with_source(
                template,
                subtype_xmlid="mail.mt_comment",
                attachment_ids=attachment.ids,
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_schedule(self):
        """Open the slot picker."""
        self.ensure_one()
        self._check_can_book()
        wizard = self.env["cic.audience.schedule"].create({"request_id": self.id})
        return wizard._action_open()

    def action_cancel(self):
        return self._cic_cancel("institution")

    def _cic_cancel(self, by, reason=None, now=None):
        """Cancel the audiences (``by`` is ``institution`` or ``citizen``), up to
        the cancellation limit before a scheduled audience."""
        now = now or fields.Datetime.now()
        for request in self:
            if request.state in ("done", "cancel"):
                raise UserError(
                    self.env._("A held or cancelled audience cannot be cancelled.")
                )
            request._check_change_allowed(now)
        scheduled = self.filtered(lambda r: r.state == "scheduled")
        self._cic_action_write(
            {"state": "cancel", "cancelled_by": by, "cancel_reason": reason or False}
        )
        if scheduled:
            scheduled._send_template("cic_audience.mail_template_audience_cancellation")
            scheduled.event_id.sudo().with_context(no_mail_to_attendees=True).write(
                {"active": False}
            )
        return True

    def action_reset_draft(self):
        for request in self:
            if request.state != "cancel":
                raise UserError(self.env._("Only a cancelled request can be reopened."))
        self._cic_action_write(
            {"state": "draft", "cancelled_by": False, "cancel_reason": False}
        )
        return True

    def action_done(self):
        """Close the audience in the register: an outcome is required."""
        for request in self:
            if request.state != "scheduled":
                raise UserError(self.env._("Only a scheduled audience can be closed."))
            if not request.outcome:
                raise UserError(
                    self.env._(
                        "Record the outcome of the audience before closing it in "
                        "the register."
                    )
                )
            if request.outcome == "redirected" and not request.redirected_to:
                raise UserError(self.env._("Say where the citizen was redirected."))
        self.write({"state": "done"})
        return True

    def action_no_show(self):
        self.write({"outcome": "no_show"})
        return self.action_done()

    def action_convert_to_petition(self):
        """Turn the audience into a registered petition whose 30-day term runs
        from the audience date (R-AUD-4)."""
        self.ensure_one()
        if self.petition_ticket_id:
            raise UserError(
                self.env._("This audience was already turned into a petition.")
            )
        if self.state not in ("scheduled", "done") and not self.repeat_count:
            raise UserError(
                self.env._(
                    "Only an audience that took place, or a repeat request, can be "
                    "turned into a petition."
                )
            )
        ticket = self._create_petition()
        values = {"petition_ticket_id": ticket.id, "outcome": "petition"}
        if self.state == "draft":
            values.update(
                state="cancel",
                cancelled_by="institution",
                cancel_reason=self.env._("Turned into a written petition"),
            )
        self._cic_action_write(values)
        self.message_post(
            body=self.env._(
                "Turned into the petition %(number)s.",
                number=ticket.cic_registration_number or ticket.display_name,
            )
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "helpdesk.ticket",
            "res_id": ticket.id,
            "view_mode": "form",
        }

    def _petition_values(self):
        self.ensure_one()
        procedure = self.env["cic.procedure"]._cic_for_commune(
            "petition", self.company_id
        )
        description = self.minute or self.description or self.subject
        return {
            "name": self.subject,
            "description": description,
            "partner_id": self.partner_id.id,
            "cic_procedure_id": procedure.id,
            "channel_id": self.env.ref(AUDIENCE_CHANNEL).id,
            "company_id": self.company_id.id,
            "cic_audience_request_id": self.id,
            "cic_term_start_date": self.audience_date
            or self.env["cic.calendar"].today(),
        }

    def _create_petition(self):
        self.ensure_one()
        return self.env["helpdesk.ticket"]._cic_wf_create(self._petition_values())

    def action_view_repeats(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "cic_audience.cic_audience_request_action"
        )
        action["domain"] = [("id", "in", self.repeat_request_ids.ids)]
        return action

    # ------------------------------------------------------------------
    # Cron
    # ------------------------------------------------------------------
    @api.model
    def _cron_send_reminders(self, now=None):
        """E-mail a reminder ``reminder_hours`` before each scheduled audience."""
        now = now or fields.Datetime.now()
        hours = float(
            self.env["ir.config_parameter"].sudo().get_param(PARAM_REMINDER, 24)
        )
        due = self.search(
            [
                ("state", "=", "scheduled"),
                ("reminder_sent", "=", False),
                ("slot_start", ">", now),
                ("slot_start", "<=", now + timedelta(hours=hours)),
            ]
        )
        for request in due:
            request._send_template("cic_audience.mail_template_audience_reminder")
            request._cic_action_write({"reminder_sent": True})
        return due
