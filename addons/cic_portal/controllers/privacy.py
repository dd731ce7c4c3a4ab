# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Personal data on the portal (R-GDPR-3): the privacy page with the institution's
notice and its data protection officer (company settings), and the online form of
the data-subject requests, filed through the common submission path of the portal
(``CicPortalController._submit``: form token, spam guard, e-mail confirmation of
visitors, registration) with the right exercised."""

from markupsafe import Markup

from odoo import http
from odoo.http import request

from .cic_portal import CicPortalController

GDPR_PROCEDURE = "gdpr_request"


def _gdpr_rights(env):
    """(value, label) of the rights, translated in the visitor's language."""
    field = env["helpdesk.ticket"]._fields["cic_gdpr_right"]
    return field._description_selection(env)


class CicPrivacyController(http.Controller):
    @http.route(
        "/cic/privacy",
        type="http",
        auth="public",
        website=True,
        readonly=True,
        sitemap=True,
    )
    def cic_privacy(self, **kw):
        company = request.website.company_id or request.env.company
        # Narrow sudo: the institution's published privacy notice and contact
        # (its company fields), shown to visitors who have no read right on them.
        return request.render(
            "cic_portal.cic_privacy_page",
            {"company": company.sudo(), "gdpr_rights": _gdpr_rights(request.env)},
        )


class CicPortalGdprForm(CicPortalController):
    """The right exercised, on the form and on the registered request."""

    def _field_labels(self):
        labels = super()._field_labels()
        labels["gdpr_right"] = request.env._("Right exercised")
        return labels

    def _validate_form(self, kind_def, post):
        errors = super()._validate_form(kind_def, post)
        if kind_def["procedure"] == GDPR_PROCEDURE and "gdpr_right" not in errors:
            if post.get("gdpr_right") not in dict(_gdpr_rights(request.env)):
                errors["gdpr_right"] = request.env._("Choose the right you exercise.")
        return errors

    def _description_html(self, kind_def, post):
        body = super()._description_html(kind_def, post)
        if kind_def["procedure"] != GDPR_PROCEDURE:
            return body
        label = dict(_gdpr_rights(request.env)).get(post.get("gdpr_right"), "")
        return (
            Markup("<p><b>%s:</b> %s</p>") % (request.env._("Right exercised"), label)
            + body
        )

    def _prepare_ticket_vals(self, kind_def, post, service=None):
        vals = super()._prepare_ticket_vals(kind_def, post, service)
        if kind_def["procedure"] == GDPR_PROCEDURE:
            vals["cic_gdpr_right"] = post["gdpr_right"]
        return vals

    def _form_values(self, kind, kind_def, post=None, errors=None, service=None):
        values = super()._form_values(kind, kind_def, post, errors, service)
        if kind_def["procedure"] == GDPR_PROCEDURE:
            values["gdpr_rights"] = _gdpr_rights(request.env)
        return values
