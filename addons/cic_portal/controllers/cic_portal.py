# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The online forms of the citizens' portal (/cic/form/<kind>,
/cic/services/<slug>/apply) and the spam guard the other public forms share.

The controller parses the form, checks the spam guard and renders; the
registration is ``cic.portal.submission._cic_register_ticket``. The other route
families extend this class or their own base: services.py (catalogue),
tracking.py (/cic/track), request_pages.py (confirmation, receipt),
public_pages.py (documents, ex officio information)."""

import ipaddress
import re

from markupsafe import Markup

from odoo import fields, http
from odoo.exceptions import UserError, ValidationError
from odoo.http import request
from odoo.tools import plaintext2html

from .utils import commune, commune_domain

# The privacy notice (GDPR art. 13) the forms' acknowledgement names (privacy.py).
PRIVACY_NOTICE_PATH = "/cic/privacy"
# IPv6 clients get a /64 each from their provider: its addresses share one counter.
IPV6_CLIENT_PREFIX = 64
CAPTCHA_ACTION = "cic_form"
# Secret key (ir.config_parameter) -> form field holding the widget's token.
CAPTCHA_TOKEN_FIELDS = {
    "recaptcha_private_key": "recaptcha_token_response",
    "cf.turnstile_secret_key": "turnstile_captcha",
}


def _form_kinds(env):
    """Online forms: procedure code, title and the fields the law requires (the
    legal minimum of the procedure, ``cic.service.field._cic_legal_minimum``);
    the other fields of a form are the procedure's ``cic.service.field``."""
    _ = env._
    legal = env["cic.service.field"]._cic_legal_minimum
    return {
        "petition": {
            "procedure": "petition",
            "title": _("Petition"),
            "intro": _(
                "Request, complaint, notification or proposal (OG 27/2002). "
                "Name and postal address are required by art. 7."
            ),
            "required": list(legal("petition")),
        },
        "foi_request": {
            "procedure": "foi_request",
            "title": _("Request for public information"),
            "intro": _(
                "Law 544/2001: state the information requested, your name and "
                "surname and the address where you want the answer (art. 6(3))."
            ),
            "required": list(legal("foi_request")),
        },
        "foi_complaint": {
            "procedure": "foi_complaint",
            "title": _("Administrative complaint (Law 544/2001 art. 21)"),
            "intro": _(
                "Against a refusal or a missing answer, within 30 days from when "
                "you learned of it."
            ),
            "required": list(legal("foi_complaint")),
        },
        "transparency_recommendation": {
            "procedure": "transparency_recommendation",
            "title": _("Recommendation on a draft act"),
            "intro": _(
                "Law 52/2003: proposals on draft normative acts under consultation."
            ),
            "required": list(legal("transparency_recommendation")),
        },
        "gdpr_request": {
            "procedure": "gdpr_request",
            "title": _("Personal data request (GDPR)"),
            "intro": _(
                "Access to your personal data, rectification, erasure, restriction, "
                "portability or objection (Regulation (EU) 2016/679 art. 15-21). "
                "We answer within one month of receipt (art. 12(3))."
            ),
            "required": list(legal("gdpr_request")),
        },
        "service_request": {
            "procedure": "service_request",
            "title": _("Service request"),
            "intro": "",
            "required": list(legal("service_request")),
        },
    }


