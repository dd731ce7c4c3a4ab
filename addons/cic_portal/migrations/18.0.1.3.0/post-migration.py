# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.1.2.0 -> 18.0.1.3.0: the manual's indicators whose data the portal holds
are computed (issue 17 point 7): standard forms from the catalogue, information
updates from the public pages. Their records are ``noupdate``; those a town hall
left as shipped (typed, no source) are switched, others are left as they are."""

from odoo import SUPERUSER_ID, api

SOURCES = {
    "cic_performance.indicator_forms_available": "forms_available",
    "cic_performance.indicator_info_update_frequency": "info_updates",
}


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    for xmlid, source in SOURCES.items():
        indicator = env.ref(xmlid, raise_if_not_found=False)
        if indicator and indicator.kind == "manual" and not indicator.compute_source:
            indicator.write({"kind": "computed", "compute_source": source})
