# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The front-desk log (issue 17 point 1): every citizen counselled or informed on
the spot (at the counter, on the phone, on the citizen's phone line, by e-mail).

A contact is recorded in seconds: only the topic has to be typed, the channel
(walk-in), the outcome (answered on the spot), the arrival and service times (now)
and the clerk come as defaults. A citizen who waits is recorded on arrival
(context ``cic_frontdesk_arrival``: no service start) and called with *Call next*.
The waiting time from arrival to service is the CIC manual's counter waiting-time
indicator; it is counted for walk-ins only (``waiting_counted``). A contact that
needs a written answer is registered as a petition or a Law 544 request in one
click (``action_register_petition`` / ``action_register_foi``), or referred to
another institution of the directory (``cic.institution``).
"""

import math

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

CHANNELS = [
    ("walk_in", "Walk-in"),
    ("phone", "Phone"),
    ("phone_line", "Citizen's phone line"),
    ("email", "E-mail"),
    ("other", "Other"),
]
OUTCOMES = [
    ("answered", "Answered on the spot"),
    ("registered", "Registered as a request"),
    ("referred", "Referred to another institution"),
]
# Front-desk channel -> the registry channel of the entry it becomes.
TICKET_CHANNELS = {
    "walk_in": "cic_registry.helpdesk_ticket_channel_counter",
    "phone": "helpdesk_mgmt.helpdesk_ticket_channel_phone",
    "phone_line": "cic_registry.helpdesk_ticket_channel_phone_line",
    "email": "helpdesk_mgmt.helpdesk_ticket_channel_email",
    "other": "helpdesk_mgmt.helpdesk_ticket_channel_other",
}


def _percentile(values, share):
    """Nearest-rank percentile of a list of numbers (0 for an empty list)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return float(ordered[max(math.ceil(share * len(ordered)) - 1, 0)])


class CicFrontdeskContact(models.Model):
    _name = "cic.frontdesk.contact"
    _description = "Front-desk contact"
    _order = "arrival_time desc, id desc"

    topic_id = fields.Many2one(
        "cic.frontdesk.topic",
        string="Topic",
        required=True,
        index=True,
        domain="['|', ('company_id', '=', False), ('company_id', '=', company_id)]",
        group_expand="_read_group_topic_ids",
        help="What the citizen asked about.",
    )
    channel = fields.Selection(
        CHANNELS,
        required=True,
        default="walk_in",
        index=True,
        help="How the citizen reached the CIC. The citizen's phone line is the "
        "number set in the company settings.",
    )
    outcome = fields.Selection(
        OUTCOMES,
        required=True,
        default="answered",
        index=True,
        help="Answered on the spot; registered as a petition or a public-information "
        "request (buttons on the contact); or referred to another institution.",
    )
    note = fields.Char(
        string="Question in brief",
        help="A few words on what was asked and answered; it becomes the subject of "
        "the registered request. No personal data is needed here.",
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Citizen",
        help="Optional: the citizen, when he gave his name (needed to register a "
        "request in his name).",
    )
    arrival_time = fields.Datetime(
        string="Arrival",
        required=True,
        default=fields.Datetime.now,
        help="When the citizen arrived at the counter (or called, or wrote).",
    )
    service_start = fields.Datetime(
        string="Service start",
        default=lambda self: (
            False
            if self.env.context.get("cic_frontdesk_arrival")
            else fields.Datetime.now()
        ),
        help="When the clerk started serving him. Empty while he waits: 'Call next' "
        "sets it.",
    )
    duration = fields.Integer(
        string="Duration (min)",
        aggregator="avg",
        help="How long the counselling took, in minutes.",
    )
    waiting_minutes = fields.Float(
        string="Waiting time (min)",
        compute="_compute_waiting",
        store=True,
        aggregator="avg",
        digits=(16, 1),
        help="Minutes from arrival to the start of service.",
    )
    waiting_counted = fields.Boolean(
        string="Counts for waiting time",
        compute="_compute_waiting",
        store=True,
        help="Walk-ins that were served: the counter waiting-time indicator counts "
        "these.",
    )
    state = fields.Selection(
        [("waiting", "Waiting"), ("served", "Served")],
        compute="_compute_state",
        store=True,
        index=True,
    )
    contact_date = fields.Date(
        string="Date",
        compute="_compute_contact_date",
        store=True,
        index=True,
        help="Local date of arrival (institution time zone).",
    )
    institution_id = fields.Many2one(
        "cic.institution",
        string="Referred to",
        help="The institution the citizen was referred to (required for a referral).",
    )
    ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Registered entry",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The petition or request registered from this contact.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Clerk",
        required=True,
        default=lambda self: self.env.user,
        index=True,
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    phone_line_number = fields.Char(
        related="company_id.cic_phone_line_number",
        string="Phone line number",
    )

    @api.depends("arrival_time", "service_start", "channel")
    def _compute_waiting(self):
        for contact in self:
            if contact.arrival_time and contact.service_start:
                delta = contact.service_start - contact.arrival_time
                contact.waiting_minutes = round(delta.total_seconds() / 60.0, 1)
            else:
                contact.waiting_minutes = 0.0
            contact.waiting_counted = bool(
                contact.service_start and contact.channel == "walk_in"
            )

    @api.depends("service_start")
    def _compute_state(self):
        for contact in self:
            contact.state = "served" if contact.service_start else "waiting"

    @api.depends("arrival_time")
    def _compute_contact_date(self):
        calendar = self.env["cic.calendar"]
        for contact in self:
            contact.contact_date = calendar.local_date(contact.arrival_time)

    @api.depends("topic_id", "arrival_time")
    def _compute_display_name(self):
        for contact in self:
            when = contact.arrival_time and fields.Datetime.context_timestamp(
                contact, contact.arrival_time
            ).strftime("%d.%m.%Y %H:%M")
            contact.display_name = " – ".join(
                part for part in (contact.topic_id.name, when) if part
            )

    @api.model
    def _read_group_topic_ids(self, topics, domain):
        """Every topic the clerk may use is a column of the counter's kanban, so a
        contact on a topic nobody has asked about today is one click away; an
        archived topic stays a column while it has contacts."""
        return topics.with_context(active_test=False).search(
            ["|", ("active", "=", True), ("id", "in", topics.ids)]
        )

    @api.constrains("arrival_time", "service_start")
    def _check_service_after_arrival(self):
        for contact in self:
            if contact.service_start and contact.service_start < contact.arrival_time:
                raise ValidationError(
                    self.env._("The service cannot start before the citizen arrived.")
                )

    @api.constrains("outcome", "institution_id")
    def _check_referral_institution(self):
        for contact in self:
            if contact.outcome == "referred" and not contact.institution_id:
                raise ValidationError(
                    self.env._("Choose the institution the citizen was referred to.")
                )

    @api.constrains("duration")
    def _check_duration(self):
        if any(contact.duration < 0 for contact in self):
            raise ValidationError(self.env._("The duration cannot be negative."))

    # ------------------------------------------------------------------
    # The counter's queue
    # ------------------------------------------------------------------
    def action_start_service(self):
        """Serve this waiting citizen now."""
        for contact in self.filtered(lambda c: not c.service_start):
            contact.write(
                {"service_start": fields.Datetime.now(), "user_id": self.env.uid}
            )
        return True

    @api.model
    def _cic_next_waiting(self):
        return self.search(
            [("state", "=", "waiting"), ("company_id", "=", self.env.company.id)],
            order="arrival_time, id",
            limit=1,
        )

    def action_call_next(self):
        """Call the citizen who has waited longest and open his contact."""
        contact = self._cic_next_waiting()
        if not contact:
            raise UserError(self.env._("Nobody is waiting."))
        contact.action_start_service()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": contact.id,
            "view_mode": "form",
            "target": "current",
        }

    # ------------------------------------------------------------------
    # One-click registration
    # ------------------------------------------------------------------
    def action_register_petition(self):
        return self._cic_register("petition")

    def action_register_foi(self):
        return self._cic_register("foi_request")

    def _cic_ticket_values(self, procedure):
        self.ensure_one()
        subject = self.note or self.topic_id.name
        return {
            "name": subject,
            "description": self.note or subject,
            "partner_id": self.partner_id.id,
            "cic_procedure_id": procedure.id,
            "channel_id": self.env.ref(TICKET_CHANNELS[self.channel]).id,
            "company_id": self.company_id.id,
        }

    def _cic_register(self, code):
        """Register the contact as an entry of the procedure ``code``, numbered,
        and link it back; opens the entry to complete."""
        self.ensure_one()
        if self.ticket_id:
            raise UserError(
                self.env._(
                    "This contact is already registered as %(number)s.",
                    number=self.ticket_id.cic_registration_number
                    or self.ticket_id.display_name,
                )
            )
        procedure = self.env["cic.procedure"]._cic_for_commune(code, self.company_id)
        ticket = self.env["helpdesk.ticket"].create(self._cic_ticket_values(procedure))
        self.write({"ticket_id": ticket.id, "outcome": "registered"})
        ticket.message_post(
            body=self.env._(
                "Registered at the front desk from the contact %(contact)s.",
                contact=self.display_name,
            )
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "helpdesk.ticket",
            "res_id": ticket.id,
            "view_mode": "form",
            "target": "current",
        }

    # ------------------------------------------------------------------
    # Figures (daily and monthly reports, KPIs)
    # ------------------------------------------------------------------
    @api.model
    def _cic_period_domain(self, date_from, date_to, company=None):
        domain = [("contact_date", ">=", date_from), ("contact_date", "<=", date_to)]
        if company:
            domain.append(("company_id", "=", company.id))
        return domain

    @api.model
    def _cic_period_summary(self, date_from, date_to, company=None):
        """Figures of the contacts between two local dates (inclusive), over what
        the caller may read."""
        return self.search(
            self._cic_period_domain(date_from, date_to, company)
        )._cic_summary()

    def _cic_count_by(self, field_name):
        """[(label, count)] of the records grouped by a field, largest first."""
        field = self._fields[field_name]
        counts = {}
        for contact in self:
            value = contact[field_name]
            if field.type == "many2one":
                label = value.display_name
            else:
                label = dict(field._description_selection(self.env)).get(value)
            counts[label] = counts.get(label, 0) + 1
        return sorted(counts.items(), key=lambda item: (-item[1], item[0] or ""))

    def _cic_summary(self):
        """Counts by channel, topic and outcome; waiting time of the walk-ins
        served (average and 90th percentile, minutes); average duration."""
        waits = self.filtered("waiting_counted").mapped("waiting_minutes")
        durations = [d for d in self.mapped("duration") if d]
        dates = [d for d in self.mapped("contact_date") if d]
        return {
            "count": len(self),
            "date_from": min(dates) if dates else False,
            "date_to": max(dates) if dates else False,
            "by_channel": self._cic_count_by("channel"),
            "by_topic": self._cic_count_by("topic_id"),
            "by_outcome": self._cic_count_by("outcome"),
            "waiting_count": len(waits),
            "waiting_avg": round(sum(waits) / len(waits), 1) if waits else 0.0,
            "waiting_p90": _percentile(waits, 0.9),
            "duration_avg": (
                round(sum(durations) / len(durations), 1) if durations else 0.0
            ),
        }
