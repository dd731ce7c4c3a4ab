# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.1.2.0 -> 18.0.1.3.0: one satisfaction measure (issue 17 point 6).

The portal's own rating model ``cic.request.rating`` is gone: a citizen's rating is
now an anonymous answer of the closure satisfaction survey (cic_performance, already
updated: cic_portal depends on it). Each old rating becomes a done answer of the
company's closure survey with the rated entry's dimensions (department, channel,
procedure, company), the rating's date as the date sent, its score and comment, and
no partner; the entry is marked rated (``cic_satisfaction_sent``). Odoo then drops
the old model and its table at the end of the update.
"""

import logging

from odoo import SUPERUSER_ID, api
from odoo.tools import SQL
from odoo.tools.sql import table_exists

_logger = logging.getLogger(__name__)


def _closure_survey(env, company):
    return company.cic_satisfaction_survey_id or env.ref(
        "cic_performance.survey_cic_closure_satisfaction"
    )


def move_ratings(env):
    """Turn every row of ``cic_request_rating`` into an anonymous survey answer."""
    if not table_exists(env.cr, "cic_request_rating"):
        return 0
    rows = env.execute_query(
        SQL(
            "SELECT ticket_id, rating, comment, create_date::date "
            "FROM cic_request_rating ORDER BY id"
        )
    )
    Ticket = env["helpdesk.ticket"].with_context(tracking_disable=True)
    for ticket_id, score, comment, rated_on in rows:
        ticket = Ticket.browse(ticket_id)
        company = ticket.company_id or env.company
        answer = _closure_survey(env, company)._create_answer(check_attempts=False)
        answer.write(dict(ticket._cic_satisfaction_dims(), cic_sent_date=rated_on))
        answer._cic_fill_rating(score, comment)
        ticket.cic_satisfaction_sent = True
    env.cr.execute(SQL("DELETE FROM cic_request_rating"))
    _logger.info("cic_portal: %s ratings moved to the satisfaction survey", len(rows))
    return len(rows)


def migrate(cr, version):
    if not version:
        return
    move_ratings(api.Environment(cr, SUPERUSER_ID, {}))
