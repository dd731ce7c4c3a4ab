# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CicAudienceClosure(models.Model):
    """A period when audiences are not offered: an official's leave or an ad-hoc
    closure (for one official, or for all officials when none is set).

    Public holidays and bridge days come from the institution calendar
    (``cic.calendar``) and need no closure.
    """

    _name = "cic.audience.closure"
    _description = "Audience closure or leave"
    _order = "date_start desc"

    name = fields.Char(string="Reason", required=True)
    kind = fields.Selection(
        [("leave", "Leave"), ("closure", "Closure")],
        required=True,
        default="closure",
    )
    official_id = fields.Many2one(
        "cic.audience.official",
        index=True,
        ondelete="cascade",
        help="Leave empty to close the audiences of every official.",
    )
    date_start = fields.Datetime(string="From", required=True)
    date_stop = fields.Datetime(string="To", required=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    @api.constrains("date_start", "date_stop")
    def _check_dates(self):
        for closure in self:
            if closure.date_stop <= closure.date_start:
                raise ValidationError(self.env._("A closure must end after it starts."))

    def _overlaps(self, start, stop):
        """Whether any closure of ``self`` overlaps the UTC interval [start, stop)."""
        return any(c.date_start < stop and c.date_stop > start for c in self)
