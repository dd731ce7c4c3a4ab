# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.1.3.0 -> 18.0.1.4.0: one state machine for the appraisal (issue 18 point 7).

hr_appraisal_oca's ``state`` is now stored and computed from the CIC step
(``cic_stage``); the update keeps the column as it was, so it is recomputed here:

1. an appraisal outside a campaign moved by hr_appraisal_oca's buttons only and its
   step stayed "objectives": it gets the step its status stands for (``STATE_STAGE``);
2. then every appraisal's status is recomputed from its step (``STAGE_STATE``): a
   campaign's appraisal whose status was moved by hand gets the one of its step.
"""

import logging

from odoo import SUPERUSER_ID, api
from odoo.tools import SQL

from odoo.addons.cic_performance.models.hr_appraisal_state import STATE_STAGE

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    if not version:
        return
    for state, stage in STATE_STAGE.items():
        cr.execute(
            SQL(
                """UPDATE hr_appraisal SET cic_stage = %s
                    WHERE cic_campaign_id IS NULL AND state = %s
                      AND (cic_stage IS NULL OR cic_stage = 'objectives')
                      AND cic_stage IS DISTINCT FROM %s""",
                stage,
                state,
                stage,
            )
        )
        if cr.rowcount:
            _logger.info(
                "%s appraisals outside a campaign: step %s", cr.rowcount, stage
            )
    env = api.Environment(cr, SUPERUSER_ID, {})
    Appraisal = env["hr.appraisal"].with_context(active_test=False)
    appraisals = Appraisal.search([])
    before = dict(zip(appraisals.ids, appraisals.mapped("state"), strict=True))
    env.add_to_compute(Appraisal._fields["state"], appraisals)
    appraisals.flush_recordset(["state"])
    changed = [a.id for a in appraisals if a.state != before[a.id]]
    _logger.info(
        "%s appraisals: status recomputed from the step, %s changed %s",
        len(appraisals),
        len(changed),
        changed[:20],
    )
