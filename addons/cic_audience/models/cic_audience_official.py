# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import Counter
from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.base.models.res_partner import _tz_get

DEFAULT_TZ = "Europe/Bucharest"


class CicAudienceOfficial(models.Model):
    """An official who receives citizens in audience, with their programme.

    Any internal user can be made an official (mayor, deputy mayor, secretary
    general, a department head ...). The programme is a set of weekly windows
    cut into slots of ``slot_duration`` minutes, each taking ``capacity``
    audiences; institution holidays (``cic.calendar``), closures and leaves are
    never offered. Published programmes are shown on the portal (Law 544/2001
    art. 5(1)(b)).
    """

    _name = "cic.audience.official"
    _description = "Audience official and programme"
    _inherit = ["mail.thread"]
    _order = "sequence, name"

    name = fields.Char(related="user_id.name", store=True, readonly=True)
    sequence = fields.Integer(default=10)
    user_id = fields.Many2one(
        "res.users",
        string="Official",
        required=True,
        index=True,
        ondelete="restrict",
        domain="[('share', '=', False)]",
        tracking=True,
    )
    partner_id = fields.Many2one(related="user_id.partner_id")
    job_title = fields.Char(
        string="Function",
        help="E.g. Mayor, Deputy mayor, Secretary general.",
    )
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    published = fields.Boolean(
        tracking=True,
        help="Published programmes are shown on the portal and count for the "
        "Law 544/2001 art. 5(1)(b) checklist.",
    )
    requires_petition = fields.Boolean(
        string="Requires a prior petition",
        help="Citizens are received only on the basis of a petition already "
        "registered in the general register.",
    )
    tz = fields.Selection(
        _tz_get, string="Time zone", required=True, default=DEFAULT_TZ
    )
    slot_duration = fields.Integer(
        string="Slot length (minutes)", required=True, default=15
    )
    capacity = fields.Integer(
        string="Audiences per slot",
        required=True,
        default=1,
        help="How many citizens (or groups) can be booked in the same slot.",
    )
    date_from = fields.Date(string="Valid from")
    date_to = fields.Date(string="Valid until")
    room_id = fields.Many2one(
        "cic.audience.room", string="Default room", help="Where the audiences are held."
    )
    programme_line_ids = fields.One2many(
        "cic.audience.programme.line", "official_id", string="Programme", copy=True
    )
    closure_ids = fields.One2many(
        "cic.audience.closure", "official_id", string="Leaves and closures"
    )
    notes = fields.Text(string="Public notes")
    programme_summary = fields.Text(compute="_compute_programme_summary")
    request_count = fields.Integer(compute="_compute_request_count")

    _sql_constraints = [
        (
            "user_company_uniq",
            "unique(user_id, company_id)",
            "This user is already an audience official of the company.",
        ),
    ]

    @api.depends("name", "job_title")
    def _compute_display_name(self):
        for official in self:
            if official.job_title:
                official.display_name = f"{official.name} ({official.job_title})"
            else:
                official.display_name = official.name

    @api.depends(
        "programme_line_ids.dayofweek",
        "programme_line_ids.hour_from",
        "programme_line_ids.hour_to",
        "programme_line_ids.room_id",
        "room_id",
    )
    def _compute_programme_summary(self):
        days = dict(
            self.env["cic.audience.programme.line"]
            ._fields["dayofweek"]
            ._description_selection(self.env)
        )
        for official in self:
            rows = []
            for line in official.programme_line_ids.sorted(
                lambda ln: (ln.dayofweek, ln.hour_from)
            ):
                room = line._effective_room()
                hours = (
                    f"{_float_to_hhmm(line.hour_from)}-{_float_to_hhmm(line.hour_to)}"
                )
                place = f", {room.name}" if room else ""
                rows.append(f"{days[line.dayofweek]} {hours}{place}")
            official.programme_summary = "\n".join(rows)

    def _compute_request_count(self):
        groups = self.env["cic.audience.request"]._read_group(
            [("official_id", "in", self.ids)], ["official_id"], ["__count"]
        )
        counts = {official.id: count for official, count in groups}
        for official in self:
            official.request_count = counts.get(official.id, 0)

    @api.constrains("slot_duration", "capacity", "date_from", "date_to")
    def _check_programme(self):
        for official in self:
            if official.slot_duration < 5:
                raise ValidationError(
                    self.env._("A slot must last at least 5 minutes.")
                )
            if official.capacity < 1:
                raise ValidationError(
                    self.env._("A slot must take at least one audience.")
                )
            if (
                official.date_from
                and official.date_to
                and official.date_to < official.date_from
            ):
                raise ValidationError(
                    self.env._("The programme must end after it starts.")
                )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        officials = super().create(vals_list)
        officials.filtered("published")._touch_exofficio_item()
        return officials

    def write(self, vals):
        res = super().write(vals)
        if {"published", "programme_line_ids", "room_id", "slot_duration"} & set(vals):
            self.filtered("published")._touch_exofficio_item()
        return res

    def _touch_exofficio_item(self):
        """Mark the Law 544 art. 5(1)(b) item (audience programme) of the
        registry's ex officio checklist as updated today."""
        if not self or "cic.exofficio.item" not in self.env:
            return
        items = (
            self.env["cic.exofficio.item"]
            .sudo()
            .search([("letter", "=", "b"), ("company_id", "in", self.company_id.ids)])
        )
        items.write({"last_update_date": self.env["cic.calendar"].today()})

    # ------------------------------------------------------------------
    # Slots
    # ------------------------------------------------------------------
    def _local_date(self, value):
        """Local date (official's time zone) of a naive UTC datetime."""
        self.ensure_one()
        tz = pytz.timezone(self.tz or DEFAULT_TZ)
        return pytz.utc.localize(value).astimezone(tz).date()

    def _programme_slots(self, day):
        """Slots of the weekly programme on local date ``day`` as a list of
        ``(start, stop, programme_line)``, start/stop naive UTC. Ignores holidays,
        closures and bookings."""
        self.ensure_one()
        if (self.date_from and day < self.date_from) or (
            self.date_to and day > self.date_to
        ):
            return []
        tz = pytz.timezone(self.tz or DEFAULT_TZ)
        step = self.slot_duration
        slots = []
        lines = self.programme_line_ids.filtered(
            lambda ln: int(ln.dayofweek) == day.weekday()
        )
        for line in lines:
            minute, end = round(line.hour_from * 60), round(line.hour_to * 60)
            while minute + step <= end:
                local = datetime.combine(day, time()) + timedelta(minutes=minute)
                start = tz.localize(local).astimezone(pytz.utc).replace(tzinfo=None)
                slots.append((start, start + timedelta(minutes=step), line))
                minute += step
        return slots

    def _closures_between(self, start, stop):
        """Leaves and closures of this official, and general closures, that
        overlap [start, stop)."""
        self.ensure_one()
        return (
            self.env["cic.audience.closure"]
            .sudo()
            .search(
                [
                    ("company_id", "=", self.company_id.id),
                    "|",
                    ("official_id", "=", self.id),
                    ("official_id", "=", False),
                    ("date_start", "<", stop),
                    ("date_stop", ">", start),
                ]
            )
        )

    def _bookings_between(self, start, stop, exclude=None):
        """Booked requests that matter for this official in [start, stop): its
        own, and other officials' bookings in the rooms of its programme."""
        self.ensure_one()
        rooms = self.programme_line_ids.room_id | self.room_id
        domain = [
            ("slot_booked", "=", True),
            ("slot_start", "<", stop),
            ("slot_stop", ">", start),
            "|",
            ("official_id", "=", self.id),
            ("room_id", "in", rooms.ids),
        ]
        if exclude:
            domain.append(("id", "not in", exclude.ids))
        # sudo: a citizen choosing a slot must know that it is taken without
        # seeing who took it; only counts and room intervals leave this method.
        return self.env["cic.audience.request"].sudo().search(domain)

    def _free_slots_of_day(self, day, bookings, closures, now, exclude=None):
        self.ensure_one()
        own = Counter(b.slot_start for b in bookings if b.official_id == self)
        others = bookings.filtered(lambda b: b.official_id != self)
        free = []
        for start, stop, line in self._programme_slots(day):
            if start <= now or closures._overlaps(start, stop):
                continue
            room = line._effective_room()
            if room and any(
                b.room_id == room and b.slot_start < stop and b.slot_stop > start
                for b in others
            ):
                continue
            remaining = self.capacity - own[start]
            if remaining > 0:
                free.append(
                    {
                        "official_id": self.id,
                        "start": start,
                        "stop": stop,
                        "room_id": room.id,
                        "remaining": remaining,
                    }
                )
        return free

    def _get_free_slots(self, date_from, date_to, now=None, exclude=None):
        """Free audience slots of the officials in ``self``.

        :param date_from, date_to: local dates (inclusive)
        :param now: naive UTC datetime; slots starting at or before it are past
        :param exclude: ``cic.audience.request`` records whose booking is ignored
            (the request being rescheduled)
        :return: list of dicts ``{official_id, start, stop, room_id, remaining}``,
            ``start``/``stop`` naive UTC datetimes, sorted by start then official
        """
        now = now or fields.Datetime.now()
        calendar = self.env["cic.calendar"]
        slots = []
        for official in self:
            window_start = datetime.combine(date_from, time()) - timedelta(days=1)
            window_stop = datetime.combine(date_to, time()) + timedelta(days=2)
            bookings = official._bookings_between(window_start, window_stop, exclude)
            closures = official._closures_between(window_start, window_stop)
            day = date_from
            while day <= date_to:
                if calendar.is_working_day(
                    day, company=official.company_id, for_deadline=False
                ):
                    slots += official._free_slots_of_day(
                        day, bookings, closures, now, exclude
                    )
                day += timedelta(days=1)
        return sorted(slots, key=lambda s: (s["start"], s["official_id"]))

    def _check_slot_bookable(self, start, now=None, exclude=None):
        """Explain, with a UserError, why ``start`` (naive UTC) cannot be booked
        with this official; return the matching free slot dict otherwise."""
        self.ensure_one()
        now = now or fields.Datetime.now()
        if start <= now:
            raise UserError(self.env._("The chosen slot is in the past."))
        day = self._local_date(start)
        if not self.env["cic.calendar"].is_working_day(
            day, company=self.company_id, for_deadline=False
        ):
            raise UserError(
                self.env._(
                    "%(day)s is not a working day of the institution: no audiences.",
                    day=day.strftime("%d.%m.%Y"),
                )
            )
        matching = [s for s in self._programme_slots(day) if s[0] == start]
        if not matching:
            raise UserError(
                self.env._(
                    "The chosen time is outside the audience programme of "
                    "%(official)s.",
                    official=self.display_name,
                )
            )
        stop = matching[0][1]
        if self._closures_between(start, stop):
            raise UserError(
                self.env._(
                    "%(official)s does not hold audiences at that time "
                    "(leave or closure).",
                    official=self.display_name,
                )
            )
        free = self._free_slots_of_day(
            day,
            self._bookings_between(start, stop, exclude),
            self.env["cic.audience.closure"],
            now,
        )
        slot = next((s for s in free if s["start"] == start), None)
        if not slot:
            raise UserError(
                self.env._(
                    "The chosen slot is already taken. Please choose another one."
                )
            )
        return slot

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_view_requests(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "cic_audience.cic_audience_request_action"
        )
        action["domain"] = [("official_id", "=", self.id)]
        action["context"] = {"default_official_id": self.id}
        return action


def _float_to_hhmm(value):
    hours, minutes = divmod(round(value * 60), 60)
    return f"{hours:02d}:{minutes:02d}"
