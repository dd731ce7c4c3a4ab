# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.1.2.0 -> 18.0.1.3.0: one deferred-mail helper (issue 18 point 3).

The acknowledgements waiting in the old flag ``cic_acknowledgement_pending`` (a
column, now computed from ``cic_deferred_mail_template_ids``) are queued with the
helper, and the cron calls its new method every minute (no trigger per entry).
Run at the end of the update, once
every addon's overrides are loaded (the portal's confirmation template for online
submissions). The old column is left in place, as Odoo leaves the columns of
fields that are no longer stored."""

from odoo import SUPERUSER_ID, api
from odoo.tools import SQL
from odoo.tools.sql import column_exists


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    cron = env.ref("cic_registry.ir_cron_cic_send_acknowledgements", False)
    if cron:
        cron.write(
            {
                "code": "model._cron_cic_send_deferred_mail()",
                "interval_number": 1,
                "interval_type": "minutes",
            }
        )
    if not column_exists(cr, "helpdesk_ticket", "cic_acknowledgement_pending"):
        return
    cr.execute(SQL("SELECT id FROM helpdesk_ticket WHERE cic_acknowledgement_pending"))
    tickets = env["helpdesk.ticket"].browse([row[0] for row in cr.fetchall()])
    tickets._cic_queue_acknowledgement()
    env.flush_all()
