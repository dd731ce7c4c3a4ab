# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Joining (conexare) of petitions: only the same petitioner's (R-PET-7).

OG 27/2002 art. 10(1) joins several petitions *of the same petitioner* on the same
problem; the petitioner gets one answer. Joining another person's petition would close
his entry with an answer sent to somebody else, so it is refused unless a head
(department head or secretary general) overrides it with a reason, written to the
audit log; the answer is then also sent to every joined entry's own petitioner.
"""

from odoo import api, models
from odoo.exceptions import AccessError, UserError

from .helpdesk_ticket_workflow import CLERK_GROUP, DEPARTMENT_HEAD_GROUP

JOIN_OVERRIDE_EVENT = "join_override"


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    @api.model
    def _cic_protected_fields(self):
        """The link to the first entry is written by the join action only."""
        return super()._cic_protected_fields() | {"cic_joined_to_id"}

    def _cic_same_petitioner(self, other):
        """Same identity key (CNP, CUI, or normalised name + address)."""
        self.ensure_one()
        return bool(
            self._cic_identity_keys(self.partner_id)
            & self._cic_identity_keys(other.partner_id)
        )

    def _cic_check_join_allowed(self, target, override_reason=None):
        """A clerk joins the same petitioner's petitions; a head may join other
        petitioners' with a reason. Returns True when it is an override."""
        self.ensure_one()
        user = self.env.user
        if not (user.has_group(CLERK_GROUP) or user.has_group(DEPARTMENT_HEAD_GROUP)):
            raise AccessError(self.env._("Only the CIC or a head may join petitions."))
        if not (self.partner_id and target.partner_id):
            raise UserError(
                self.env._(
                    "A petition without a petitioner cannot be joined: nobody would "
                    "receive its answer."
                )
            )
        if self._cic_same_petitioner(target):
            return False
        if not user.has_group(DEPARTMENT_HEAD_GROUP):
            raise UserError(
                self.env._(
                    "Only the petitions of the same petitioner (same CNP/CUI or same "
                    "name and address) can be joined (OG 27/2002 art. 10(1)). A "
                    "department head or the secretary general may override this "
                    "with a reason."
                )
            )
        if not (override_reason or "").strip():
            raise UserError(
                self.env._(
                    "Give the reason for joining the petitions of different "
                    "petitioners."
                )
            )
        return True

    def _cic_join_to(self, target, override_reason=None):
        override = self._cic_check_join_allowed(target, override_reason)
        first = super()._cic_join_to(target)
        if override:
            self.env["cic.audit.log"].log(
                self | target,
                JOIN_OVERRIDE_EVENT,
                field_name=self._fields["cic_joined_to_id"].get_description(self.env)[
                    "string"
                ],
                new=first.display_name,
                note=override_reason.strip(),
            )
        return first

    def _cic_dispatch_answer(self):
        """The answer also reaches the petitioner of every joined entry: one letter
        per other petitioner, registered as the answer to his own entry."""
        joined = self.cic_joined_ids.filtered(lambda t: not t.cic_closure_reason)
        letter = super()._cic_dispatch_answer()
        answered = self
        for entry in joined:
            if any(entry._cic_same_petitioner(other) for other in answered):
                continue
            answered |= entry
            entry._cic_send_letter(
                "answer", entry.partner_id, letter.name, letter.description
            )
        return letter
