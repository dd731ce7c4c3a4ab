# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Online audience booking against the programmes of cic_audience.

Booking needs an account: an audience request has no access token, so only
the logged-in citizen who booked it can follow or cancel it."""

from datetime import timedelta

import pytz

from odoo import fields, http
from odoo.exceptions import UserError
from odoo.http import request

from odoo.addons.portal.controllers import portal

from .utils import cic_several_communes, commune_domain

BOOKING_DAYS = 21
MAX_SLOTS_SHOWN = 80


class CicAudiencePortal(portal.CustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "cic_audience_count" in counters:
            Audience = request.env["cic.audience.request"]
            values["cic_audience_count"] = (
                Audience.search_count([("partner_id", "!=", False)])
                if Audience.has_access("read")
                else 0
            )
        return values

    def _cic_officials(self):
        # No sudo: visitors and citizens read only published programmes.
        return request.env["cic.audience.official"].search(
            [("published", "=", True)] + commune_domain()
        )

    def _cic_free_slots(self, official):
        today = request.env["cic.calendar"].today()
        slots = official._get_free_slots(today, today + timedelta(days=BOOKING_DAYS))
        zone = pytz.timezone(official.tz or "Europe/Bucharest")
        for slot in slots[:MAX_SLOTS_SHOWN]:
            local = pytz.utc.localize(slot["start"]).astimezone(zone)
            slot["label"] = local.strftime("%d.%m.%Y %H:%M")
            slot["value"] = fields.Datetime.to_string(slot["start"])
        return slots[:MAX_SLOTS_SHOWN]

    @http.route("/cic/audience", type="http", auth="public", website=True)
    def cic_audience(self, official_id=None, **kw):
        officials = self._cic_officials()
        official = officials.filtered(lambda o: str(o.id) == str(official_id))[:1]
        values = {
            "officials": officials,
            "official": official,
            "slots": self._cic_free_slots(official) if official else [],
            "form_token": request.env["cic.portal.submission"]._cic_new_form_token(),
            "error": kw.get("error"),
            "form": kw,
        }
        return request.render("cic_portal.cic_audience_page", values)

    @http.route(
        "/cic/audience/book",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def cic_audience_book(self, official_id=None, slot=None, subject=None, **post):
        _ = request.env._
        officials = self._cic_officials()
        official = officials.filtered(lambda o: str(o.id) == str(official_id))[:1]
        error = None
        if not official or not slot or not (subject or "").strip():
            error = _(
                "Choose an official, a free slot and the subject of the audience."
            )
        elif not post.get("consent"):
            error = _("Consent to the privacy notice is required.")
        else:
            error = self._cic_audience_identity_error(post)
        if not error:
            try:
                token_uid = request.env["cic.portal.submission"]._cic_check_form_token(
                    post.get("form_token")
                )
                audience = request.env["cic.audience.request"]._cic_portal_book(
                    self._cic_audience_vals(official, subject, post), slot, token_uid
                )
            except UserError as exc:
                error = str(exc.args[0] if exc.args else exc)
        if error:
            values = {
                "officials": officials,
                "official": official,
                "slots": self._cic_free_slots(official) if official else [],
                "form_token": request.env[
                    "cic.portal.submission"
                ]._cic_new_form_token(),
                "error": error,
                "form": dict(post, subject=subject or ""),
            }
            return request.render("cic_portal.cic_audience_page", values)
        return request.redirect(f"/my/audiences/{audience.id}")

    def _cic_audience_identity_error(self, post):
        """Message refusing the requester's identity data, or "" when accepted."""
        return ""

    def _cic_audience_vals(self, official, subject, post):
        """The request's values read from the form; the citizen, the channel
        and the booking are ``cic.audience.request._cic_portal_book``'s."""
        return {
            "official_id": official.id,
            "subject": subject.strip()[:200],
            "description": (post.get("description") or "").strip(),
        }

    @http.route(
        ["/my/audiences", "/my/audiences/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_cic_audiences(self, page=1, **kw):
        values = self._prepare_portal_layout_values()
        Audience = request.env["cic.audience.request"]
        total = Audience.search_count([])
        pager = portal.pager(
            url="/my/audiences", total=total, page=page, step=self._items_per_page
        )
        audiences = Audience.search(
            [],
            order="slot_start desc, id desc",
            limit=self._items_per_page,
            offset=pager["offset"],
        )
        values.update(
            {
                "audiences": audiences,
                "cic_show_commune": cic_several_communes(Audience, []),
                "pager": pager,
                "page_name": "cic_audiences",
                "default_url": "/my/audiences",
            }
        )
        return request.render("cic_portal.portal_my_cic_audiences", values)

    def _cic_get_audience(self, audience_id):
        # No sudo: the record rule lets a citizen read only his own requests.
        audience = request.env["cic.audience.request"].browse(audience_id).exists()
        if not audience or not audience.has_access("read"):
            return None
        return audience

    @staticmethod
    def _cic_is_owner(audience):
        """A portal user whose commercial partner owns the request. Staff read
        audiences too, but cancel them from the back office, on behalf of the
        institution."""
        user = request.env.user
        return (
            user._is_portal()
            and audience.partner_id.commercial_partner_id == user.commercial_partner_id
        )

    def _cic_audience_page(self, audience, **values):
        page = self._prepare_portal_layout_values()
        page.update(
            {
                "audience": audience,
                "page_name": "cic_audience",
                "cic_can_cancel": self._cic_is_owner(audience),
                **values,
            }
        )
        return request.render("cic_portal.portal_my_cic_audience", page)

    @http.route(
        "/my/audiences/<int:audience_id>", type="http", auth="user", website=True
    )
    def portal_my_cic_audience(self, audience_id, **kw):
        audience = self._cic_get_audience(audience_id)
        if not audience:
            return request.redirect("/my")
        return self._cic_audience_page(
            audience, error=kw.get("error"), message=kw.get("message")
        )

    @http.route(
        "/my/audiences/<int:audience_id>/cancel",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_my_cic_audience_cancel(self, audience_id, reason=None, **kw):
        audience = self._cic_get_audience(audience_id)
        if not audience:
            return request.redirect("/my")
        if not self._cic_is_owner(audience):
            return self._cic_audience_page(
                audience,
                error=request.env._(
                    "Only the citizen who requested the audience cancels it here. "
                    "Staff cancel audiences from the back office, on behalf of the "
                    "institution."
                ),
            )
        try:
            with request.env.cr.savepoint():
                # Ownership was checked above; cic_audience applies its own
                # cancellation rules (limit before the audience, state).
                audience.sudo()._cic_cancel("citizen", reason=(reason or "")[:500])
        except UserError as exc:
            return self._cic_audience_page(audience, error=exc.args[0])
        return request.redirect(f"/my/audiences/{audience.id}?message=cancelled")

    @http.route(
        "/my/audiences/<int:audience_id>/rate",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_my_cic_audience_rate(self, audience_id, rating=None, comment=None, **kw):
        audience = self._cic_get_audience(audience_id)
        if not audience:
            return request.redirect("/my")
        url = f"/my/audiences/{audience.id}"
        # Ownership is checked first; the rating is an anonymous answer of the
        # satisfaction survey (cic_performance), which the citizen may not create
        # himself.
        if not self._cic_is_owner(audience) or not audience.sudo()._cic_rate(
            rating, comment
        ):
            return request.redirect(f"{url}?message=rating_refused")
        return request.redirect(f"{url}?message=rating_saved")
