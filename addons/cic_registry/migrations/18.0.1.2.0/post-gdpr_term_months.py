# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.1.1.0 -> 18.0.1.2.0: the data-subject requests (GDPR art. 12(3)) run one
calendar month from receipt, extendable to three, instead of 30/90 calendar days
(R-GDPR-3). The procedure (a noupdate record) gets its term in months, unless the
administrator already set one; the due dates of the open requests are recomputed.
Closed requests keep the due date they were handled against."""

import logging

from odoo import SUPERUSER_ID, api

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    procedure = env.ref("cic_registry.procedure_gdpr_request", raise_if_not_found=False)
    if not procedure or procedure.term_months:
        return
    procedure.write(
        {
            "term_days": 0,
            "extended_term_days": 0,
            "term_months": 1,
            "extended_term_months": 3,
        }
    )
    tickets = env["helpdesk.ticket"].search(
        [("cic_procedure_id", "=", procedure.id), ("stage_id.closed", "=", False)]
    )
    env.add_to_compute(tickets._fields["cic_legal_due_date"], tickets)
    env.add_to_compute(tickets._fields["cic_internal_due_date"], tickets)
    env.flush_all()
    _logger.info("%s open GDPR requests now due one month from receipt", len(tickets))
