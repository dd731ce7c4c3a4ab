# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class CicKpiIndicator(models.Model):
    """The manual's counselling volume and counter waiting time, computed from the
    front-desk log (``cic.frontdesk.contact`` of cic_registry), over the contacts
    the caller may read."""

    _inherit = "cic.kpi.indicator"

    def _cic_frontdesk_summary(self, date_from, date_to, company):
        return self.env["cic.frontdesk.contact"]._cic_period_summary(
            date_from, date_to, company
        )

    def _cic_compute_frontdesk_contacts(self, date_from, date_to, company):
        return float(self._cic_frontdesk_summary(date_from, date_to, company)["count"])

    def _cic_compute_frontdesk_waiting_avg(self, date_from, date_to, company):
        return self._cic_frontdesk_summary(date_from, date_to, company)["waiting_avg"]
