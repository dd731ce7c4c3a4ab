# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Petitioners: Romanian identity (CNP/CUI) and structured address on res.partner.

The CNP (`cic_cnp`) is a field of CIC clerks and above (field `groups`); everybody
else sees `cic_cnp_masked`. No client read returns the full CNP: `read()`,
`search_read()`, `web_read()` and groupings return the mask (last three digits), an
export of it is refused for every role. A clerk sees the full number only through
the "Reveal CNP" action, which asks a reason and logs it in `cic.cnp.access.log`
(R-GDPR-1), as are searches and groupings on the CNP (with the searched value
masked). Superuser reads (internal computations) are neither masked nor logged.
"""

import re

from stdnum import iban as stdnum_iban
from stdnum.exceptions import ValidationError as StdnumValidationError
from stdnum.ro import cnp as stdnum_cnp
from stdnum.ro import cui as stdnum_cui

from odoo import api, fields, models
from odoo.exceptions import ValidationError

CNP_GROUPS = "cic_registry.group_cic_clerk"
CNP_PLACEHOLDER = "0000000000000"
RO_IBAN_RE = re.compile(r"^RO\d{2}[A-Z]{4}[A-Z0-9]{16}$")
ZIP_RE = re.compile(r"^\d{6}$")
# Structured address parts, in the order they are written on an envelope.
CIC_STREET_PARTS = (
    ("cic_street_number", "nr."),
    ("cic_block", "bl."),
    ("cic_staircase", "sc."),
    ("cic_floor", "et."),
    ("cic_apartment", "ap."),
)
CIC_ADDRESS_FIELDS = (
    "cic_locality",
    "cic_street",
    "cic_street_number",
    "cic_block",
    "cic_staircase",
    "cic_floor",
    "cic_apartment",
    "cic_sector",
)


class ResPartner(models.Model):
    _name = "res.partner"
    _inherit = ["res.partner", "cic.cnp.guard.mixin"]
    _cic_cnp_fields = ("cic_cnp",)

    cic_person_type = fields.Selection(
        [("natural", "Natural person"), ("legal", "Legal person")],
        string="Person type",
        compute="_compute_cic_person_type",
        store=True,
        readonly=False,
        help="Natural persons may have a CNP, legal persons a CUI.",
    )
    cic_cnp = fields.Char(
        string="CNP",
        size=13,
        copy=False,
        groups=CNP_GROUPS,
        exportable=False,
        help="Personal numeric code. Shown masked; CIC clerks reveal it with the "
        "Reveal CNP button, giving a reason that is logged.",
    )
    cic_cnp_masked = fields.Char(
        string="CNP (masked)",
        compute="_compute_cic_cnp_masked",
        compute_sudo=True,
        help="Last three digits of the CNP.",
    )
    cic_has_cnp = fields.Boolean(
        string="Has CNP", compute="_compute_cic_cnp_masked", compute_sudo=True
    )
    cic_cui = fields.Char(
        string="CUI",
        copy=False,
        help="Fiscal identification code, stored without the RO prefix.",
    )
    cic_vat_payer = fields.Boolean(
        string="VAT payer",
        help="Set when the CUI was given with the RO prefix.",
    )
    cic_county = fields.Many2one(
        "res.country.state",
        string="County",
        related="state_id",
        readonly=False,
        domain="[('country_id.code', '=', 'RO')]",
    )
    cic_locality = fields.Char(string="Locality")
    cic_street = fields.Char(string="Street name")
    cic_street_number = fields.Char(string="Street number")
    cic_block = fields.Char(string="Block")
    cic_staircase = fields.Char(string="Staircase")
    cic_floor = fields.Char(string="Floor")
    cic_apartment = fields.Char(string="Apartment")
    cic_sector = fields.Selection(
        [(str(n), str(n)) for n in range(1, 7)],
        string="Sector",
        help="Bucharest sector (1-6).",
    )

    # ------------------------------------------------------------------ computes
    @api.depends("is_company")
    def _compute_cic_person_type(self):
        for partner in self:
            partner.cic_person_type = "legal" if partner.is_company else "natural"

    @api.depends("cic_cnp")
    def _compute_cic_cnp_masked(self):
        for partner in self:
            partner.cic_has_cnp = bool(partner.cic_cnp)
            partner.cic_cnp_masked = self._cic_mask_cnp(partner.cic_cnp)

    # ------------------------------------------------------- identifier helpers
    @api.model
    def _cic_normalize_cnp(self, value):
        """Return the compact CNP or raise a ValidationError (R-ID-1, R-POR-1)."""
        if not value:
            return False
        number = stdnum_cnp.compact(value)
        if number == CNP_PLACEHOLDER:
            raise ValidationError(
                self.env._("The placeholder CNP 0000000000000 is not accepted.")
            )
        try:
            return stdnum_cnp.validate(number)
        except StdnumValidationError as error:
            raise ValidationError(
                self.env._(
                    "The CNP %(cnp)s is not valid: %(reason)s",
                    cnp=value,
                    reason=self._cic_stdnum_reason(error),
                )
            ) from error

    @api.model
    def _cic_normalize_cui(self, value):
        """Return (compact CUI, VAT payer flag) or raise a ValidationError (R-ID-2)."""
        if not value:
            return False, False
        raw = re.sub(r"[\s.-]", "", value).upper()
        vat_payer = raw.startswith("RO")
        try:
            return stdnum_cui.validate(raw), vat_payer
        except StdnumValidationError as error:
            raise ValidationError(
                self.env._(
                    "The CUI %(cui)s is not valid: %(reason)s",
                    cui=value,
                    reason=self._cic_stdnum_reason(error),
                )
            ) from error

    @api.model
    def _cic_normalize_iban(self, value, romanian_only=True):
        """Return the compact IBAN or raise a ValidationError (R-ID-3).

        Used by payments (Treasury accounts): ``RO`` + 2 check digits + 4-letter bank
        code + 16 characters, plus the ISO 13616 mod-97 check.
        """
        if not value:
            return False
        number = stdnum_iban.compact(value)
        if romanian_only and not RO_IBAN_RE.match(number):
            raise ValidationError(
                self.env._(
                    "The IBAN %(iban)s is not a Romanian IBAN (RO, 2 check digits, "
                    "4-letter bank code, 16 characters).",
                    iban=value,
                )
            )
        try:
            return stdnum_iban.validate(number)
        except StdnumValidationError as error:
            raise ValidationError(
                self.env._(
                    "The IBAN %(iban)s is not valid: %(reason)s",
                    iban=value,
                    reason=self._cic_stdnum_reason(error),
                )
            ) from error

    @api.model
    def _cic_stdnum_reason(self, error):
        """Translate python-stdnum's error class into a short user message."""
        reasons = {
            "InvalidChecksum": self.env._("the check digit is wrong"),
            "InvalidLength": self.env._("the length is wrong"),
            "InvalidFormat": self.env._("it contains invalid characters"),
            "InvalidComponent": self.env._(
                "the birth date or the county code is impossible"
            ),
        }
        return reasons.get(type(error).__name__, self.env._("the number is invalid"))

    # --------------------------------------------------------------- constraints
    @api.constrains("cic_cnp", "cic_person_type")
    def _check_cic_cnp(self):
        for partner in self.sudo():
            if not partner.cic_cnp:
                continue
            partner._cic_normalize_cnp(partner.cic_cnp)
            if partner.cic_person_type == "legal":
                raise ValidationError(
                    self.env._("A legal person has a CUI, not a CNP.")
                )

    @api.constrains("cic_cui")
    def _check_cic_cui(self):
        for partner in self:
            self._cic_normalize_cui(partner.cic_cui)

    @api.constrains("cic_cui", "company_id", "parent_id")
    def _check_cic_cui_unique(self):
        """One organisation per CUI and company: a second contact with the same
        CUI would split the organisation's requests and let a portal account
        claim them through a copy. A contact shared by all companies (no
        company) conflicts with every company."""
        for partner in self.filtered(lambda p: p.cic_cui and not p.parent_id):
            domain = [
                ("cic_cui", "=", partner.cic_cui),
                ("parent_id", "=", False),
                ("id", "!=", partner.id),
            ]
            if partner.company_id:
                domain.append(("company_id", "in", [partner.company_id.id, False]))
            other = (
                self.sudo()
                .with_context(active_test=False)
                .search(domain, order="id", limit=1)
            )
            if other:
                raise ValidationError(
                    self.env._(
                        "The CUI %(cui)s already belongs to %(name)s: one "
                        "organisation per CUI. Use that contact, or add this "
                        "person as one of its contacts.",
                        cui=partner.cic_cui,
                        name=other.display_name,
                    )
                )

    @api.constrains("zip", "country_id")
    def _check_cic_zip(self):
        for partner in self:
            if (
                partner.zip
                and partner.country_id.code == "RO"
                and not ZIP_RE.match(partner.zip)
            ):
                raise ValidationError(
                    self.env._(
                        "The Romanian postal code %(zip)s must have 6 digits.",
                        zip=partner.zip,
                    )
                )

    @api.constrains("cic_sector", "state_id")
    def _check_cic_sector(self):
        bucharest = self.env.ref("base.RO_B", raise_if_not_found=False)
        for partner in self:
            if partner.cic_sector and partner.state_id != bucharest:
                raise ValidationError(
                    self.env._("A sector can only be set for an address in Bucharest.")
                )

    # ---------------------------------------------------------- address syncing
    @api.model
    def _address_fields(self):
        return super()._address_fields() + list(CIC_ADDRESS_FIELDS)

    def _cic_has_structured_address(self):
        self.ensure_one()
        return any(self[fname] for fname in CIC_ADDRESS_FIELDS)

    def _cic_standard_address_vals(self):
        """Standard `street`/`street2`/`city` values built from the structured ones,
        so that Odoo's address display, letters and exports keep working."""
        self.ensure_one()
        number_label, *other_parts = CIC_STREET_PARTS
        street = self.cic_street or ""
        if self[number_label[0]]:
            street = f"{street} {number_label[1]} {self[number_label[0]]}".strip()
        extra = ", ".join(
            f"{label} {self[fname]}" for fname, label in other_parts if self[fname]
        )
        sector = self.cic_sector and self.env._(
            "Sector %(sector)s", sector=self.cic_sector
        )
        return {
            "street": street or False,
            "street2": ", ".join(p for p in (extra, sector) if p) or False,
            "city": self.cic_locality or False,
        }

    def _cic_sync_standard_address(self):
        for partner in self:
            if not partner._cic_has_structured_address():
                continue
            vals = partner._cic_standard_address_vals()
            if any(partner[key] != value for key, value in vals.items()):
                # Only standard fields are written: no recursion into this sync.
                partner.write(vals)

    @api.onchange(*CIC_ADDRESS_FIELDS)
    def _onchange_cic_address(self):
        if self._cic_has_structured_address():
            self.update(self._cic_standard_address_vals())

    @api.onchange("cic_county")
    def _onchange_cic_county(self):
        if self.cic_county:
            self.country_id = self.cic_county.country_id

    # ---------------------------------------------------------------------- CRUD
    @api.model
    def _cic_prepare_vals(self, vals):
        """Normalise identifiers and fill the country from the county."""
        if "cic_county" in vals:
            vals.setdefault("state_id", vals.pop("cic_county"))
        if vals.get("cic_cnp"):
            vals["cic_cnp"] = self._cic_normalize_cnp(vals["cic_cnp"])
        if vals.get("cic_cui"):
            vals["cic_cui"], vat_payer = self._cic_normalize_cui(vals["cic_cui"])
            vals["cic_vat_payer"] = vat_payer or vals.get("cic_vat_payer", False)
        if vals.get("state_id") and not vals.get("country_id"):
            state = self.env["res.country.state"].browse(vals["state_id"])
            vals["country_id"] = state.country_id.id
        return vals

    # The addon's one create() and write() of res.partner: a chosen SIRUTA locality
    # gives the locality and county, then the identifiers are normalised; a new or
    # changed locality is looked up in SIRUTA (res_partner_siruta.py).
    @api.model_create_multi
    def create(self, vals_list):
        prepared = [
            self._cic_prepare_vals(self._cic_siruta_vals(dict(vals)))
            for vals in vals_list
        ]
        partners = super().create(prepared)
        partners._cic_sync_standard_address()
        if any(self._cic_siruta_triggered(vals) for vals in vals_list):
            partners._cic_link_siruta()
        return partners

    def write(self, vals):
        link_siruta = self._cic_siruta_triggered(vals) and "cic_siruta_id" not in vals
        prepared = self._cic_prepare_vals(self._cic_siruta_vals(dict(vals)))
        res = super().write(prepared)
        if set(prepared) & set(CIC_ADDRESS_FIELDS):
            self._cic_sync_standard_address()
        if link_siruta:
            self._cic_link_siruta()
        return res

    # ------------------------------------------------------------ CNP reveal
    def action_cic_reveal_cnp(self):
        """Open the wizard that shows the full CNP after asking the reason."""
        self.ensure_one()
        self.env["cic.cnp.reveal"]._cic_check_may_reveal(self)
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Reveal CNP"),
            "res_model": "cic.cnp.reveal",
            "view_mode": "form",
            "target": "new",
            "context": {"default_partner_id": self.id},
        }

    # ------------------------------------------------------------ anonymisation
    def _cic_still_needed(self):
        """True while a registry entry not yet anonymised refers to the partner.
        Other modules extend this with their own references."""
        self.ensure_one()
        return bool(
            self.env["helpdesk.ticket"]
            .sudo()
            .with_context(active_test=False)
            .search_count(
                [
                    "|",
                    ("partner_id", "=", self.id),
                    ("cic_recipient_id", "=", self.id),
                    ("cic_anonymised_date", "=", False),
                ],
                limit=1,
            )
        )

    def _cic_anonymise_vals(self):
        vals = {fname: False for fname in CIC_ADDRESS_FIELDS}
        vals.update(
            {
                "name": self.env._("Anonymised petitioner"),
                "cic_cnp": False,
                "email": False,
                "phone": False,
                "mobile": False,
                "street": False,
                "street2": False,
                "city": False,
                "zip": False,
                "comment": False,
                "active": False,
            }
        )
        return vals

    def _cic_anonymise_if_unused(self):
        """Anonymise natural persons that no kept record refers to any more.
        Legal persons and partners of users are left alone."""
        for partner in self.sudo():
            if (
                partner.cic_person_type != "natural"
                or partner.user_ids
                or partner._cic_still_needed()
            ):
                continue
            partner.with_context(tracking_disable=True).write(
                partner._cic_anonymise_vals()
            )
            partner._cic_anonymise_copies()

    def _cic_anonymise_copies(self):
        """After the partner's anonymisation: the copy of his name in the CNP
        access log, and his own chatter (messages and tracking values quoting
        him)."""
        self.env["cic.cnp.access.log"].sudo().search(
            [("partner_id", "in", self.ids)]
        )._cic_anonymise_rows()
        messages = (
            self.env["mail.message"]
            .sudo()
            .search([("model", "=", self._name), ("res_id", "in", self.ids)])
        )
        messages.tracking_value_ids.unlink()
        messages.write({"body": False, "subject": False, "email_from": False})
