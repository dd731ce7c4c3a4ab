# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Withdrawal of an entry by its petitioner (retragere).

A petitioner never closes his entry as solved; he may withdraw it. The entry is
closed with the reason "withdrawn", the date and the person who recorded it, and a
message in its history: its deadline stops (no overdue, no reminders), it is left out
of the answer-deadline KPI (``KPI_EXCLUDED_REASONS`` in
helpdesk_ticket_workflow.py) and counted as withdrawn in the reports. Only the
withdrawal action records a withdrawal (protected and audited fields,
``PROTECTED_FIELDS``).
"""

from markupsafe import Markup

from odoo import fields, models
from odoo.exceptions import AccessError, UserError

WITHDRAWN_STAGE = "helpdesk_mgmt.helpdesk_ticket_stage_cancelled"


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    cic_closure_reason = fields.Selection(
        selection_add=[("withdrawn", "Withdrawn by the petitioner")],
        ondelete={"withdrawn": "set null"},
    )
    cic_withdrawal_date = fields.Datetime(
        string="Withdrawn on", readonly=True, copy=False
    )
    cic_withdrawn_by_id = fields.Many2one(
        "res.users",
        string="Withdrawal recorded by",
        readonly=True,
        copy=False,
        help="The petitioner (from the portal) or the clerk who recorded his "
        "written withdrawal.",
    )

    # ------------------------------------------------------------------
    # Action
    # ------------------------------------------------------------------
    def _cic_can_withdraw(self):
        """The current user may withdraw these entries: a portal user his own
        incoming entries, a CIC clerk any (a withdrawal received in writing)."""
        user = self.env.user
        if user.has_group("cic_registry.group_cic_clerk"):
            return True
        if not user._is_portal():
            return False
        partner = user.commercial_partner_id
        return all(
            ticket.partner_id.commercial_partner_id == partner for ticket in self
        )

    def _cic_withdrawable(self):
        """Open incoming registry entries (a letter is not withdrawn)."""
        self.ensure_one()
        return bool(
            self.cic_procedure_id
            and self.cic_direction == "incoming"
            and not self.cic_closure_reason
            and not self.stage_id.closed
        )

    def action_cic_withdraw(self):
        """Withdraw the entries (retragere): close them as withdrawn, record when
        and by whom, and say so in their history."""
        if not self._cic_can_withdraw():
            raise AccessError(
                self.env._("Only the petitioner or the CIC can withdraw an entry.")
            )
        self.check_access("read")
        for ticket in self:
            if not ticket._cic_withdrawable():
                raise UserError(
                    self.env._(
                        "Entry %(number)s cannot be withdrawn: it is closed or it is "
                        "not a request.",
                        number=ticket.cic_registration_number or ticket.name,
                    )
                )
        now = fields.Datetime.now()
        # Narrow sudo: the role and the entries were checked above; a petitioner
        # has no write access to the register.
        tickets = self.sudo()
        tickets.activity_ids.unlink()
        tickets.write(
            {
                "cic_closure_reason": "withdrawn",
                "stage_id": self.env.ref(WITHDRAWN_STAGE).id,
                "cic_withdrawal_date": now,
                "cic_withdrawn_by_id": self.env.user.id,
            }
        )
        for ticket in tickets:
            ticket.message_post(
                body=Markup("<p>%s</p>")
                % self.env._(
                    "Withdrawn by the petitioner (recorded by %(user)s): the entry is "
                    "closed and its deadline no longer runs.",
                    user=self.env.user.name,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True
