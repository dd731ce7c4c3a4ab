# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

WEEKDAYS = [
    ("0", "Monday"),
    ("1", "Tuesday"),
    ("2", "Wednesday"),
    ("3", "Thursday"),
    ("4", "Friday"),
    ("5", "Saturday"),
    ("6", "Sunday"),
]


class CicAudienceProgrammeLine(models.Model):
    """One weekly time window of an official's audience programme, in the
    official's time zone (e.g. Tuesday 10:00-13:00 in the mayor's office)."""

    _name = "cic.audience.programme.line"
    _description = "Audience programme time window"
    _order = "official_id, dayofweek, hour_from"

    official_id = fields.Many2one(
        "cic.audience.official", required=True, index=True, ondelete="cascade"
    )
    dayofweek = fields.Selection(WEEKDAYS, string="Weekday", required=True, default="0")
    hour_from = fields.Float(string="From", required=True, default=9.0)
    hour_to = fields.Float(string="To", required=True, default=12.0)
    room_id = fields.Many2one(
        "cic.audience.room",
        help="Leave empty to use the official's default room.",
    )
    published = fields.Boolean(related="official_id.published")
    company_id = fields.Many2one(related="official_id.company_id", store=True)

    @api.constrains("hour_from", "hour_to", "dayofweek", "official_id")
    def _check_window(self):
        for line in self:
            if not 0 <= line.hour_from < line.hour_to <= 24:
                raise ValidationError(
                    self.env._(
                        "A programme window must start before it ends, within the day."
                    )
                )
            if line.dayofweek in ("5", "6"):
                raise ValidationError(
                    self.env._(
                        "Audiences are held on working days only, never on "
                        "Saturday or Sunday."
                    )
                )
            siblings = line.official_id.programme_line_ids - line
            for other in siblings.filtered(
                lambda o, ln=line: o.dayofweek == ln.dayofweek
            ):
                if other.hour_from < line.hour_to and other.hour_to > line.hour_from:
                    raise ValidationError(
                        self.env._(
                            "The time windows of an official's programme must "
                            "not overlap."
                        )
                    )

    def _effective_room(self):
        self.ensure_one()
        return self.room_id or self.official_id.room_id
