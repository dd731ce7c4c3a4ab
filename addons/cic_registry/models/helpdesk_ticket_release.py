# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Release of an entry's answer and documents: one hook, asked on every path.

The registry dispatches the answer (``_cic_dispatch_answer``), the partial refusal
that communicates the rest of the information (``_cic_foi_refuse``) and every letter
e-mailed as an answer (``_cic_dispatch_letter``). Each asks
``_cic_check_release_allowed()`` first. The registry sets no condition of its own:
other addons extend ``_cic_release_blocker()`` (cic_portal: a fee not paid nor
exempted, Codul fiscal art. 473, Law 544/2001 art. 9(1), R-POR-3, R-544-4) without
the registry knowing about them.
"""

from odoo import models
from odoo.exceptions import UserError

# Letters that carry the information asked for (the other letters, such as an
# extension notice or a forwarding notice, release nothing).
RELEASING_LETTERS = ("answer",)


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    def _cic_release_blocker(self):
        """Why the answer or the documents of this entry may not be released yet:
        a translated message, or an empty string when nothing stands in the way."""
        self.ensure_one()
        return ""

    def _cic_check_release_allowed(self):
        """Refuse (UserError with the reason) to release the answer or the
        documents of an entry while ``_cic_release_blocker`` names a reason."""
        for ticket in self:
            blocker = ticket._cic_release_blocker()
            if blocker:
                raise UserError(blocker)
        return True

    def _cic_dispatch_answer(self):
        joined = self.cic_joined_ids.filtered(lambda t: not t.cic_closure_reason)
        (self | joined)._cic_check_release_allowed()
        return super()._cic_dispatch_answer()

    def _cic_foi_refuse(self, ground, reason, partial=False, answered_part=False):
        """A partial refusal communicates the answered part: it is a release."""
        if partial:
            self._cic_check_release_allowed()
        return super()._cic_foi_refuse(
            ground, reason, partial=partial, answered_part=answered_part
        )

    def _cic_dispatch_letter(self):
        """The e-mail of an answer letter releases the answer of the entry it
        answers: the last gate, whichever action sends it."""
        letters = self.filtered(lambda x: x.cic_letter_type in RELEASING_LETTERS)
        letters.cic_answer_to_id._cic_check_release_allowed()
        return super()._cic_dispatch_letter()
