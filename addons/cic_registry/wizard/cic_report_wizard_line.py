# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CicReportWizardLine(models.TransientModel):
    """One figure of a statistical report, shown on screen."""

    _name = "cic.report.wizard.line"
    _description = "Statutory report figure"
    _order = "sequence, id"

    wizard_id = fields.Many2one(
        "cic.report.wizard", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer()
    is_section = fields.Boolean()
    name = fields.Char(string="Indicator")
    value = fields.Char()
    in_term = fields.Char(string="Answered in term")
    late = fields.Char(string="Answered late")
    pending = fields.Char()
