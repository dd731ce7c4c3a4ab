# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.1.3.0 -> 18.0.1.4.0: the online form's privacy acknowledgement is one
translated statement, rendered in the box's label and kept on the entry
(``CicPortalController._privacy_ack``), so the form page's label no longer holds
the notice's link. The privacy view (``cic_request_form_page_gdpr``) in the
database still pointed its href at that link, and Odoo validates the updated form
page with the inheriting views already in the database: the update would stop on
the stale xpath. Before the module's data is loaded, that view is given its
current arch from its file (valid with the old and the new form page)."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    view = env.ref("cic_portal.cic_request_form_page_gdpr", raise_if_not_found=False)
    if view:
        view.reset_arch(mode="hard")
