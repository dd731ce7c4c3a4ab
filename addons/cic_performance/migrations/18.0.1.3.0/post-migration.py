# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.1.2.0 -> 18.0.1.3.0: the manual's indicators from data (issue 17 point 7).

The shipped indicator "founded complaints against the CIC" was a typed value; it is
now computed from the complaints found founded (its data record is ``noupdate``, so
the update does not rewrite it). An indicator a town hall changed itself (another
kind or source) is left as it is.
"""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    indicator = env.ref(
        "cic_performance.indicator_founded_complaints", raise_if_not_found=False
    )
    if indicator and indicator.kind == "manual" and not indicator.compute_source:
        indicator.write({"kind": "computed", "compute_source": "founded_complaints"})
