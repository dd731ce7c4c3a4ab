# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class SurveyUserInput(models.Model):
    """Anonymous answers keep only the dimensions of the closed entry.

    A closure survey answer carries the department, channel and procedure of the
    registry entry it follows, never the entry, the petitioner or an e-mail, so the
    satisfaction report cannot lead back to a person.
    """

    _inherit = "survey.user_input"

    cic_team_id = fields.Many2one(
        "helpdesk.ticket.team",
        string="Department",
        readonly=True,
        index="btree_not_null",
    )
    cic_channel_id = fields.Many2one(
        "helpdesk.ticket.channel", string="Channel", readonly=True
    )
    cic_procedure_id = fields.Many2one(
        "cic.procedure", string="Procedure", readonly=True
    )
    cic_company_id = fields.Many2one("res.company", string="Company", readonly=True)
    cic_sent_date = fields.Date(string="Survey sent on", readonly=True)
