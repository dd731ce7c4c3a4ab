# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class CicKpiIndicator(models.Model):
    """The manual's "how often staff are trained", computed from participations."""

    _inherit = "cic.kpi.indicator"

    def _cic_training_staff(self, company):
        """The CIC's staff: active employees of the company who are CIC clerks."""
        clerk = self.env.ref("cic_registry.group_cic_clerk")
        return (
            self.env["hr.employee"]
            .sudo()
            .search(
                [
                    ("company_id", "=", company.id),
                    ("user_id.groups_id", "in", clerk.id),
                ]
            )
        )

    def _cic_compute_training_hours(self, date_from, date_to, company):
        staff = self._cic_training_staff(company)
        if not staff:
            return 0.0
        hours = self.env["cic.training.participation"]._cic_hours_by_employee(
            staff, date_from, date_to
        )
        return round(sum(hours.values()) / len(staff), 2)

    @api.model
    def _cic_training_indicator_computed(self):
        """The manual's training indicator is computed from the participations."""
        indicator = self.env.ref(
            "cic_performance.indicator_training_hours", raise_if_not_found=False
        )
        if indicator and indicator.kind == "manual":
            indicator.write({"kind": "computed", "compute_source": "training_hours"})
