# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Release of an entry's answer and documents: one hook, asked on every path.

The registry dispatches the answer (``_cic_dispatch_answer``,
helpdesk_ticket_letter.py), the partial refusal that communicates the rest of the
information (``_cic_foi_refuse``, helpdesk_ticket_foi.py) and every letter e-mailed
as an answer (``_cic_dispatch_letter``, helpdesk_ticket_letter.py). Each asks
``_cic_check_release_allowed()`` first. The registry sets no condition of its own:
other addons extend ``_cic_release_blocker()`` (cic_portal: a fee not paid nor
exempted, Codul fiscal art. 473, Law 544/2001 art. 9(1), R-POR-3, R-544-4) without
the registry knowing about them.
"""

from odoo import models
from odoo.exceptions import UserError


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