class CicPortalController(http.Controller):
    # ------------------------------------------------------------------
    # Spam guard and rate limit helpers
    # ------------------------------------------------------------------
    def _client_key(self):
        """The client's address as Odoo sees it: the peer of the connection, or,
        with ``proxy_mode`` on, the address the reverse proxy reports (Odoo then
        applies werkzeug's ProxyFix to requests carrying X-Forwarded-Host, see
        docs/nginx-example.conf). Without ``proxy_mode`` a forged
        X-Forwarded-For is ignored. An IPv6 client counts as its whole /64."""
        address = request.httprequest.remote_addr or ""
        try:
            ip = ipaddress.ip_address(address)
        except ValueError:
            return address or "unknown"
        if ip.version == 6 and ip.ipv4_mapped:
            return str(ip.ipv4_mapped)
        if ip.version == 6:
            network = ipaddress.ip_network(f"{ip}/{IPV6_CLIENT_PREFIX}", strict=False)
            return str(network)
        return str(ip)

    def _submit_keys(self, post):
        """Counters a form submission counts against: the client's address (or
        /64) and the e-mail address given on the form."""
        keys = [self._client_key()]
        email = (post.get("email") or "").strip().lower()
        if email:
            keys.append(f"email:{email}")
        return keys

    def _check_spam(self, post):
        _ = request.env._
        if post.get("cic_website"):  # honeypot, hidden from humans
            raise ValueError(_("Your submission could not be accepted."))
        # Narrow sudo: the counters are technical rows, read for visitors.
        throttle = request.env["cic.portal.throttle"].sudo()
        limit = request.env["cic.portal.submission"]._cic_int_param(
            "cic_portal.submit_limit_per_hour", 10
        )
        if any(
            throttle._is_limited("submit", key, limit, 60)
            for key in self._submit_keys(post)
        ):
            raise ValueError(
                _(
                    "Too many submissions from your connection or e-mail address. "
                    "Please try again later."
                )
            )

    def _check_captcha(self):
        """The CAPTCHA configured in Settings (Odoo's google_recaptcha, and
        website_cf_turnstile when installed), once its keys are set; without keys
        the forms work as before. A missing token is refused here, without
        asking the provider."""
        _ = request.env._
        refused = _(
            "The anti-robot check failed. Please reload the page and send the form "
            "again."
        )
        # Narrow sudo: whether the CAPTCHA keys are set (config parameters).
        params = request.env["ir.config_parameter"].sudo()
        http_model = request.env["ir.http"]
        for key, field in CAPTCHA_TOKEN_FIELDS.items():
            if key.startswith("cf.") and not hasattr(
                http_model, "_verify_turnstile_token"
            ):
                continue
            if params.get_param(key) and not request.params.get(field):
                raise ValueError(refused)
        try:
            verified = http_model._verify_request_recaptcha_token(CAPTCHA_ACTION)
        except (UserError, ValidationError) as exc:
            raise ValueError(refused) from exc
        if not verified:
            raise ValueError(refused)

    # ------------------------------------------------------------------
    # Validation helpers
    # ------------------------------------------------------------------
    def _field_labels(self):
        _ = request.env._
        return {
            "first_name": _("First name"),
            "last_name": _("Last name"),
            "email": _("E-mail"),
            "subject": _("Subject"),
            "message": _("Message"),
            "street": _("Street"),
            "street_number": _("Number"),
            "locality": _("Locality"),
            "county": _("County"),
            "answer_format": _("Answer format"),
            "complaint_type": _("Complaint type"),
            "consent": _("Consent to the privacy notice"),
        }

    def _validate_form(self, kind_def, post):
        _ = request.env._
        errors = {}
        labels = self._field_labels()
        for name in kind_def["required"] + ["consent"]:
            if not (post.get(name) or "").strip():
                errors[name] = _("%s is required.", labels.get(name, name))
        email = (post.get("email") or "").strip()
        if email and not re.match(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", email):
            errors["email"] = _("The e-mail address is not valid.")
        return errors

    def _privacy_ack(self, link=True):
        """The acknowledgement of the privacy notice (GDPR art. 13) every form
        asks for, in the form's language: the checkbox's label (``link``: the
        notice linked) or the text kept on the entry (the notice's address).
        ``_validate_form`` refuses a form whose box is not ticked."""
        _ = request.env._
        notice = _("privacy notice")
        if link:
            notice = Markup('<a href="%s">%s</a>') % (PRIVACY_NOTICE_PATH, notice)
        else:
            url = request.httprequest.host_url.rstrip("/") + PRIVACY_NOTICE_PATH
            notice = f"{notice} ({url})"
        return _(
            "I have read the %(notice)s and agree that my data is processed to "
            "handle this request.",
            notice=notice,
        )

    # ------------------------------------------------------------------
    # The form's values
    # ------------------------------------------------------------------
    def _description_html(self, kind_def, post):
        _ = request.env._
        lines = [
            Markup("<p><b>%s:</b> %s</p>") % (answer["name"], answer["value"])
            for answer in kind_def.get("answers", ())
        ]
        address = ", ".join(
            post.get(k, "").strip()
            for k in ("street", "street_number", "locality", "county", "zip")
            if post.get(k, "").strip()
        )
        if address:
            lines.append(
                Markup("<p><b>%s:</b> %s</p>") % (_("Postal address"), address)
            )
        body = plaintext2html(post.get("message", ""))
        return Markup("").join(lines) + body

    def _prepare_ticket_vals(self, kind_def, post, service=None):
        """The entry's values read from the form; the petitioner and the portal
        flags are set by ``cic.portal.submission._cic_register_ticket``."""
        procedure = self._procedure(kind_def)
        if service:
            procedure = service.procedure_id
        channel = request.env.ref(
            "helpdesk_mgmt.helpdesk_ticket_channel_web", raise_if_not_found=False
        )
        draft = self._chosen_draft(kind_def, post)
        subject = post["subject"].strip()[:200]
        if draft:
            subject = f"{subject} ({draft.name})"[:200]
        Submission = request.env["cic.portal.submission"]
        vals = {
            "name": subject,
            "description": self._description_html(kind_def, post),
            "cic_procedure_id": procedure.id,
            "channel_id": channel.id if channel else False,
            # The form was refused unless the box was ticked (_validate_form).
            "cic_privacy_ack_date": fields.Datetime.now(),
            "cic_privacy_ack_text": self._privacy_ack(link=False),
            **Submission._cic_petitioner_address_vals(post),
        }
        if service:
            vals["cic_service_id"] = service.id
            if service.department_id:
                vals["team_id"] = service.department_id.id
            vals.update(service._cic_portal_ticket_vals(post))
        return vals

    def _filing_org_cui(self, post):
        """The CUI of the organisation the form is filed for (petitioner.py), or
        None: the person filing is then the petitioner."""
        return None

    def _register(self, kind_def, post, token_uid, uploads, service=None):
        """Register the form's entry once per form token; return it (sudo)."""
        Submission = request.env["cic.portal.submission"]
        return Submission._cic_register_ticket(
            token_uid,
            self._prepare_ticket_vals(kind_def, post, service),
            Submission._cic_citizen_partner_vals(post),
            org_cui=self._filing_org_cui(post),
            uploads=uploads,
            answers=kind_def.get("answers", ()),
            draft=self._chosen_draft(kind_def, post),
            recommendation=post.get("message", ""),
            throttle_keys=self._submit_keys(post),
            company=commune(),
        )

    # ------------------------------------------------------------------
    # Online forms
    # ------------------------------------------------------------------
    def _form_values(self, kind, kind_def, post=None, errors=None, service=None):
        partner = request.env.user.partner_id
        defaults = {}
        if not request.env.user._is_public():
            first, _sep, last = (partner.name or "").partition(" ")
            defaults = {
                "first_name": first,
                "last_name": last,
                "email": partner.email or "",
                "phone": partner.phone or "",
                "street": partner.street or "",
                "locality": partner.city or "",
                "zip": partner.zip or "",
            }
        if service:
            defaults["subject"] = service.name
        defaults.update(post or {})
        return {
            "kind": kind,
            "kind_def": kind_def,
            "service": service,
            "form": defaults,
            "form_fields": self._form_fields(kind_def, service),
            "errors": errors or {},
            "form_token": request.env["cic.portal.submission"]._cic_new_form_token(),
            "company": commune(),
            "privacy_ack": self._privacy_ack(),
            "drafts": request.env["cic.portal.submission"]._cic_open_drafts(commune())
            if kind == "transparency_recommendation"
            else [],
            "action": f"/cic/services/{service.slug}/apply"
            if service
            else f"/cic/form/{kind}",
        }

    def _form_fields(self, kind_def, service=None):
        """The fields of the form below its frame (cic.service.field)."""
        return request.env["cic.service.field"]._cic_form_fields(
            self._procedure(kind_def), service
        )

    def _procedure(self, kind_def):
        """The procedure of the form in the website's commune (its own, else the
        shared one), chosen by the form's procedure code."""
        return request.env["cic.procedure"]._cic_for_commune(
            kind_def["procedure"], commune()
        )

    def _chosen_draft(self, kind_def, post):
        """The draft a recommendation is about, among those open to comments."""
        if kind_def["procedure"] != "transparency_recommendation":
            return None
        return request.env["cic.portal.submission"]._cic_open_draft(
            post.get("draft_id"), commune()
        )

    def _submit(self, kind, kind_def, post, service=None):
        _ = request.env._
        form_error = None
        errors = self._validate_form(kind_def, post)
        if service:
            errors.update(service._cic_portal_form_errors(post))
        answers, field_errors = self._form_fields(kind_def, service)._cic_parse_form(
            post, request.httprequest.files
        )
        errors.update(field_errors)
        kind_def = dict(kind_def, answers=answers)
        uploads = []
        token_uid = None
        Submission = request.env["cic.portal.submission"]
        try:
            token_uid = Submission._cic_check_form_token(post.get("form_token"))
            self._check_spam(post)
            self._check_captcha()
            if not errors:
                uploads = Submission._cic_read_uploads(
                    request.httprequest.files.getlist("attachments")
                )
        except (ValueError, UserError) as exc:
            form_error = exc.args[0]
        if form_error or errors:
            values = self._form_values(kind, kind_def, post, errors, service)
            values["form_error"] = form_error or _(
                "Please correct the fields marked below."
            )
            return request.render("cic_portal.cic_request_form_page", values)
        try:
            # A document the filestore could not store (disk full,
            # CicStorageError) or a refusal of the registration (a form of
            # another commune) undoes the whole registration: no entry, number,
            # attachment or token row.
            with request.env.cr.savepoint():
                ticket = self._register(kind_def, post, token_uid, uploads, service)
        except UserError as exc:
            values = self._form_values(kind, kind_def, post, {}, service)
            values["form_error"] = exc.args[0]
            return request.render("cic_portal.cic_request_form_page", values)
        return request.redirect(
            f"/cic/request/{ticket.id}/confirmation?access_token={ticket.access_token}"
        )

    @http.route(
        "/cic/form/<string:kind>",
        type="http",
        auth="public",
        website=True,
        methods=["GET", "POST"],
        sitemap=False,
    )
    def cic_form(self, kind, **post):
        kinds = _form_kinds(request.env)
        if kind not in kinds or kind == "service_request":
            raise request.not_found()
        if request.httprequest.method == "POST":
            return self._submit(kind, kinds[kind], post)
        return request.render(
            "cic_portal.cic_request_form_page",
            self._form_values(kind, kinds[kind], post),
        )

    # ------------------------------------------------------------------
    # Service catalogue
    # ------------------------------------------------------------------
    def _get_service(self, slug):
        service = request.env["cic.service"].search(
            [("slug", "=", slug), ("is_published", "=", True)] + commune_domain(),
            limit=1,
        )
        if not service:
            raise request.not_found()
        return service

    @http.route(
        "/cic/services/<string:slug>/apply",
        type="http",
        auth="public",
        website=True,
        methods=["GET", "POST"],
        sitemap=False,
    )
    def cic_service_apply(self, slug, **post):
        service = self._get_service(slug)
        if not service.online_form:
            raise request.not_found()
        kind_def = dict(_form_kinds(request.env)["service_request"])
        kind_def["title"] = service.name
        kind_def["intro"] = service.summary or ""
        # Narrow sudo: visitors read the legal minimum of the published service's
        # procedure, not the procedure.
        kind_def["required"] = list(
            request.env["cic.service.field"]._cic_legal_minimum(
                service.sudo().procedure_id.code
            )
        )
        if request.httprequest.method == "POST":
            return self._submit("service_request", kind_def, post, service)
        return request.render(
            "cic_portal.cic_request_form_page",
            self._form_values("service_request", kind_def, post, service=service),
        )
