# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The answer and its two approvals, from two different people (R-PET-8, R-PET-9).

OG 27/2002 art. 12: the answer is signed by the head of the authority (or a person
empowered by him) and by the head of the department that resolved the petition. A
secretary general may stand in for a department head, and a department may be led
by a member of the leadership, so one user can hold both roles; he still gives only
one of the two approvals. A pair given by one person (for example recorded before
this rule) does not let the answer leave either.

A changed answer must be approved again (``_cic_reset_approvals``, called from the
one ``write`` of ``helpdesk_ticket.py``).
"""

from odoo import fields, models
from odoo.exceptions import AccessError, UserError

from .helpdesk_ticket_workflow import DEPARTMENT_HEAD_GROUP, SECRETARY_GROUP

#: approval field -> the other approval's field
OTHER_APPROVAL = {
    "cic_department_approval_id": "cic_head_approval_id",
    "cic_head_approval_id": "cic_department_approval_id",
}


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    # Answer (art. 12)
    cic_answer_body = fields.Html(string="Answer", copy=False)
    cic_answer_legal_basis = fields.Text(
        string="Legal basis of the solution", copy=False
    )
    cic_department_approval_id = fields.Many2one(
        "res.users", string="Approved by the department head", readonly=True, copy=False
    )
    cic_department_approval_date = fields.Datetime(readonly=True, copy=False)
    cic_head_approval_id = fields.Many2one(
        "res.users",
        string="Approved by the head of the authority",
        readonly=True,
        copy=False,
    )
    cic_head_approval_date = fields.Datetime(readonly=True, copy=False)

    # ------------------------------------------------------------------
    # Approvals
    # ------------------------------------------------------------------
    def _cic_check_answer_ready(self):
        for ticket in self:
            if not (ticket.cic_answer_legal_basis or "").strip():
                raise UserError(
                    self.env._(
                        "The answer to %(number)s must state the legal basis of the "
                        "solution (OG 27/2002 art. 12).",
                        number=ticket._cic_number_label(),
                    )
                )
            if ticket.cic_answer_body and ticket.cic_answer_body.striptags().strip():
                continue
            raise UserError(
                self.env._(
                    "Write the answer to %(number)s first.",
                    number=ticket._cic_number_label(),
                )
            )

    def action_cic_approve_department(self):
        self._cic_check_second_approver("cic_department_approval_id")
        self._cic_check_group(
            DEPARTMENT_HEAD_GROUP,
            self.env._("Only the head of the department can approve the answer."),
        )
        self._cic_check_answer_ready()
        for ticket in self:
            head = ticket.team_id.cic_head_id
            if (
                head
                and head != self.env.user
                and not self.env.user.has_group(SECRETARY_GROUP)
            ):
                raise AccessError(
                    self.env._(
                        "Only %(head)s, head of %(team)s, can approve this answer.",
                        head=head.name,
                        team=ticket.team_id.name,
                    )
                )
        self._cic_wf().write(
            {
                "cic_department_approval_id": self.env.user.id,
                "cic_department_approval_date": fields.Datetime.now(),
            }
        )
        return True

    def action_cic_approve_head(self):
        self._cic_check_second_approver("cic_head_approval_id")
        self._cic_check_group(
            SECRETARY_GROUP,
            self.env._("Only the head of the authority can give the final approval."),
        )
        self._cic_check_answer_ready()
        self._cic_wf().write(
            {
                "cic_head_approval_id": self.env.user.id,
                "cic_head_approval_date": fields.Datetime.now(),
            }
        )
        return True

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

    def _cic_answer_requires_approvals(self):
        self.ensure_one()
        return self.cic_procedure_code == "petition"

    def _cic_check_approvers_distinct(self):
        """An answer approved twice by the same person does not leave."""
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

    def _cic_check_answer_approved(self):
        """Both approvals are given before the answer is dispatched."""
        if self._cic_answer_requires_approvals() and not (
            self.cic_department_approval_id and self.cic_head_approval_id
        ):
            raise UserError(
                self.env._(
                    "The answer to %(number)s needs the approval of the head of the "
                    "department and of the head of the authority before dispatch "
                    "(OG 27/2002 art. 12).",
                    number=self._cic_number_label(),
                )
            )

    def _cic_reset_approvals(self, vals):
        """A changed answer must be approved again."""
        if not {"cic_answer_body", "cic_answer_legal_basis"} & set(vals):
            return
        if self.filtered("cic_department_approval_id") or self.filtered(
            "cic_head_approval_id"
        ):
            vals.update(
                {
                    "cic_department_approval_id": False,
                    "cic_department_approval_date": False,
                    "cic_head_approval_id": False,
                    "cic_head_approval_date": False,
                }
            )
