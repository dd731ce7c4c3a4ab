# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Public pages of the citizens' portal: catalogue, online forms,
confirmation, tracking, public documents and ex officio information."""

import ipaddress
import re
import time
import uuid

from markupsafe import Markup

from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request
from odoo.tools import consteq, plaintext2html
from odoo.tools.misc import hash_sign, verify_hash_signed

from odoo.addons.cic_registry.models.ir_attachment import CicStorageError
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

from .utils import attachment_download

FORM_SCOPE = "cic_portal.form"
MAX_FILES = 5
DOCUMENTS_PER_PAGE = 20
CODE_CLEAN_RE = re.compile(r"[^A-Z0-9]")
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

    def _param(self, name, default):
        value = request.env["ir.config_parameter"].sudo().get_param(name)
        try:
            return int(value) if value not in (None, False, "") else default
        except ValueError:
            return default

    def _new_form_token(self):
        """Signed (time, uuid): proves when the form was served and makes
        a second submit of the same form idempotent."""
        return hash_sign(
            request.env(su=True),
            FORM_SCOPE,
            {"ts": int(time.time()), "uid": uuid.uuid4().hex},
            expiration_hours=24,
        )

    def _check_form_token(self, token):
        """Return the token uuid, or raise ValueError with a message."""
        _ = request.env._
        values = None
        if token:
            try:
                values = verify_hash_signed(request.env(su=True), FORM_SCOPE, token)
            except (ValueError, UnicodeDecodeError):
                values = None
        if not values:
            raise ValueError(_("The form has expired. Please fill it in again."))
        min_seconds = self._param("cic_portal.min_fill_seconds", 3)
        if time.time() - values["ts"] < min_seconds:
            raise ValueError(
                _("The form was sent too quickly. Please check it and send it again.")
            )
        return values["uid"]

    def _check_spam(self, post):
        _ = request.env._
        if post.get("cic_website"):  # honeypot, hidden from humans
            raise ValueError(_("Your submission could not be accepted."))
        throttle = request.env["cic.portal.throttle"].sudo()
        limit = self._param("cic_portal.submit_limit_per_hour", 10)
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

    def _read_uploads(self):
        """Uploaded files as (name, bytes, mimetype); ValueError if refused."""
        _ = request.env._
        files = [
            f for f in request.httprequest.files.getlist("attachments") if f.filename
        ]
        if len(files) > MAX_FILES:
            raise ValueError(_("You can attach at most %s files.", MAX_FILES))
        uploads = []
        for upload in files:
            try:
                uploads.append(
                    request.env["ir.attachment"]._cic_portal_read_upload(upload)
                )
            except ValidationError as exc:
                raise ValueError(exc.args[0]) from exc
        return uploads

    # ------------------------------------------------------------------
    # Registration
    # ------------------------------------------------------------------
    def _get_citizen_partner(self, post):
        """The logged-in citizen, or a new contact for a visitor. A visitor is
        never matched to an existing contact by e-mail: that would attach the
        request to someone else's account."""
        user = request.env.user
        if not user._is_public():
            return user.partner_id
        # Narrow sudo: visitors cannot create contacts; this creates exactly one,
        # from the validated form, for the request being registered.
        return (
            request.env["res.partner"].sudo().create(self._citizen_partner_vals(post))
        )

    def _citizen_partner_vals(self, post):
        """Contact values (name, e-mail, phone, postal address) from the form."""
        name = f"{post['first_name'].strip()} {post['last_name'].strip()}"
        address = self._petitioner_address_vals(post)
        vals = {
            "name": name,
            "email": post["email"].strip(),
            "phone": (post.get("phone") or "").strip() or False,
            "street": address["cic_petitioner_street"],
            "city": address["cic_petitioner_locality"],
            "zip": (post.get("zip") or "").strip() or False,
        }
        partner_fields = request.env["res.partner"]._fields
        extra = {
            "cic_street": post.get("street"),
            "cic_street_number": post.get("street_number"),
            "cic_locality": post.get("locality"),
            "cic_person_type": "natural",
        }
        vals.update({k: v for k, v in extra.items() if k in partner_fields and v})
        return vals

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

    def _petitioner_address_vals(self, post):
        """The postal address typed in the form, kept on the entry: the petition
        is identified by it (OG 27/2002 art. 7) even if the contact has none."""
        street = " ".join(
            p
            for p in (
                (post.get("street") or "").strip(),
                (post.get("street_number") or "").strip(),
            )
            if p
        )
        return {
            "cic_petitioner_street": street[:200] or False,
            "cic_petitioner_locality": (post.get("locality") or "").strip()[:200]
            or False,
        }

    def _prepare_ticket_vals(self, kind_def, post, partner, service=None):
        procedure = request.env.ref(
            f"cic_registry.procedure_{kind_def['procedure']}", raise_if_not_found=False
        )
        if service:
            procedure = service.procedure_id
        channel = request.env.ref(
            "helpdesk_mgmt.helpdesk_ticket_channel_web", raise_if_not_found=False
        )
        draft = self._chosen_draft(kind_def, post)
        subject = post["subject"].strip()[:200]
        if draft:
            subject = f"{subject} ({draft.name})"[:200]
        vals = {
            "name": subject,
            "description": self._description_html(kind_def, post),
            "partner_id": partner.id,
            "partner_name": partner.name,
            "partner_email": partner.email,
            "cic_procedure_id": procedure.id if procedure else False,
            "cic_portal_origin": True,
            "cic_visitor_unconfirmed": request.env.user._is_public(),
            "channel_id": channel.id if channel else False,
            **self._petitioner_address_vals(post),
        }
        if service:
            vals["cic_service_id"] = service.id
            if service.department_id:
                vals["team_id"] = service.department_id.id
            vals.update(service._cic_portal_ticket_vals(post))
        return vals

    def _register(self, kind_def, post, token_uid, uploads, service=None):
        """Create the registry entry once per form token; return it (sudo)."""
        Submission = request.env["cic.portal.submission"].sudo()
        previous = Submission.search([("token", "=", token_uid)], limit=1)
        if previous:
            return previous._get_record()
        # The token row goes first: a concurrent duplicate waits on its unique
        # index and fails instead of registering a second entry.
        submission = Submission.create(
            {"token": token_uid, "res_model": "helpdesk.ticket", "res_id": 0}
        )
        submission.flush_recordset()
        partner = self._get_citizen_partner(post)
        vals = self._prepare_ticket_vals(kind_def, post, partner, service)
        # Narrow sudo on creation only: visitors and portal users may not create
        # registry entries themselves; the values come from the validated form.
        # Numbered just before the commit: the register's counter is not locked
        # while the uploads and the fee invoice are stored.
        ticket = (
            request.env["helpdesk.ticket"]
            .sudo()
            .with_context(cic_number_at_commit=True)
            .create(vals)
        )
        submission.res_id = ticket.id
        for name, data, mimetype in uploads:
            request.env["ir.attachment"].sudo().create(
                {
                    "name": name,
                    "raw": data,
                    "mimetype": mimetype,
                    "res_model": "helpdesk.ticket",
                    "res_id": ticket.id,
                }
            )
        ticket._cic_store_form_answers(kind_def.get("answers", ()))
        draft = self._chosen_draft(kind_def, post)
        if draft:
            # Narrow sudo: the recommendation lands in the Law 52 register,
            # attached to the entry just registered for this citizen.
            request.env["cic.transparency.recommendation"].sudo().create(
                {
                    "draft_id": draft.id,
                    "author_id": partner.id,
                    "text": post.get("message", ""),
                    "ticket_id": ticket.id,
                }
            )
        ticket._cic_create_fee_invoice()
        ticket._cic_request_email_confirmation()
        ticket._portal_ensure_token()
        throttle = request.env["cic.portal.throttle"].sudo()
        for key in self._submit_keys(post):
            throttle._record("submit", key)
        return ticket

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
            "form_token": self._new_form_token(),
            "company": request.env.company,
            "drafts": self._open_drafts()
            if kind == "transparency_recommendation"
            else [],
            "action": f"/cic/services/{service.slug}/apply"
            if service
            else f"/cic/form/{kind}",
        }

    def _form_fields(self, kind_def, service=None):
        """The fields of the form below its frame (cic.service.field)."""
        procedure = request.env.ref(
            f"cic_registry.procedure_{kind_def['procedure']}", raise_if_not_found=False
        )
        return request.env["cic.service.field"]._cic_form_fields(procedure, service)

    def _open_drafts(self):
        """Drafts under consultation (sudo search restricted to published ones)."""
        if "cic.transparency.draft" not in request.env:
            return []
        return (
            request.env["cic.transparency.draft"]
            .sudo()
            .search([("state", "=", "published"), ("published_website", "=", True)])
        )

    def _chosen_draft(self, kind_def, post):
        """The draft a recommendation is about, among those open to comments."""
        if kind_def["procedure"] != "transparency_recommendation":
            return None
        drafts = self._open_drafts()
        return drafts and drafts.filtered(
            lambda d: str(d.id) == str(post.get("draft_id"))
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
        try:
            token_uid = self._check_form_token(post.get("form_token"))
            self._check_spam(post)
            self._check_captcha()
            if not errors:
                uploads = self._read_uploads()
        except ValueError as exc:
            form_error = str(exc)
        if form_error or errors:
            values = self._form_values(kind, kind_def, post, errors, service)
            values["form_error"] = form_error or _(
                "Please correct the fields marked below."
            )
            return request.render("cic_portal.cic_request_form_page", values)
        try:
            # A document the filestore could not store (disk full) undoes the
            # whole registration: no entry, number, attachment or token row.
            with request.env.cr.savepoint():
                ticket = self._register(kind_def, post, token_uid, uploads, service)
        except CicStorageError as exc:
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
            [("slug", "=", slug), ("is_published", "=", True)], limit=1
        )
        if not service:
            raise request.not_found()
        return service

    @http.route(
        "/cic/services", type="http", auth="public", website=True, readonly=True
    )
    def cic_services(self, search="", **kw):
        domain = [("is_published", "=", True)]
        if search:
            domain += ["|", ("name", "ilike", search), ("summary", "ilike", search)]
        services = request.env["cic.service"].search(domain)
        return request.render(
            "cic_portal.cic_services_page",
            {
                "categories": services.category_id.sorted(),
                "services": services,
                "search": search,
            },
        )

    @http.route(
        "/cic/services/<string:slug>",
        type="http",
        auth="public",
        website=True,
        readonly=True,
    )
    def cic_service(self, slug, **kw):
        return request.render(
            "cic_portal.cic_service_page", {"service": self._get_service(slug)}
        )

    @http.route(
        "/cic/services/<string:slug>/form/<int:attachment_id>",
        type="http",
        auth="public",
        website=True,
        readonly=True,
    )
    def cic_service_form_download(self, slug, attachment_id, **kw):
        service = self._get_service(slug)
        # Only among the forms of a service the visitor can read.
        attachment = service.sudo().form_attachment_ids.filtered(
            lambda a: a.id == attachment_id
        )
        return attachment_download(attachment)

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

    # ------------------------------------------------------------------
    # Confirmation and receipt
    # ------------------------------------------------------------------
    def _check_ticket(self, ticket_id, access_token):
        try:
            return CustomerPortal()._document_check_access(
                "helpdesk.ticket", ticket_id, access_token
            )
        except (AccessError, MissingError):
            return None

    @http.route(
        "/cic/request/<int:ticket_id>/confirmation",
        type="http",
        auth="public",
        website=True,
        sitemap=False,
    )
    def cic_request_confirmation(self, ticket_id, access_token=None, **kw):
        ticket = self._check_ticket(ticket_id, access_token)
        if not ticket:
            return request.redirect("/cic/track")
        return request.render(
            "cic_portal.cic_request_confirmation_page",
            {"ticket": ticket, "access_token": ticket.access_token},
        )

    @http.route(
        "/cic/request/<int:ticket_id>/confirm-email",
        type="http",
        auth="public",
        website=True,
        sitemap=False,
    )
    def cic_request_confirm_email(self, ticket_id, token=None, **kw):
        """The visitor confirms his e-mail address: the fee invoice is issued."""
        # The request comes from the signed token, never from the URL alone.
        ticket = request.env["helpdesk.ticket"]._cic_ticket_from_email_token(token)
        if not ticket or ticket.id != ticket_id:
            return request.redirect("/cic/track")
        ticket._cic_confirm_visitor(
            request.env._("The visitor confirmed his e-mail address.")
        )
        return request.redirect(f"{ticket.get_portal_url()}&message=email_confirmed")

    @http.route(
        "/cic/request/<int:ticket_id>/receipt",
        type="http",
        auth="public",
        website=True,
        sitemap=False,
    )
    def cic_request_receipt(self, ticket_id, access_token=None, **kw):
        ticket = self._check_ticket(ticket_id, access_token)
        if not ticket:
            return request.redirect("/cic/track")
        return CustomerPortal()._show_report(
            ticket,
            "pdf",
            "cic_registry.action_report_registration_receipt",
            download=kw.get("download") == "true",
        )

    # ------------------------------------------------------------------
    # Tracking without an account
    # ------------------------------------------------------------------
    @staticmethod
    def _normalize_code(code):
        raw = CODE_CLEAN_RE.sub("", (code or "").upper())
        return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}" if len(raw) == 12 else raw

    def _track_lookup(self, number, code):
        """Return (ticket, error). Every failure gives the same message and
        counts towards the lock-out of this client."""
        _ = request.env._
        throttle = request.env["cic.portal.throttle"].sudo()
        client = self._client_key()
        max_failures = self._param("cic_portal.track_max_failures", 5)
        if throttle._is_limited("track_fail", client, max_failures, 15):
            return None, _(
                "Too many unsuccessful attempts. Please try again in 15 minutes."
            )
        number = (number or "").strip()
        code = self._normalize_code(code)
        ticket = request.env["helpdesk.ticket"]
        if number and code:
            # Narrow sudo search by the public number; the record is used only
            # if the secret access code matches (constant-time comparison).
            candidate = ticket.sudo().search(
                [("cic_registration_number", "=", number)], limit=1
            )
            if candidate.cic_access_code and consteq(candidate.cic_access_code, code):
                return candidate, None
        throttle._record("track_fail", client)
        return None, _("No request matches this number and access code.")

    @http.route(
        "/cic/track",
        type="http",
        auth="public",
        website=True,
        methods=["GET", "POST"],
        sitemap=True,
    )
    def cic_track(self, number=None, code=None, **kw):
        values = {
            "number": number or "",
            "code": code or "",
            "ticket": None,
            "error": None,
        }
        if number or code:
            values["ticket"], values["error"] = self._track_lookup(number, code)
        return request.render("cic_portal.cic_track_page", values)

    # ------------------------------------------------------------------
    # Public information (Law 544 art. 5)
    # ------------------------------------------------------------------
    @http.route(
        ["/cic/documents", "/cic/documents/page/<int:page>"],
        type="http",
        auth="public",
        website=True,
        readonly=True,
    )
    def cic_documents(self, page=1, search="", category="", year="", **kw):
        Document = request.env["cic.public.document"]
        domain = [("is_published", "=", True)]
        if search:
            domain += [
                "|", "|",
                ("name", "ilike", search),
                ("number", "ilike", search),
                ("description", "ilike", search),
            ]  # fmt: skip
        if category:
            domain.append(("category", "=", category))
        if year and year.isdigit():
            domain.append(("year", "=", int(year)))
        total = Document.search_count(domain)
        pager = portal_pager(
            url="/cic/documents",
            url_args={"search": search, "category": category, "year": year},
            total=total,
            page=page,
            step=DOCUMENTS_PER_PAGE,
        )
        documents = Document.search(
            domain, limit=DOCUMENTS_PER_PAGE, offset=pager["offset"]
        )
        return request.render(
            "cic_portal.cic_documents_page",
            {
                "documents": documents,
                "pager": pager,
                "search": search,
                "category": category,
                "year": year,
                "categories": Document._fields["category"]._description_selection(
                    request.env
                ),
            },
        )

    @http.route(
        "/cic/documents/<int:document_id>/download",
        type="http",
        auth="public",
        website=True,
        readonly=True,
    )
    def cic_document_download(self, document_id, **kw):
        # No sudo: the record rule only lets visitors read published documents.
        document = request.env["cic.public.document"].browse(document_id).exists()
        if not document or not document.has_access("read") or not document.file:
            raise request.not_found()
        return (
            request.env["ir.binary"]
            ._get_stream_from(
                document, "file", filename=document.file_name or document.name
            )
            .get_response(as_attachment=True)
        )

    @http.route(
        ["/cic/info", "/cic/info/<string:slug>"],
        type="http",
        auth="public",
        website=True,
        readonly=True,
    )
    def cic_info(self, slug=None, **kw):
        pages = request.env["cic.public.info.page"].search(
            [("is_published", "=", True)]
        )
        page = pages.filtered(lambda p: p.slug == slug)[:1] if slug else pages[:1]
        if slug and not page:
            raise request.not_found()
        return request.render(
            "cic_portal.cic_info_page", {"pages": pages, "page": page}
        )
