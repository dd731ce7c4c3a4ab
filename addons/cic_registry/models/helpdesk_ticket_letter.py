# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Signature blocks of the printed letters, by letter type (OG 27/2002 art. 12)."""

from odoo import models

# Letters signed by the head of the authority on the strength of the recorded approval.
APPROVED_LETTERS = ("answer", "refusal")


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    def _cic_letter_signature_rows(self):
        """Rows of (function, name) printed at the end of this letter.

        The head of the authority signs and the secretary general countersigns
        (with the seal); an answer is also signed by the head of the department
        that resolved it (art. 12); the last signatory is the person who drafted
        the letter (the assignee of the answer, the CIC clerk otherwise). Names
        come from the approvals recorded on the answered entry, otherwise from
        the company's settings.
        """
        self.ensure_one()
        _ = self.env._
        company = self.company_id
        source = self.cic_answer_to_id
        function = company.cic_head_function or _("Mayor")
        head = company.cic_head_name
        approver = source.cic_head_approval_id
        if self.cic_letter_type in APPROVED_LETTERS and approver:
            if head and approver.name != head:
                # approved by another member of the leadership, for the head
                function = _("On behalf of %(function)s", function=function)
            head = approver.name
        authority = [
            (function, head),
            (_("Secretary general"), company.cic_secretary_general_name),
        ]
        if self.cic_letter_type == "answer":
            department = (
                _("Head of department %(department)s", department=source.team_id.name)
                if source.team_id
                else _("Head of department")
            )
            return [
                authority,
                [
                    (department, source.cic_department_approval_id.name),
                    (_("Drafted by"), (source.user_id or self.create_uid).name),
                ],
            ]
        return [authority, [(_("Drafted by"), self.create_uid.name)]]
