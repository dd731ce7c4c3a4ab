# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from .cic_appraisal_methodology import STAFF_CATEGORIES


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    cic_staff_category = fields.Selection(
        STAFF_CATEGORIES,
        string="Staff category (appraisal)",
        # HR's field: without the group, reading any employee as a plain user
        # (an evaluator clicking a step) fails on hr.employee.public
        groups="hr.group_hr_user",
        help="Chooses the appraisal methodology: civil servants (high, management, "
        "execution) or contract staff (HG 1336/2022).",
    )
