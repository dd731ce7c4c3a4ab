# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Organisations on the portal (issue 14, point 10).

An online form finds an organisation by its CUI (``_cic_portal_organisation``). A
portal account is bound to an organisation's CUI only once verified: the CUI typed
on /my/account is a claim (``cic_cui_claim``) until a clerk verifies it from the
back office, or somebody confirms it from the organisation's registered e-mail
address (a signed link sent there). Binding makes the account a contact of the
organisation, so it sees the organisation's requests; with no organisation of
that CUI yet, the account's own contact becomes the organisation.
"""

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools.misc import hash_sign, verify_hash_signed

CUI_CLAIM_SCOPE = "cic_portal.cui_claim"
CUI_CLAIM_VALID_HOURS = 72


class ResPartner(models.Model):
    _inherit = "res.partner"

    cic_cui_claim = fields.Char(
        string="Claimed CUI",
        readonly=True,
        copy=False,
        help="CUI this portal account asked to be bound to. It is bound once a "
        "clerk verifies it, or once the organisation confirms it from its "
        "registered e-mail address.",
    )

    @api.model
    def _cic_organisation_by_cui(self, number):
        """The organisation (legal person) registered with this CUI, if any."""
        return self.sudo().search(
            [("cic_cui", "=", number), ("cic_person_type", "=", "legal")],
            order="id",
            limit=1,
        )

    @api.model
    def _cic_portal_organisation(self, name, cui, vals=None):
        """The organisation an online form names: the contact with this CUI,
        reused unchanged (a form never rewrites a known contact), or a new
        legal person made of ``name``, ``cui`` and the form's ``vals``.

        Raises a ValidationError for an invalid CUI. Callers on the portal call it
        with sudo, after validating the form.
        """
        number, _vat_payer = self._cic_normalize_cui(cui)
        organisation = self._cic_organisation_by_cui(number)
        if organisation:
            return organisation.commercial_partner_id
        return self.create(
            {
                **(vals or {}),
                "name": name.strip(),
                "is_company": True,
                "cic_person_type": "legal",
                "cic_cui": cui,
            }
        )

    # ------------------------------------------------------------ CUI claims
    def _cic_claim_cui(self, cui):
        """The account asks to be bound to ``cui``: record the claim and ask the
        organisation's registered address, if it has one, to confirm it."""
        self.ensure_one()
        number, vat_payer = self._cic_normalize_cui(cui)
        partner = self.sudo()
        # The RO prefix (VAT payer) is kept until the CUI is written on binding.
        partner.cic_cui_claim = f"RO{number}" if vat_payer else number
        if partner._cic_claimed_organisation().email:
            template = self.env.ref("cic_portal.mail_template_cic_cui_claim")
            template.sudo().send_mail(partner.id)

    def _cic_claimed_cui_number(self):
        """The claimed CUI without the RO prefix, or False."""
        self.ensure_one()
        if not self.cic_cui_claim:
            return False
        return self._cic_normalize_cui(self.cic_cui_claim)[0]

    def _cic_claimed_organisation(self):
        self.ensure_one()
        number = self._cic_claimed_cui_number()
        if not number:
            return self.browse()
        organisation = self._cic_organisation_by_cui(number)
        return organisation if organisation != self else self.browse()

    def _cic_cui_claim_url(self):
        """Signed link binding this account to its claimed CUI."""
        self.ensure_one()
        token = hash_sign(
            self.env(su=True),
            CUI_CLAIM_SCOPE,
            {"partner": self.id, "cui": self.cic_cui_claim},
            expiration_hours=CUI_CLAIM_VALID_HOURS,
        )
        return f"{self.get_base_url()}/cic/cui/verify?token={token}"

    @api.model
    def _cic_partner_from_claim_token(self, token):
        """The account whose claim ``token`` confirms (still pending), or an
        empty recordset."""
        try:
            values = verify_hash_signed(self.env(su=True), CUI_CLAIM_SCOPE, token or "")
        except (ValueError, UnicodeDecodeError):
            values = None
        if not values:
            return self.browse()
        partner = self.sudo().browse(values.get("partner")).exists()
        if not partner.cic_cui_claim or partner.cic_cui_claim != values.get("cui"):
            return self.browse()
        return partner

    def _cic_bind_cui_claim(self, how):
        """Bind the accounts to their claimed CUI: a contact of the organisation
        of that CUI, or the organisation itself when there is none yet."""
        for partner in self.sudo().filtered("cic_cui_claim"):
            organisation = partner._cic_claimed_organisation()
            if organisation:
                partner.write(
                    {
                        "parent_id": organisation.id,
                        "is_company": False,
                        "cic_cui": False,
                    }
                )
            else:
                partner.write({"cic_cui": partner.cic_cui_claim})
            partner.message_post(
                body=self.env._(
                    "Bound to the CUI %(cui)s (%(how)s).",
                    cui=partner.cic_cui_claim,
                    how=how,
                ),
                subtype_xmlid="mail.mt_note",
            )
            partner.cic_cui_claim = False
        # Record rules are cached per user with the commercial partner they
        # were computed with: the bound account sees the organisation's
        # requests from its next request on.
        self.env.registry.clear_cache()
        return True

    def action_cic_verify_cui_claim(self):
        """Clerk: the account represents the organisation of the claimed CUI."""
        if not self.env.user.has_group("cic_registry.group_cic_clerk"):
            raise AccessError(
                self.env._("Only the CIC clerks verify an account's CUI.")
            )
        if not all(self.mapped("cic_cui_claim")):
            raise UserError(self.env._("This contact claims no CUI to verify."))
        return self._cic_bind_cui_claim(
            self.env._("verified by %(user)s", user=self.env.user.name)
        )
