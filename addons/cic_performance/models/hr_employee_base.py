# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class HrEmployeeBase(models.AbstractModel):
    _inherit = "hr.employee.base"

    def action_open_last_appraisal(self):
        # hr_appraisal_oca's Python strings have no Romanian and cannot get it from
        # another module's po file: the list's title comes from this module's
        action = super().action_open_last_appraisal()
        if action.get("name"):
            action["name"] = self.env._("New and pending appraisals")
        return action
