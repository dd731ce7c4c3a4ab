# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CicAudienceRoom(models.Model):
    """A place where audiences are held (an office, the audience hall).

    A room can host only one audience at a time, whoever the official is: the
    booking table carries a PostgreSQL exclusion constraint on (room, time range).
    """

    _name = "cic.audience.room"
    _description = "Audience room"
    _order = "name"

    name = fields.Char(required=True)
    location = fields.Char(help="Building, floor and office number, shown to citizens.")
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
