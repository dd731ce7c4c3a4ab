# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""One state machine for ``hr.appraisal`` (issue 18 point 7).

The CIC step (``cic_stage``, the steps of the official procedure) is the only thing
that moves. hr_appraisal_oca's status (``state``: to confirm, confirmed, done) is a
stored field computed from the step, so its lists, kanban columns, filters and its
employee counters keep working and can never disagree with the step.

hr_appraisal_oca's own buttons (Confirm, Mark as Done, Reopen) stand for steps: on an
appraisal outside a campaign they move the step (and the status follows); on a
campaign's appraisal only the CIC buttons move it, so they refuse.
"""

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

#: hr_appraisal_oca's status of each CIC step: the step decides, the status follows.
STAGE_STATE = {
    "objectives": "1_new",
    "report": "2_pending",
    "interview": "2_pending",
    "employee": "2_pending",
    "countersign": "2_pending",
    "countersigned": "2_pending",
    "contested": "2_pending",
    "decided": "3_done",
    "closed": "3_done",
}
#: The step each hr_appraisal_oca status stands for on an appraisal outside a
#: campaign (the migration of 18.0.1.4.0 reads it too).
STATE_STAGE = {"1_new": "objectives", "2_pending": "report", "3_done": "closed"}
#: hr_appraisal_oca's buttons: the status they may be pressed at, the one they lead to.
OCA_BUTTONS = {
    "action_confirm": ("1_new", "2_pending"),
    "action_done": ("2_pending", "3_done"),
    "action_back": ("3_done", "1_new"),
}


class HrAppraisal(models.Model):
    _inherit = "hr.appraisal"

    # no default: a default would be taken as a value given at creation and win
    # over the step
    state = fields.Selection(
        compute="_compute_state",
        store=True,
        precompute=True,
        readonly=True,
        default=None,
    )

    @api.depends("cic_stage")
    def _compute_state(self):
        for appraisal in self:
            appraisal.state = STAGE_STATE[appraisal.cic_stage or "objectives"]

    @api.constrains("cic_stage", "state")
    def _check_state_follows_stage(self):
        for appraisal in self:
            if appraisal.state != STAGE_STATE[appraisal.cic_stage or "objectives"]:
                raise appraisal._cic_state_error()

    def _cic_state_error(self):
        return ValidationError(
            self.env._(
                "The status of an appraisal follows its step: it is changed by the "
                "appraisal's buttons only."
            )
        )

    def _cic_state_vals(self, vals):
        """``vals`` for ``write``, with hr_appraisal_oca's status following the step.

        A step written carries its status, so that hr_appraisal_oca's ``write`` does on
        the way to "Done" what it does for its own button (closing date today, the
        "fill the appraisal" activities marked done). A status written without a step
        is dropped when every appraisal has it already: hr_appraisal_oca's buttons
        write it after :meth:`_cic_oca_button` moved the step. Any other status stays
        in ``vals``, to be refused (role check, then ``_check_state_follows_stage``).
        """
        if vals.get("cic_stage") in STAGE_STATE:
            state = STAGE_STATE[vals["cic_stage"]]
            if vals.get("state", state) != state:
                raise self._cic_state_error()
            return dict(vals, state=state)
        if "state" in vals and set(self.mapped("state")) <= {vals["state"]}:
            return {key: value for key, value in vals.items() if key != "state"}
        return vals

    # ------------------------------------------------------------------
    # hr_appraisal_oca's buttons, as steps
    # ------------------------------------------------------------------
    def action_confirm(self):
        self._cic_oca_button("action_confirm")
        return super().action_confirm()

    def action_done(self):
        self._cic_oca_button("action_done")
        return super().action_done()

    def action_back(self):
        self._cic_oca_button("action_back")
        return super().action_back()

    def _cic_oca_button(self, button):
        """Move the step an hr_appraisal_oca button stands for, after the checks its
        view makes: the status it is shown at, and who sees it (the managers, HR, and
        for Confirm the evaluated employee). A campaign's appraisal moves by its CIC
        steps only."""
        self.check_access("write")
        if self.filtered("cic_campaign_id"):
            raise UserError(
                self.env._(
                    "An appraisal of a campaign follows the steps of the official "
                    "procedure: use its buttons."
                )
            )
        start, end = OCA_BUTTONS[button]
        self._cic_check_stage(*(s for s, st in STAGE_STATE.items() if st == start))
        if not self._cic_is_hr():
            user = self.env.user
            for appraisal in self:
                manager = appraisal.is_manager or user in appraisal.manager_ids.user_id
                employee = (
                    button == "action_confirm" and user == appraisal.employee_user_id
                )
                if not (manager or employee):
                    raise AccessError(
                        self.env._("Only the appraisal's managers or HR can do this.")
                    )
        self._cic_set_stage(STATE_STAGE[end])
