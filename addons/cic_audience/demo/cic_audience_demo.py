# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import random
from datetime import timedelta

from odoo import api, fields, models

SUBJECTS = [
    ("topic_urbanism", "Autorizație de construire pentru anexă gospodărească"),
    ("topic_urbanism", "Certificat de urbanism întârziat"),
    ("topic_taxes", "Contestarea impozitului pe clădire"),
    ("topic_taxes", "Eșalonarea datoriilor la bugetul local"),
    ("topic_social", "Ajutor pentru încălzirea locuinței"),
    ("topic_social", "Locuință socială"),
    ("topic_property", "Reconstituirea dreptului de proprietate"),
    ("topic_public_domain", "Iluminat public pe strada Teilor"),
    ("topic_public_domain", "Asfaltarea străzii Morii"),
    ("topic_other", "Propunere pentru un parc de joacă"),
]
OUTCOMES = ["solved"] * 5 + ["petition"] * 2 + ["redirected"] * 2 + ["no_show"]


class CicAudienceDemo(models.AbstractModel):
    """Builds the demo month of audiences (called from the demo data only)."""

    _name = "cic.audience.demo"
    _description = "Audience demo data"

    @api.model
    def _populate(self, official_ids, partner_ids, days_before=21, days_after=10):
        """Book about half of the programme slots of the officials from
        ``days_before`` days ago to ``days_after`` days ahead for the partners;
        past audiences are closed in the register with an outcome."""
        officials = self.env["cic.audience.official"].browse(official_ids)
        partners = self.env["res.partner"].browse(partner_ids)
        rng = random.Random(544)
        Request = self.env["cic.audience.request"].with_context(
            tracking_disable=True, mail_create_nolog=True
        )
        calendar = self.env["cic.calendar"]
        now = fields.Datetime.now()
        today = fields.Date.context_today(self)
        day = today - timedelta(days=days_before)
        while day <= today + timedelta(days=days_after):
            for official in officials:
                if not calendar.is_working_day(
                    day, company=official.company_id, for_deadline=False
                ):
                    continue
                for start, stop, line in official._programme_slots(day):
                    if rng.random() < 0.5:
                        continue
                    topic, subject = rng.choice(SUBJECTS)
                    request = Request.create(
                        {
                            "official_id": official.id,
                            "partner_id": rng.choice(partners).id,
                            "subject": subject,
                            "topic_id": self.env.ref(f"cic_audience.{topic}").id,
                            "channel": rng.choice(
                                ["counter", "counter", "phone", "online"]
                            ),
                        }
                    )
                    room = line._effective_room()
                    request._claim_seat(
                        {
                            "start": start,
                            "stop": stop,
                            "room_id": room.id,
                            "remaining": 1,
                        }
                    )
                    request._sync_event()
                    if stop < now:
                        self._close_demo(request, rng)
            day += timedelta(days=1)
        self._pending_demo(officials, partners, rng)

    @api.model
    def _pending_demo(self, officials, partners, rng):
        """A few requests still to schedule, and one cancelled by the citizen."""
        Request = self.env["cic.audience.request"].with_context(tracking_disable=True)
        for official, partner in zip(officials, partners, strict=False):
            topic, subject = rng.choice(SUBJECTS)
            Request.create(
                {
                    "official_id": official.id,
                    "partner_id": partner.id,
                    "subject": subject,
                    "topic_id": self.env.ref(f"cic_audience.{topic}").id,
                    "channel": "phone",
                    "preferred_slots": "De preferat după ora 11",
                }
            )
        upcoming = Request.search(
            [("state", "=", "scheduled"), ("official_id", "in", officials.ids)],
            order="slot_start desc",
            limit=1,
        )
        upcoming.write({"state": "cancel", "cancelled_by": "citizen"})
        upcoming.event_id.write({"active": False})

    @api.model
    def _close_demo(self, request, rng):
        outcome = rng.choice(OUTCOMES)
        values = {
            "outcome": outcome,
            "documents_presented": "Carte de identitate, copie act de proprietate",
            "minute": "<p>Cetățeanul și-a prezentat problema; s-au dat lămuriri.</p>",
        }
        if outcome == "redirected":
            values["redirected_to"] = "Direcția Urbanism"
        request.write(values)
        if outcome == "petition":
            request.action_convert_to_petition()
        elif outcome == "solved" and rng.random() < 0.3:
            request.activity_schedule(
                "mail.mail_activity_data_todo",
                summary="Răspuns promis în audiență",
                user_id=request.official_id.user_id.id,
            )
        request.action_done()
