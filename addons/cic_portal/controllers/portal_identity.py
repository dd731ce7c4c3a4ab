# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The citizen's identity on /my: CNP and CUI on the account details
(/my/account, R-POR-1), and the requests filed for an organisation in /my/requests.

A natural person may give a CNP, an organisation's account needs a CUI; both are
checked with the registry's validators. Odoo's form writes the values with sudo
on the citizen's own contact only. The CNP is never shown back: the form shows
the masked value and an empty field keeps the stored one. A CUI is never written
from the form: it becomes a claim, bound once verified (see models/res_partner.py).
"""

from odoo import http
from odoo.exceptions import ValidationError
from odoo.http import request
from odoo.osv import expression

from .portal import CicCustomerPortal


class CicIdentityPortal(CicCustomerPortal):
    def _cic_request_domain(self):
        """Also the requests the citizen filed on behalf of an organisation: their
        petitioner is the organisation (the citizen follows them)."""
        return expression.OR(
            [
                super()._cic_request_domain(),
                [
                    ("cic_procedure_id", "!=", False),
                    ("cic_filed_by_partner_id", "=", request.env.user.partner_id.id),
                ],
            ]
        )

    def _get_optional_fields(self):
        return [*super()._get_optional_fields(), "cic_cnp", "cic_cui"]

    def details_form_validate(self, data, partner_creation=False):
        error, error_message = super().details_form_validate(
            data, partner_creation=partner_creation
        )
        _ = request.env._
        partner = request.env.user.partner_id
        Partner = request.env["res.partner"]
        legal = partner.cic_person_type == "legal"
        cnp = (data.get("cic_cnp") or "").strip()
        cui = (data.get("cic_cui") or "").strip()
        if cnp and legal:
            error["cic_cnp"] = "error"
            error_message.append(_("An organisation's account has a CUI, not a CNP."))
        elif cnp:
            try:
                Partner._cic_normalize_cnp(cnp)
            except ValidationError as exc:
                error["cic_cnp"] = "error"
                error_message.append(exc.args[0])
        if legal and not cui and not (partner.cic_cui or partner.cic_cui_claim):
            error["cic_cui"] = "missing"
            error_message.append(_("The CUI of the organisation is required."))
        elif legal and cui:
            try:
                Partner._cic_normalize_cui(cui)
            except ValidationError as exc:
                error["cic_cui"] = "error"
                error_message.append(exc.args[0])
        return error, error_message

    def on_account_update(self, values, partner):
        res = super().on_account_update(values, partner)
        legal = partner.cic_person_type == "legal"
        # An empty CNP field means "keep the stored one": it is never sent back.
        if legal or not (values.get("cic_cnp") or "").strip():
            values.pop("cic_cnp", None)
        # The CUI binds the account to an organisation: only once verified.
        cui = (values.pop("cic_cui", None) or "").strip()
        if legal and cui:
            number, _vat_payer = partner._cic_normalize_cui(cui)
            if number not in (partner.cic_cui, partner._cic_claimed_cui_number()):
                partner._cic_claim_cui(cui)
        return res

    @http.route(
        "/cic/cui/verify", type="http", auth="public", website=True, sitemap=False
    )
    def cic_cui_verify(self, token=None, **kw):
        """Link sent to the organisation's registered address: binds the account
        that claimed its CUI."""
        partner = request.env["res.partner"]._cic_partner_from_claim_token(token)
        if partner:
            partner._cic_bind_cui_claim(
                request.env._("confirmed from the organisation's e-mail address")
            )
        return request.render(
            "cic_portal.cic_cui_verified_page", {"verified": bool(partner)}
        )
