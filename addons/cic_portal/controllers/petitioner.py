# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Natural or legal person on the online forms (OG 27/2002 art. 2, R-PET-1).

Every online form asks whether the citizen files as a natural person or for a
legally constituted organisation. For an organisation the form requires its name
and CUI (validated like the registry's contacts) and, for petitions, the
collective it represents; the first and last name become the representative's.
The organisation is the registry entry's petitioner: an existing contact with the
same CUI is reused, otherwise one is created.
"""

from odoo.exceptions import ValidationError
from odoo.http import request

from .cic_portal import CicPortalController


class CicPetitionerController(CicPortalController):
    @staticmethod
    def _cic_is_legal(post):
        return (post or {}).get("person_type") == "legal"

    @staticmethod
    def _cic_legal_required(kind_def):
        """Fields required when an organisation files the form."""
        required = ["org_name", "org_cui"]
        if kind_def["procedure"] == "petition":
            required.append("represented_collective")
        return required

    def _field_labels(self):
        _ = request.env._
        labels = super()._field_labels()
        labels.update(
            {
                "org_name": _("Organisation name"),
                "org_cui": _("CUI (fiscal identification code)"),
                "represented_collective": _("Represented collective"),
            }
        )
        return labels

    def _validate_form(self, kind_def, post):
        errors = super()._validate_form(kind_def, post)
        if not self._cic_is_legal(post):
            return errors
        _ = request.env._
        labels = self._field_labels()
        for name in self._cic_legal_required(kind_def):
            if not (post.get(name) or "").strip():
                errors[name] = _("%s is required.", labels[name])
        if "org_cui" not in errors:
            try:
                request.env["res.partner"]._cic_normalize_cui(post["org_cui"])
            except ValidationError as exc:
                errors["org_cui"] = exc.args[0]
        return errors

    def _get_citizen_partner(self, post):
        if not self._cic_is_legal(post):
            return super()._get_citizen_partner(post)
        # Narrow sudo: citizens and visitors can neither search contacts by CUI
        # nor create them; only the organisation with the validated CUI is
        # looked up, and an existing one is reused unchanged.
        Partner = request.env["res.partner"].sudo()
        cui, _vat_payer = Partner._cic_normalize_cui(post["org_cui"])
        organisation = Partner.search(
            [("cic_cui", "=", cui), ("cic_person_type", "=", "legal")],
            order="id",
            limit=1,
        )
        if organisation:
            return organisation.commercial_partner_id
        vals = self._citizen_partner_vals(post)
        vals.update(
            {
                "name": post["org_name"].strip(),
                "is_company": True,
                "cic_person_type": "legal",
                "cic_cui": post["org_cui"],
            }
        )
        return Partner.create(vals)

    def _prepare_ticket_vals(self, kind_def, post, partner, service=None):
        vals = super()._prepare_ticket_vals(kind_def, post, partner, service)
        if not self._cic_is_legal(post):
            return vals
        vals.update(
            {
                "cic_representative_name": (
                    f"{post['first_name'].strip()} {post['last_name'].strip()}"
                ),
                "partner_email": post["email"].strip(),
            }
        )
        if kind_def["procedure"] == "petition":
            vals["cic_represented_collective"] = post["represented_collective"].strip()
        user = request.env.user
        if not user._is_public():
            vals["cic_filed_by_partner_id"] = user.partner_id.id
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
