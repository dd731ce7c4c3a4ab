# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""E-mails deferred out of the transaction that decides them, sent once by a cron.

``_cic_defer_mail(template)`` links the template to the entries in
``cic_deferred_mail_template_ids``, in the caller's transaction. The cron
``ir_cron_cic_send_acknowledgements`` (every minute) posts each pending template on
its entries in batches (one composer per template and author: the template is
rendered once per batch) and unlinks it in the same transaction:

- **once**: the post and the unlink commit together; a template already sent is no
  longer linked, so a second run sends nothing;
- **never lost**: the link commits with the entry that decided it (the
  registration); if the server stops before the cron ran, or the cron's transaction
  fails, the link is still there and the next run sends it.

The registry's acknowledgements (R-REG-7) and the portal's confirmations use it.
Rendering a template and posting the message cost more than the registration itself:
they stay out of the clerk's, the portal's or the mail gateway's transaction.

No cron trigger is added per entry: a trigger costs three queries per registration
(reading the cron, inserting the trigger), and one due at once makes Odoo wake the
cron workers up at the commit with a NOTIFY on a second connection (3-5 ms, measured
with bench/registration.py). The cron runs every minute instead (one indexed query
when nothing waits), so the e-mail leaves within about a minute, as it did with a
trigger set a second ahead (the workers poll every minute).
"""

import logging

from odoo import Command, api, fields, models

from .cic_registration_mixin import CONCURRENCY_ERRORS

_logger = logging.getLogger(__name__)

DEFERRED_MAIL_BATCH = 100


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    cic_deferred_mail_template_ids = fields.Many2many(
        "mail.template",
        "cic_ticket_deferred_mail_rel",
        "ticket_id",
        "template_id",
        string="E-mails to send",
        readonly=True,
        copy=False,
        help="E-mails decided for this entry (the acknowledgement of its "
        "registration...) that the server sends within a minute.",
    )
    cic_acknowledgement_pending = fields.Boolean(
        string="Acknowledgement pending",
        compute="_compute_cic_acknowledgement_pending",
        search="_search_cic_acknowledgement_pending",
        help="An e-mail of this entry (the registration number sent back to its "
        "sender) is about to be sent.",
    )

    @api.depends("cic_deferred_mail_template_ids")
    def _compute_cic_acknowledgement_pending(self):
        for ticket in self:
            ticket.cic_acknowledgement_pending = bool(
                ticket.cic_deferred_mail_template_ids
            )

    def _search_cic_acknowledgement_pending(self, operator, value):
        if operator not in ("=", "!="):
            raise NotImplementedError(operator)
        pending = (operator == "=") == bool(value)
        return [("cic_deferred_mail_template_ids", "!=" if pending else "=", False)]

    def _cic_defer_mail(self, template):
        """Post ``template`` on these entries once, after the commit (see the
        module docstring). Entries that already wait for it are not queued twice."""
        if not self or not template:
            return
        self.sudo().with_context(tracking_disable=True).write(
            {"cic_deferred_mail_template_ids": [Command.link(template.id)]}
        )

    @api.model
    def _cron_cic_send_deferred_mail(self, limit=DEFERRED_MAIL_BATCH):
        """Send the pending e-mails of ``limit`` entries; the cron runs again at once
        while some remain (progress API). Each template is posted on its entries
        together; if that fails, one entry at a time, so that one failing entry is
        logged and blocks no other. Concurrency errors are raised: the whole batch
        is retried by the next run."""
        domain = [("cic_deferred_mail_template_ids", "!=", False)]
        tickets = self.search(domain, order="id", limit=limit)
        by_template = {}
        for ticket in tickets:
            for template in ticket.cic_deferred_mail_template_ids:
                by_template[template] = by_template.get(template, self) | ticket
        for template, group in by_template.items():
            if not group._cic_post_mail_safely(template) and len(group) > 1:
                for ticket in group:
                    ticket._cic_post_mail_safely(template)
            group.sudo().with_context(tracking_disable=True).write(
                {"cic_deferred_mail_template_ids": [Command.unlink(template.id)]}
            )
        self.env["ir.cron"]._notify_progress(
            done=len(tickets), remaining=self.search_count(domain)
        )

    def _cic_post_mail_safely(self, template):
        """Post ``template`` on these entries in a savepoint; return False (nothing
        posted) if it failed, logging the failure of a single entry."""
        try:
            with self.env.cr.savepoint():
                self._cic_post_mail(template)
        except CONCURRENCY_ERRORS:
            raise
        except Exception:
            if len(self) == 1:
                _logger.exception(
                    "E-mail %s of %s could not be sent",
                    template.name,
                    self.display_name,
                )
            return False
        return True

    def _cic_post_mail(self, template):
        """Post ``template`` on these entries through Odoo's composer, one batch per
        author (the template is rendered once per batch); the e-mails are queued for
        the mail cron. The message is a note: it goes to the template's recipients
        only (the sender, or whoever filed an organisation's request), not to the
        entry's other followers (the organisation's registered address...). It is
        signed by the user who registered the entry, as if sent at once."""
        subtype = self.env.ref("mail.mt_note")
        for author, tickets in self.grouped(lambda t: t.create_uid.partner_id).items():
            composer = (
                self.env["mail.compose.message"]
                .with_context(
                    default_composition_mode="comment",
                    default_model=self._name,
                    default_res_ids=tickets.ids,
                    default_template_id=template.id,
                    mail_notify_force_send=False,
                )
                .create({"message_type": "notification", "subtype_id": subtype.id})
            )
            # Set after the creation: given to create(), the author would replace
            # the sender the template renders (the institution's address).
            composer.author_id = author
            composer.action_send_mail()
