# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models


class MailMail(models.Model):
    _inherit = "mail.mail"

    @api.model
    def _cic_retry_unreachable_server(self):
        """Cron: put back in the queue the e-mails that failed because the mail
        server could not be reached.

        Odoo marks a whole batch 'exception' when the SMTP connection fails and its
        queue cron only sends 'outgoing' mails: a citizen's confirmation (with the
        access code) written during a mail server outage was never sent. Mails
        refused for their own reason (invalid address ...) carry a failure type
        other than a connection failure and stay as they are. Only recent mails are
        retried (``cic_portal.mail_retry_days``, default 3)."""
        days = int(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("cic_portal.mail_retry_days", 3)
        )
        failed = self.sudo().search(
            [
                ("state", "=", "exception"),
                ("failure_type", "in", (False, "mail_smtp")),
                ("create_date", ">=", fields.Datetime.now() - timedelta(days=days)),
            ]
        )
        failed.mark_outgoing()
        return failed
