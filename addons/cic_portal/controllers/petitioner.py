# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Natural or legal person on the online forms (OG 27/2002 art. 2, R-PET-1).

Every online form asks whether the citizen files as a natural person or for a
legally constituted organisation. For an organisation the form requires its name
and CUI (validated like the registry's contacts) and, for petitions, the
collective it represents; the first and last name become the representative's.
The organisation is the registry entry's petitioner only when the filing is
verified: filed from a portal account bound to that CUI (see portal_identity).
Anybody else (a visitor, a citizen not bound to it) files as himself, and the
organisation's name and CUI are recorded on the entry as typed: a stranger quoting
an organisation's CUI neither writes into its portal nor reads its requests. An
audience is still requested by the citizen who attends; the organisation he
represents is recorded on it.
"""

from odoo.exceptions import ValidationError
from odoo.http import request

from .audience import CicAudiencePortal
from .cic_portal import CicPortalController

ORGANISATION_FIELDS = ["org_name", "org_cui"]


def _organisation_errors(post, required, labels):
    """{field: message} for the organisation block of a form."""
    _ = request.env._
    errors = {}
    for name in required:
        if not (post.get(name) or "").strip():
            errors[name] = _("%s is required.", labels[name])
    if "org_cui" not in errors:
        try:
            request.env["res.partner"]._cic_normalize_cui(post["org_cui"])
        except ValidationError as exc:
            errors["org_cui"] = exc.args[0]
    return errors


def _organisation_labels():
    _ = request.env._
    return {
        "org_name": _("Organisation name"),
        "org_cui": _("CUI (fiscal identification code)"),
        "represented_collective": _("Represented collective"),
    }


def _is_legal(post):
    return (post or {}).get("person_type") == "legal"


def _organisation(post, vals=None):
    """The organisation named by a validated form (matched by CUI)."""
    # Narrow sudo: citizens and visitors can neither search contacts by CUI nor
    # create them; only the organisation with the validated CUI is looked up,
    # and an existing one is reused unchanged.
    return (
        request.env["res.partner"]
        .sudo()
        ._cic_portal_organisation(post["org_name"], post["org_cui"], vals)
    )


class CicPetitionerController(CicPortalController):
    @staticmethod
    def _cic_legal_required(kind_def):
        """Fields required when an organisation files the form."""
        required = list(ORGANISATION_FIELDS)
        if kind_def["procedure"] == "petition":
            required.append("represented_collective")
        return required

    def _field_labels(self):
        return {**super()._field_labels(), **_organisation_labels()}

    def _validate_form(self, kind_def, post):
        errors = super()._validate_form(kind_def, post)
        if _is_legal(post):
            required = self._cic_legal_required(kind_def)
            errors.update(_organisation_errors(post, required, self._field_labels()))
        return errors

    def _filing_org_cui(self, post):
        """The organisation's CUI: ``cic.portal.submission._cic_filing_partner``
        makes the organisation the petitioner only when the account filing is
        bound to it; otherwise the person filing is the petitioner (a new contact
        for a visitor) and the organisation is only quoted on the entry."""
        if _is_legal(post):
            return post["org_cui"]
        return super()._filing_org_cui(post)

    def _prepare_ticket_vals(self, kind_def, post, service=None):
        vals = super()._prepare_ticket_vals(kind_def, post, service)
        if not _is_legal(post):
            return vals
        number, _vat_payer = request.env["res.partner"]._cic_normalize_cui(
            post["org_cui"]
        )
        vals.update(
            {
                "cic_representative_name": (
                    f"{post['first_name'].strip()} {post['last_name'].strip()}"
                ),
                "partner_email": post["email"].strip(),
                "cic_quoted_org_name": post["org_name"].strip()[:200],
                "cic_quoted_org_cui": number,
            }
        )
        if kind_def["procedure"] == "petition":
            vals["cic_represented_collective"] = post["represented_collective"].strip()
        return vals

    def _form_values(self, kind, kind_def, post=None, errors=None, service=None):
        values = super()._form_values(kind, kind_def, post, errors, service)
        form = values["form"]
        partner = request.env.user.partner_id.commercial_partner_id
        if not request.env.user._is_public() and partner.cic_person_type == "legal":
            form.setdefault("person_type", "legal")
            form.setdefault("org_name", partner.name or "")
            form.setdefault("org_cui", partner.cic_cui or "")
        form.setdefault("person_type", "natural")
        values["legal_required"] = self._cic_legal_required(kind_def)
        return values


class CicAudiencePetitioner(CicAudiencePortal):
    def _cic_audience_identity_error(self, post):
        error = super()._cic_audience_identity_error(post)
        if error or not _is_legal(post):
            return error
        errors = _organisation_errors(post, ORGANISATION_FIELDS, _organisation_labels())
        return next(iter(errors.values()), "")

    def _cic_audience_vals(self, official, subject, post):
        vals = super()._cic_audience_vals(official, subject, post)
        if _is_legal(post):
            vals["cic_organisation_id"] = _organisation(post).id
        return vals
