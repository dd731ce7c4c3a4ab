# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time, timedelta

import pytz

from odoo import fields, models

from odoo.addons.cic_registry.models.cic_calendar import institution_today


class CicAudienceDayProgramme(models.TransientModel):
    """Prints the audiences of a day, one page per official."""

    _name = "cic.audience.day.programme"
    _description = "Print the day's audience programme"

    date = fields.Date(required=True, default=institution_today)
    official_ids = fields.Many2many(
        "cic.audience.official",
        string="Officials",
        default=lambda self: self.env["cic.audience.official"].search([]),
    )

    def _requests_of(self, official):
        """Scheduled and held audiences of ``official`` on the chosen local day."""
        self.ensure_one()
        tz = pytz.timezone(official.tz or "Europe/Bucharest")
        start = tz.localize(datetime.combine(self.date, time())).astimezone(pytz.utc)
        stop = start + timedelta(days=1)
        return self.env["cic.audience.request"].search(
            [
                ("official_id", "=", official.id),
                ("state", "in", ("scheduled", "done")),
                ("slot_start", ">=", start.replace(tzinfo=None)),
                ("slot_start", "<", stop.replace(tzinfo=None)),
            ],
            order="slot_start, seat",
        )

    def action_print(self):
        self.ensure_one()
        return self.env.ref("cic_audience.action_report_day_programme").report_action(
            self
        )
