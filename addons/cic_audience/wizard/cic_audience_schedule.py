# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError


class CicAudienceSchedule(models.TransientModel):
    """Slot picker: lists the free slots of the request's official over a period
    and books the one chosen."""

    _name = "cic.audience.schedule"
    _description = "Choose an audience slot"

    request_id = fields.Many2one(
        "cic.audience.request", required=True, ondelete="cascade"
    )
    official_id = fields.Many2one(related="request_id.official_id")
    date_from = fields.Date(required=True, default=fields.Date.context_today)
    date_to = fields.Date(
        required=True,
        default=lambda self: fields.Date.context_today(self) + timedelta(days=30),
    )
    slot_ids = fields.One2many(
        "cic.audience.schedule.slot",
        "wizard_id",
        compute="_compute_slot_ids",
        store=True,
        readonly=False,
    )

    @api.depends("request_id", "date_from", "date_to")
    def _compute_slot_ids(self):
        for wizard in self:
            commands = [fields.Command.clear()]
            if wizard.request_id and wizard.date_from and wizard.date_to:
                slots = wizard.request_id.official_id._get_free_slots(
                    wizard.date_from, wizard.date_to, exclude=wizard.request_id
                )
                commands += [
                    fields.Command.create(
                        {
                            "start": slot["start"],
                            "stop": slot["stop"],
                            "room_id": slot["room_id"] or False,
                            "remaining": slot["remaining"],
                        }
                    )
                    for slot in slots[:200]
                ]
            wizard.slot_ids = commands

    def _book(self, start):
        self.ensure_one()
        if not start:
            raise UserError(self.env._("Choose a slot first."))
        self.request_id._cic_book_slot(start)
        return {"type": "ir.actions.act_window_close"}
