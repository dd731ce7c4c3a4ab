# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Acknowledgement of electronic submissions (R-REG-7), queued after the commit.

Registration only marks the entries whose sender gets the number back
(``cic_acknowledgement_pending``) and triggers the cron
``ir_cron_cic_send_acknowledgements``, which renders and posts the acknowledgements in
batches. Rendering the template and posting the message cost more than the
registration itself, so they are kept out of the transaction that takes the number
(the clerk's form, the portal submission, the incoming e-mail). The e-mail itself was
already queued for the mail cron before.

The trigger is set a moment ahead (``ACK_TRIGGER_DELAY``): a trigger due now makes
Odoo wake the cron workers up at the commit with a NOTIFY sent on a second
connection, about 3-5 ms per registration (10-15 % of it, measured with
bench/registration.py); the workers look for due triggers every minute anyway, so the
acknowledgement leaves within about a minute.
"""

import datetime
import logging

from odoo import api, fields, models
from odoo.tools import SQL

from .cic_registration_mixin import CONCURRENCY_ERRORS

_logger = logging.getLogger(__name__)

ACK_BATCH = 100
ACK_TRIGGER_DELAY = datetime.timedelta(seconds=1)


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    cic_acknowledgement_pending = fields.Boolean(
        string="Acknowledgement pending",
        readonly=True,
        copy=False,
        help="The registration number is about to be e-mailed to the sender "
        "(electronic submissions); set at registration, cleared once sent.",
    )

    def init(self):
        res = super().init()
        # The cron reads only the few pending rows of a large table.
        self.env.cr.execute(
            SQL(
                "CREATE INDEX IF NOT EXISTS %s ON %s (id) "
                "WHERE cic_acknowledgement_pending",
                SQL.identifier(f"{self._table}_cic_ack_pending_idx"),
                SQL.identifier(self._table),
            )
        )
        return res

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

    def _cic_queue_acknowledgement(self):
        """Mark the entries due an acknowledgement and trigger the cron (see
        ``ACK_TRIGGER_DELAY``)."""
        due = self._cic_acknowledgement_due()
        if not due:
            return
        due.sudo().with_context(tracking_disable=True).write(
            {"cic_acknowledgement_pending": True}
        )
        cron = self.env.ref("cic_registry.ir_cron_cic_send_acknowledgements")
        cron.sudo()._trigger(fields.Datetime.now() + ACK_TRIGGER_DELAY)

    @api.model
    def _cron_cic_send_acknowledgements(self, limit=ACK_BATCH):
        """Send the pending acknowledgements, ``limit`` per call; the cron runs again
        at once while some remain (progress API). The batch is sent together (each
        template rendered once for all its entries); if that fails, the entries are
        sent one by one, so that one failing entry is logged and blocks no other."""
        domain = [("cic_acknowledgement_pending", "=", True)]
        tickets = self.search(domain, order="id", limit=limit)
        if not tickets._cic_send_acknowledgement_safely() and len(tickets) > 1:
            for ticket in tickets:
                ticket._cic_send_acknowledgement_safely()
        tickets.with_context(tracking_disable=True).write(
            {"cic_acknowledgement_pending": False}
        )
        self.env["ir.cron"]._notify_progress(
            done=len(tickets), remaining=self.search_count(domain)
        )

    def _cic_send_acknowledgement_safely(self):
        """Send the acknowledgements of these entries in a savepoint; return False
        (nothing sent) if it failed, logging the failure of a single entry.
        Concurrency errors are raised: the cron retries the whole batch."""
        try:
            with self.env.cr.savepoint():
                self._cic_send_acknowledgement()
        except CONCURRENCY_ERRORS:
            raise
        except Exception:
            if len(self) == 1:
                _logger.exception(
                    "Acknowledgement of %s could not be sent", self.display_name
                )
            return False
        return True

    def _cic_send_acknowledgement(self):
        """E-mail the number to the sender of an electronic submission (R-REG-7)."""
        default = self.env.ref(
            "cic_registry.mail_template_registration_ack", raise_if_not_found=False
        )
        due = self._cic_acknowledgement_due()
        by_template = due.grouped(
            lambda ticket: ticket.cic_procedure_id.acknowledgement_template_id
            or default
        )
        for template, tickets in by_template.items():
            if template:
                tickets._cic_post_acknowledgement(template)

    def _cic_post_acknowledgement(self, template):
        """Post ``template`` on these entries, queued for the mail cron. The template
        is rendered once for all of them with ``_generate_template`` (its QWeb body is
        compiled once) and posted with ``message_post``: what
        ``message_post_with_source`` does through a ``mail.compose.message`` record,
        whose many computed fields cost as much as the rendering. Each message is
        signed by the user who registered the entry, as if sent at once: with the
        cron's user as author, every follower would get a copy."""
        tickets = self.with_context(mail_notify_force_send=False)
        if template.attachment_ids or template.report_template_ids:
            # Attachments and reports: the composer's path.
            for ticket in tickets:
                ticket.message_post_with_source(
                    template,
                    subtype_xmlid="mail.mt_comment",
                    author_id=ticket.create_uid.partner_id.id,
                )
            return
        rendered = template._generate_template(
            self.ids,
            (
                "body_html",
                "email_cc",
                "email_from",
                "email_to",
                "partner_to",
                "subject",
            ),
            find_or_create_partners=True,
        )
        for ticket in tickets:
            values = rendered[ticket.id]
            ticket.message_post(
                author_id=ticket.create_uid.partner_id.id,
                body=values.get("body_html") or "",
                subject=values.get("subject") or False,
                email_from=values.get("email_from") or None,
                partner_ids=values.get("partner_ids") or [],
                message_type="notification",
                subtype_xmlid="mail.mt_comment",
                email_layout_xmlid=template.email_layout_xmlid or None,
                mail_auto_delete=template.auto_delete,
            )
