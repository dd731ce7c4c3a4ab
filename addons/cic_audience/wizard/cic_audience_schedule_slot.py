# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CicAudienceScheduleSlot(models.TransientModel):
    _name = "cic.audience.schedule.slot"
    _description = "Free audience slot"
    _order = "start"

    wizard_id = fields.Many2one(
        "cic.audience.schedule", required=True, ondelete="cascade"
    )
    start = fields.Datetime(required=True)
    stop = fields.Datetime(required=True)
    room_id = fields.Many2one("cic.audience.room")
    remaining = fields.Integer(string="Free places")

    def action_book(self):
        self.ensure_one()
        return self.wizard_id._book(self.start)
