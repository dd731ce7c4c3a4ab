# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""E-mails deferred out of the transaction that decides them, sent once by a cron.

``_cic_defer_mail(template)`` links the template to the entries in
``cic_deferred_mail_template_ids``, in the caller's transaction. The cron
``ir_cron_cic_send_acknowledgements`` (every minute) queues each pending template's
e-mails of its entries in batches with ``mail.template.send_mail_batch`` (one batch
per template and author: the template is rendered once per batch, the ``mail.mail``
records and their chatter messages created together, sent by Odoo's mail cron) and
unlinks it in the same transaction:

- **once**: the e-mails and the unlink commit together; a template already sent is no
  longer linked, so a second run sends nothing;
- **never lost**: the link commits with the entry that decided it (the
  registration); if the server stops before the cron ran, or the cron's transaction
  fails, the link is still there and the next run sends it.

The registry's acknowledgements (R-REG-7) and the portal's confirmations use it.
Rendering a template and creating the e-mail cost a sizeable part of the
registration: they stay out of the clerk's, the portal's or the mail gateway's
transaction. They went through the composer's ``message_post`` (notification
pipeline, layout, ``mail.notification`` per entry) until issue 18: the batch API
costs about a quarter of it per entry (bench/registration.py).

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
        """Queue ``template``'s e-mail of these entries with Odoo's batch API
        (``mail.template.send_mail_batch``), one batch per author: the template is
        rendered once per batch and the ``mail.mail`` records, each with its
        ``mail.message`` on the entry (chatter), are created together and left to
        the mail cron. No notification pipeline runs (``message_post``: recipients,
        followers, layout, ``mail.notification`` per entry): it cost about four
        times more (issue 18, bench/registration.py: 10.8-11.5 against 2.6-2.8 ms
        per entry).

        - Recipients: the template's only, never the entry's other followers:
          ``partner_to`` gives the mail's ``recipient_ids``, ``email_to`` stays an
          address (no partner is looked up or created for it; the portal's
          confirmation goes to whoever filed the request).
        - Author: the user who registered the entry, as if sent at once; the sender
          address stays the one the template renders (the institution's).
        - A note (``mail.mt_note``), as the former composer's: hidden from the
          portal, no follower notified of it.
        - No layout (unless the template names one): the e-mail is the template's
          body alone. Odoo's batch API puts the layout in the message's body too,
          so the chatter would show the e-mail's header and footer;
          ``mail.mail_notification_light``, rendered and sanitised once per entry,
          would cost 6.7-6.9 ms per entry instead of 2.6-2.7 (bench/registration.py).
          The body already names the institution and the e-mail comes from its
          address.
        - The template does not delete its mail after sending (``auto_delete``
          False): the ``mail.mail`` stays as proof of sending."""
        email_values = {
            "message_type": "notification",
            "subtype_id": self.env["ir.model.data"]._xmlid_to_res_id("mail.mt_note"),
        }
        for author, tickets in self.grouped(lambda t: t.create_uid.partner_id).items():
            template.send_mail_batch(
                tickets.ids, email_values={**email_values, "author_id": author.id}
            )
