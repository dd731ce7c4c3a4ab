# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The vote of each member, recorded in the minutes of a public meeting (R-TD-5)."""

from odoo import fields, models


class CicTransparencyVote(models.Model):
    _name = "cic.transparency.vote"
    _description = "Vote in a public meeting"
    _order = "meeting_id, item, member_name"

    meeting_id = fields.Many2one(
        "cic.transparency.meeting", required=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="meeting_id.company_id", store=True)
    item = fields.Char(string="Agenda item", required=True)
    member_name = fields.Char(string="Member", required=True)
    vote = fields.Selection(
        selection=[("for", "For"), ("against", "Against"), ("abstain", "Abstention")],
        required=True,
    )
