# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The workflow fills the register columns of the incoming entry it resolves
(R-REG-3; Instrucțiuni 1996 art. 9): the dispatch date and the recipient of the
letter that resolves it (answer, refusal, forwarding letter) and how it was
resolved (the closure). A value the clerk already typed is kept."""

from odoo import models

#: letters that carry the entry's resolution to its recipient
RESOLVING_LETTERS = ("answer", "refusal", "forward_letter")


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    def _cic_send_letter(self, letter_type, recipient, subject, body):
        letter = super()._cic_send_letter(letter_type, recipient, subject, body)
        if letter_type in RESOLVING_LETTERS and self.cic_direction == "incoming":
            vals = {}
            if not self.cic_recipient_id:
                vals["cic_recipient_id"] = recipient.id
            if not self.cic_dispatch_date:
                vals["cic_dispatch_date"] = letter.cic_dispatch_date
            if vals:
                self._cic_wf().write(vals)
        return letter

    def _cic_close(self, reason):
        res = super()._cic_close(reason)
        labels = dict(
            self._fields["cic_closure_reason"]._description_selection(self.env)
        )
        for ticket in self.filtered(
            lambda t: t.cic_direction == "incoming" and not t.sudo().cic_resolution
        ):
            ticket._cic_wf().write({"cic_resolution": labels.get(reason, reason)})
        return res
