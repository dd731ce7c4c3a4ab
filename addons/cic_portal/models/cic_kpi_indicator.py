# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class CicKpiIndicator(models.Model):
    """The manual's indicators whose data is the portal's (issue 17 point 7):
    the published catalogue, its forms and the public information pages.
    cic_performance computes the indicators; this addon adds its sources through
    the ``_selection_compute_source`` / ``_cic_compute_<source>`` hooks."""

    _inherit = "cic.kpi.indicator"

    @api.model
    def _selection_compute_source(self):
        return super()._selection_compute_source() + [
            (
                "forms_available",
                self.env._("Published services with an online or printable form"),
            ),
            ("info_updates", self.env._("Public information pages updated")),
        ]

    def _cic_published_services(self, company):
        return self.env["cic.service"].search(
            [("is_published", "=", True), ("company_id", "=", company.id)]
        )

    def _cic_compute_services_offered(self, date_from, date_to, company):
        """The services published in the portal's catalogue (today's catalogue:
        a service keeps no publication history)."""
        return float(len(self._cic_published_services(company)))

    def _cic_compute_forms_available(self, date_from, date_to, company):
        """Published services filed online or with a blank form to download."""
        services = self._cic_published_services(company)
        return float(
            len(services.filtered(lambda s: s.online_form or s.form_attachment_ids))
        )

    def _cic_compute_info_updates(self, date_from, date_to, company):
        """Published information pages last updated in the period."""
        pages = self.env["cic.public.info.page"].search(
            [("is_published", "=", True), ("company_id", "=", company.id)]
        )
        return float(
            len(pages.filtered(lambda p: date_from <= p.write_date.date() <= date_to))
        )
