# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What creating a ticket costs beyond the entry's own work (issue 18,
``bench/registration.py``).

The creation message is notified only when someone can receive it. Odoo posts a
record's creation message through the notification pipeline when the model names a
creation subtype (``mail.thread.create``), else it logs it (``_message_log_batch``).
helpdesk_mgmt's subtype "Ticket Created" is not a default subtype: only the
followers of the ticket's team (its "Helpdesk Ticket Created" subtype, through
``team_id``) receive it. An entry created without a department has no such
follower, so the pipeline (recipients query, reply-to, notification) ran for
nobody: about 6 ms of every registration, more than a sixth of it. Such an entry
gets the same creation line in its chatter, logged; an entry created with its
department still notifies the department's followers.

helpdesk_mgmt's own ticket number is drawn from the sequence found once per
company (``ir.sequence._cic_sequence_id``) instead of searched at every ticket.
"""

from odoo import models


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    def _creation_subtype(self):
        if not self.team_id:
            return self.env["mail.message.subtype"]
        return super()._creation_subtype()

    def _prepare_ticket_number(self, values):
        sequences = self.env["ir.sequence"]
        sequence_id = sequences._cic_sequence_id(
            "helpdesk.ticket.sequence", values.get("company_id") or self.env.company.id
        )
        if not sequence_id:
            return super()._prepare_ticket_number(values)
        return sequences.browse(sequence_id).next_by_id() or "/"
