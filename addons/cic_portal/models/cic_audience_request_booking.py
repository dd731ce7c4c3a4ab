# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Online booking of an audience (/cic/audience/book): the rules of cic_audience
(``_cic_check_open_bookings``, ``_cic_book_slot``) applied for the logged-in
citizen, once per form token."""

from odoo import api, fields, models
from odoo.exceptions import UserError


class CicAudienceRequest(models.Model):
    _inherit = "cic.audience.request"

    @api.model
    def _cic_portal_book(self, vals, slot, token):
        """Register and book an audience for the logged-in citizen; return the
        request (sudo). ``vals`` are the request's values parsed from the form
        (``official_id``, ``subject``, ...), ``slot`` the chosen start (naive UTC,
        as a string), ``token`` the form token's uuid: a second submit of the
        same form returns the first booking. Raises a UserError saying why
        nothing was booked (visitor, unpublished official, slot, limits)."""
        _ = self.env._
        previous = self.env["cic.portal.submission"]._cic_previous(token)
        if previous is not None:
            return previous
        user = self.env.user
        if user._is_public():
            raise UserError(_("Log in to book an audience."))
        # As the citizen: the record rule shows the published programmes only.
        official = self.env["cic.audience.official"].search(
            [("id", "=", vals.get("official_id") or 0), ("published", "=", True)]
        )
        if not official:
            raise UserError(_("The chosen slot is not valid."))
        try:
            start = fields.Datetime.to_datetime(slot)
        except ValueError as exc:
            raise UserError(_("The chosen slot is not valid.")) from exc
        if not start:
            raise UserError(_("The chosen slot is not valid."))
        partner = user.partner_id
        with self.env.cr.savepoint():
            self._cic_check_open_bookings(partner)
            # Narrow sudo: citizens only read their audience requests; the
            # request is created for the logged-in citizen and an official of a
            # published programme, then booked by cic_audience's own checks.
            audience = self.sudo().create(
                dict(
                    vals,
                    official_id=official.id,
                    company_id=official.company_id.id,
                    partner_id=partner.id,
                    channel="online",
                )
            )
            audience._cic_book_slot(start)
            user._cic_join_commune(official.company_id)
            # Narrow sudo: the token rows are technical.
            self.env["cic.portal.submission"].sudo().create(
                {"token": token, "res_model": audience._name, "res_id": audience.id}
            )
        return audience
