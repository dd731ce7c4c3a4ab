# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.cic_registry.models.cic_calendar import institution_today

MAX_SLOTS = 200


class CicAudienceSchedule(models.TransientModel):
    """Slot picker: lists the free slots of the request's official over a period
    and books the one chosen.

    The wizard is saved before it is shown and its slot lines are filled on the
    server (on creation and by *Show free slots*), so each line's *Book* button
    acts on a saved record.
    """

    _name = "cic.audience.schedule"
    _description = "Choose an audience slot"

    request_id = fields.Many2one(
        "cic.audience.request", required=True, ondelete="cascade"
    )
    official_id = fields.Many2one(related="request_id.official_id")
    date_from = fields.Date(required=True, default=institution_today)
    date_to = fields.Date(
        required=True,
        default=lambda self: institution_today(self) + timedelta(days=30),
    )
    slot_ids = fields.One2many("cic.audience.schedule.slot", "wizard_id")

    @api.model_create_multi
    def create(self, vals_list):
        wizards = super().create(vals_list)
        wizards._fill_slots()
        return wizards

    def _fill_slots(self):
        for wizard in self:
            slots = wizard.request_id.official_id._get_free_slots(
                wizard.date_from, wizard.date_to, exclude=wizard.request_id
            )
            commands = [fields.Command.clear()]
            commands += [
                fields.Command.create(
                    {
                        "start": slot["start"],
                        "stop": slot["stop"],
                        "room_id": slot["room_id"] or False,
                        "remaining": slot["remaining"],
                    }
                )
                for slot in slots[:MAX_SLOTS]
            ]
            wizard.slot_ids = commands

    def _action_open(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Choose a slot"),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }

    def action_refresh(self):
        """Show the free slots of the chosen period."""
        self.ensure_one()
        if self.date_to < self.date_from:
            raise UserError(self.env._("The period must end after it starts."))
        self._fill_slots()
        return self._action_open()

    def _book(self, start):
        self.ensure_one()
        if not start:
            raise UserError(self.env._("Choose a slot first."))
        self.request_id._cic_book_slot(start)
        return {"type": "ir.actions.act_window_close"}
