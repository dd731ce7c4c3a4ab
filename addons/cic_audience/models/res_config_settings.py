# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    cic_audience_reminder_hours = fields.Integer(
        string="Audience reminder (hours before)",
        config_parameter="cic_audience.reminder_hours",
        default=24,
    )
    cic_audience_cancel_limit_hours = fields.Integer(
        string="Change and cancellation limit (hours before)",
        config_parameter="cic_audience.cancel_limit_hours",
        default=24,
    )
    cic_audience_max_open_bookings = fields.Integer(
        string="Open bookings per citizen",
        config_parameter="cic_audience.max_open_bookings",
        default=2,
        help="How many registered or scheduled audiences a citizen may hold at "
        "once when booking on the portal.",
    )
    cic_audience_repeat_days = fields.Integer(
        string="Repeat request window (days)",
        config_parameter="cic_audience.repeat_days",
        default=365,
    )
