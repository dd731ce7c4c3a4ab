# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The answer's two approvals come from two different people (R-PET-9).

OG 27/2002 art. 12: the answer is signed by the head of the authority (or a person
empowered by him) and by the head of the department that resolved the petition. A
secretary general may stand in for a department head, and a department may be led
by a member of the leadership, so one user can hold both roles; he still gives only
one of the two approvals. A pair given by one person (for example recorded before
this rule) does not let the answer leave either.
"""

from odoo import models
from odoo.exceptions import UserError

#: approval field -> the other approval's field
OTHER_APPROVAL = {
    "cic_department_approval_id": "cic_head_approval_id",
    "cic_head_approval_id": "cic_department_approval_id",
}


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    def action_cic_approve_department(self):
        self._cic_check_second_approver("cic_department_approval_id")
        return super().action_cic_approve_department()

    def action_cic_approve_head(self):
        self._cic_check_second_approver("cic_head_approval_id")
        return super().action_cic_approve_head()

    def _cic_check_second_approver(self, approval_field):
        """Refuse the approval ``approval_field`` to the user who gave the other one."""
        other_field = OTHER_APPROVAL[approval_field]
        for ticket in self:
            if ticket[other_field] == self.env.user:
                raise UserError(
                    self.env._(
                        "You have already approved the answer to %(number)s. The "
                        "head of the resolving department and the head of the "
                        "authority (or the person empowered by him) must be two "
                        "different people (OG 27/2002 art. 12).",
                        number=ticket._cic_number_label(),
                    )
                )

    def _cic_dispatch_answer(self):
        if (
            self._cic_answer_requires_approvals()
            and self.cic_department_approval_id
            and self.cic_department_approval_id == self.cic_head_approval_id
        ):
            raise UserError(
                self.env._(
                    "The answer to %(number)s was approved twice by %(user)s: it "
                    "needs the approvals of two different people before dispatch "
                    "(OG 27/2002 art. 12).",
                    number=self._cic_number_label(),
                    user=self.cic_head_approval_id.name,
                )
            )
        return super()._cic_dispatch_answer()
