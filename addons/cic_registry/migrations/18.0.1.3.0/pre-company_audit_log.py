# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.1.2.0 -> 18.0.1.3.0 (issue 19 point 1): every audit log row belongs to a
commune (the company is now required and a company rule filters the log). A row
written before without a company takes the company of the registry entry it
records, else the main company."""

import logging

from odoo.tools import SQL

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        SQL(
            """UPDATE cic_audit_log log SET company_id = ticket.company_id
                 FROM helpdesk_ticket ticket
                WHERE log.company_id IS NULL
                  AND log.res_model = 'helpdesk.ticket'
                  AND ticket.id = log.res_id
                  AND ticket.company_id IS NOT NULL"""
        )
    )
    from_tickets = cr.rowcount
    cr.execute(
        SQL(
            """UPDATE cic_audit_log SET company_id = (
                   SELECT res_id FROM ir_model_data
                    WHERE module = 'base' AND name = 'main_company')
                WHERE company_id IS NULL"""
        )
    )
    _logger.info(
        "audit log: %s rows given their entry's company, %s the main company",
        from_tickets,
        cr.rowcount,
    )
