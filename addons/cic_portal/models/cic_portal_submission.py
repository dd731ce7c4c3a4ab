# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The online submission service: what the portal's form controllers decide.

The controllers parse the form (fields, files, the client's address), check the
spam guard and render; the registration itself is a model method called as the
person filing (the public user for a visitor, the citizen's portal user), which
takes the few narrow ``sudo()`` steps it needs and nothing else:
``_cic_new_form_token`` / ``_cic_check_form_token`` (the signed form token),
``_cic_read_uploads`` (the files accepted), ``_cic_citizen_partner_vals`` and
``_cic_filing_partner`` (who files), ``_cic_register_ticket`` (the registry entry,
once per token) and ``_cic_open_drafts`` (the drafts open to recommendations)."""

import time
import uuid

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.misc import hash_sign, verify_hash_signed

FORM_SCOPE = "cic_portal.form"
MAX_FILES = 5


class CicPortalSubmission(models.Model):
    """One row per online form token: a second submit with the same token
    (double click, reload) finds the first registration instead of creating
    a new one."""

    _name = "cic.portal.submission"
    _description = "CIC Portal Form Submission"

    token = fields.Char(required=True, index=True)
    res_model = fields.Char(required=True)
    res_id = fields.Integer(required=True)

    _sql_constraints = [
        ("token_uniq", "unique(token)", "This form has already been submitted."),
    ]

    def _get_record(self):
        self.ensure_one()
        return self.env[self.res_model].browse(self.res_id).exists()

    # ------------------------------------------------------------------
    # Settings and form token
    # ------------------------------------------------------------------
    @api.model
    def _cic_int_param(self, name, default):
        """An integer setting of the portal (ir.config_parameter), else default."""
        value = self.env["ir.config_parameter"].sudo().get_param(name)
        try:
            return int(value) if value not in (None, False, "") else default
        except ValueError:
            return default

    @api.model
    def _cic_new_form_token(self):
        """Signed (time, uuid): proves when the form was served and makes a
        second submit of the same form idempotent."""
        return hash_sign(
            self.env(su=True),
            FORM_SCOPE,
            {"ts": int(time.time()), "uid": uuid.uuid4().hex},
            expiration_hours=24,
        )

    @api.model
    def _cic_check_form_token(self, token):
        """The token's uuid; UserError when it is forged, expired or the form
        came back faster than a person fills it in."""
        values = None
        if token:
            try:
                values = verify_hash_signed(self.env(su=True), FORM_SCOPE, token)
            except (ValueError, UnicodeDecodeError):
                values = None
        if not values:
            raise UserError(
                self.env._("The form has expired. Please fill it in again.")
            )
        min_seconds = self._cic_int_param("cic_portal.min_fill_seconds", 3)
        if time.time() - values["ts"] < min_seconds:
            raise UserError(
                self.env._(
                    "The form was sent too quickly. Please check it and send it again."
                )
            )
        return values["uid"]

    @api.model
    def _cic_previous(self, token):
        """The record registered earlier with this form token, or None."""
        # Narrow sudo: the token rows are technical; the token is the caller's
        # own (signed) form token.
        previous = self.sudo().search([("token", "=", token)], limit=1)
        return previous._get_record() if previous else None

    # ------------------------------------------------------------------
    # Uploads
    # ------------------------------------------------------------------
    @api.model
    def _cic_read_uploads(self, files):
        """(name, bytes, mimetype) of the files a citizen attached (werkzeug
        FileStorage objects, the empty file inputs skipped); UserError when
        there are too many or one is refused (size, type)."""
        files = [f for f in files if f.filename]
        if len(files) > MAX_FILES:
            raise UserError(self.env._("You can attach at most %s files.", MAX_FILES))
        uploads = []
        for upload in files:
            try:
                uploads.append(
                    self.env["ir.attachment"]._cic_portal_read_upload(upload)
                )
            except ValidationError as exc:
                raise UserError(exc.args[0]) from exc
        return uploads

    # ------------------------------------------------------------------
    # The citizen
    # ------------------------------------------------------------------
    @api.model
    def _cic_petitioner_address_vals(self, post):
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

    @api.model
    def _cic_citizen_partner_vals(self, post):
        """Contact values (name, e-mail, phone, postal address) from the form."""
        name = f"{post['first_name'].strip()} {post['last_name'].strip()}"
        address = self._cic_petitioner_address_vals(post)
        vals = {
            "name": name,
            "email": post["email"].strip(),
            "phone": (post.get("phone") or "").strip() or False,
            "street": address["cic_petitioner_street"],
            "city": address["cic_petitioner_locality"],
            "zip": (post.get("zip") or "").strip() or False,
        }
        partner_fields = self.env["res.partner"]._fields
        extra = {
            "cic_street": post.get("street"),
            "cic_street_number": post.get("street_number"),
            "cic_locality": post.get("locality"),
            "cic_person_type": "natural",
        }
        vals.update({k: v for k, v in extra.items() if k in partner_fields and v})
        return vals

    @api.model
    def _cic_verified_organisation(self, org_cui):
        """The organisation of the logged-in account when the form names its
        CUI (the filing is then verified, see portal_identity), else None."""
        user = self.env.user
        if not org_cui or user._is_public():
            return None
        organisation = user.partner_id.commercial_partner_id
        number, _vat_payer = self.env["res.partner"]._cic_normalize_cui(org_cui)
        if organisation.cic_person_type == "legal" and organisation.cic_cui == number:
            return organisation
        return None

    @api.model
    def _cic_filing_partner(self, partner_vals, org_cui=None):
        """The petitioner of an online form: the organisation of the account
        when the filing is verified, the logged-in citizen, or a new contact
        for a visitor. A visitor is never matched to an existing contact by
        e-mail: that would attach the request to someone else's account."""
        organisation = self._cic_verified_organisation(org_cui)
        if organisation:
            return organisation
        user = self.env.user
        if not user._is_public():
            return user.partner_id
        # Narrow sudo: visitors cannot create contacts; this creates exactly one,
        # from the validated form, for the request being registered.
        return self.env["res.partner"].sudo().create(partner_vals)

    # ------------------------------------------------------------------
    # Drafts open to recommendations (Law 52/2003)
    # ------------------------------------------------------------------
    @api.model
    def _cic_open_drafts(self, company=None):
        """Drafts under consultation (published on the website) of ``company``
        (the website's commune; default: the current company), searched as the
        caller: visitors and citizens read the published drafts only."""
        company = company or self.env.company
        return self.env["cic.transparency.draft"].search(
            [
                ("website_visible", "=", True),
                ("state", "=", "published"),
                ("company_id", "in", [company.id, False]),
            ]
        )

    @api.model
    def _cic_open_draft(self, draft_id, company=None):
        """The draft open to recommendations named by the form, or None."""
        drafts = self._cic_open_drafts(company)
        return drafts.filtered(lambda d: str(d.id) == str(draft_id))[:1] or None

    # ------------------------------------------------------------------
    # Registration
    # ------------------------------------------------------------------
    @api.model
    def _cic_check_commune(self, vals, company):
        """Refuse an entry whose procedure, service or department belongs to
        another commune than ``company``: what a form names is input, and an
        entry of commune A never lands in commune B's register or team."""
        env = self.env(su=True)
        records = (
            env["cic.procedure"].browse(vals.get("cic_procedure_id")),
            env["cic.service"].browse(vals.get("cic_service_id")),
            env["helpdesk.ticket.team"].browse(vals.get("team_id")),
        )
        for record in records:
            if record and record.company_id not in (company, company.browse()):
                raise UserError(
                    self.env._(
                        "This form belongs to another town hall. Please fill it "
                        "in on that town hall's site."
                    )
                )

    @api.model
    def _cic_register_ticket(self, token, vals, partner_vals, org_cui=None, **options):
        """Register the online form's entry once per form token and return it
        (sudo). ``vals`` are the entry's values parsed from the form, without
        the petitioner; the petitioner is ``_cic_filing_partner(partner_vals,
        org_cui)`` (``_cic_citizen_partner_vals`` of the form).

        Options: ``uploads`` ((name, bytes, mimetype), from
        ``_cic_read_uploads``), ``answers`` (the form fields' answers), ``draft``
        and ``recommendation`` (a Law 52 recommendation on that draft),
        ``throttle_keys`` (the rate-limit counters this submission counts in),
        ``company`` (the commune the form was filed at: the website's company;
        default the current company), where the entry is registered: its
        register and counter, calendar, fees (cic_portal_fee) and departments."""
        previous = self._cic_previous(token)
        if previous is not None:
            return previous
        company = options.get("company") or self.env.company
        vals = dict(vals, company_id=company.id)
        self._cic_check_commune(vals, company)
        # The token row goes first: a concurrent duplicate waits on its unique
        # index and fails instead of registering a second entry.
        submission = self.sudo().create(
            {"token": token, "res_model": "helpdesk.ticket", "res_id": 0}
        )
        submission.flush_recordset()
        user = self.env.user
        user._cic_join_commune(company)
        partner = self._cic_filing_partner(partner_vals, org_cui=org_cui)
        vals = dict(
            vals,
            partner_id=partner.id,
            partner_name=partner.name,
            partner_email=vals.get("partner_email") or partner.email,
            cic_portal_origin=True,
            cic_visitor_unconfirmed=user._is_public(),
        )
        if not user._is_public() and partner != user.partner_id:
            vals["cic_filed_by_partner_id"] = user.partner_id.id
        # Narrow sudo on creation only: visitors and portal users may not create
        # registry entries themselves; the values come from the validated form.
        # Numbered last (below): the register's counter is not locked while the
        # uploads and the fee invoice (cic_portal_fee) are stored.
        ticket = (
            self.env["helpdesk.ticket"]
            .sudo()
            .with_context(cic_register_later=True)
            .create(vals)
        )
        submission.res_id = ticket.id
        ticket._cic_store_portal_uploads(options.get("uploads", ()))
        ticket._cic_store_form_answers(options.get("answers", ()))
        draft = options.get("draft")
        if draft:
            # Narrow sudo: the recommendation lands in the Law 52 register,
            # attached to the entry just registered for this citizen.
            self.env["cic.transparency.recommendation"].sudo().create(
                {
                    "draft_id": draft.id,
                    "author_id": partner.id,
                    "text": options.get("recommendation") or "",
                    "ticket_id": ticket.id,
                }
            )
        ticket._cic_after_portal_submission()
        ticket._portal_ensure_token()
        throttle = self.env["cic.portal.throttle"].sudo()
        for key in options.get("throttle_keys", ()):
            throttle._record("submit", key)
        ticket._cic_assign_registration_number()
        return ticket
