# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Acknowledgement of electronic submissions (R-REG-7), sent after the commit.

Registration picks the entries whose sender gets the number back
(``_cic_acknowledgement_due``) and the template of each
(``_cic_acknowledgement_template``), and defers the e-mail with the registry's one
deferred-mail helper (``_cic_defer_mail``, helpdesk_ticket_deferred_mail.py): the
cron sends it once, in batches, outside the transaction that took the number.
"""

from odoo import models


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    def _cic_after_registration(self):
        res = super()._cic_after_registration()
        self._cic_queue_acknowledgement()
        return res

    def _cic_acknowledgement_due(self):
        """The entries whose sender gets the number back by e-mail (R-REG-7):
        incoming electronic submissions with a number of their own and an address."""
        return self.filtered(
            lambda ticket: ticket.cic_direction == "incoming"
            and not ticket.cic_registration_shared
            and (ticket.partner_id.email or ticket.partner_email)
            and ticket._cic_is_electronic()
        )

    def _cic_acknowledgement_template(self):
        """The acknowledgement template of this entry: its procedure's, else the
        registry's (looked up in the cached xmlid table: ``env.ref`` would also
        query the template's existence at every registration)."""
        self.ensure_one()
        return self.cic_procedure_id.acknowledgement_template_id or self.env[
            "mail.template"
        ].browse(
            self.env["ir.model.data"]._xmlid_to_res_id(
                "cic_registry.mail_template_registration_ack",
                raise_if_not_found=False,
            )
        )

    def _cic_queue_acknowledgement(self):
        """Defer the acknowledgement of the entries due one."""
        due = self._cic_acknowledgement_due()
        by_template = due.grouped(lambda ticket: ticket._cic_acknowledgement_template())
        for template, tickets in by_template.items():
            tickets._cic_defer_mail(template)
