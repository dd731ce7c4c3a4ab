# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Participation on the portal (issue 17 point 4): the published activities of
``cic.participation.activity`` with sign-up, minutes, results and poll links, the
annual report and the reports to the community (``cic.public.document``).

Everything is searched as the visitor himself: his record rule shows the
published activities only, and every search names the published condition too,
so an unpublished activity is not found whatever the id in the address: 404.
The sign-up's rules live in the models; the controller parses, checks the spam
guard (honeypot, CAPTCHA, cic.portal.throttle) and renders."""

from werkzeug.exceptions import NotFound

from odoo import http
from odoo.exceptions import UserError
from odoo.http import request

from .cic_portal import CicPortalController
from .utils import attachment_download, commune_domain

PUBLISHED = [("website_published", "=", True)]
REPORT_CATEGORIES = ("annual_report", "community_report")


class CicParticipationController(CicPortalController):
    """Extends the forms' controller for its spam guard (``_check_spam``,
    ``_check_captcha``, ``_submit_keys``)."""

    def _activity(self, slug):
        activity_id = request.env["ir.http"]._unslug(slug)[1]
        if not activity_id:
            raise NotFound()
        activity = request.env["cic.participation.activity"].search(
            PUBLISHED + [("id", "=", activity_id)] + commune_domain(), limit=1
        )
        if not activity:
            raise NotFound()
        return activity

    @http.route(
        "/cic/participation",
        type="http",
        auth="public",
        website=True,
        readonly=True,
        sitemap=True,
    )
    def cic_participation(self, **kw):
        Activity = request.env["cic.participation.activity"]
        activities = Activity.search(PUBLISHED + commune_domain())
        today = request.env["cic.calendar"].today()
        reports = request.env["cic.public.document"].search(
            [("is_published", "=", True), ("category", "in", REPORT_CATEGORIES)]
            + commune_domain(),
            order="date desc, id desc",
        )
        return request.render(
            "cic_portal.cic_participation_page",
            {
                "upcoming": activities.filtered(lambda a: a.date >= today).sorted(
                    "date"
                ),
                "past": activities.filtered(lambda a: a.date < today),
                "reports": reports,
                "slug": request.env["ir.http"]._slug,
            },
        )

    def _render_activity(self, activity, values=None, error=None, message=None):
        user = request.env.user
        return request.render(
            "cic_portal.cic_participation_activity_page",
            {
                "activity": activity,
                "poll_url": activity._cic_poll_url(),
                "values": values or {},
                "error": error,
                "message": message,
                "citizen": not user._is_public(),
                "slug": request.env["ir.http"]._slug,
            },
        )

    @http.route(
        "/cic/participation/<string:slug>",
        type="http",
        auth="public",
        website=True,
        sitemap=False,
    )
    def cic_participation_activity(self, slug, **kw):
        return self._render_activity(self._activity(slug))

    @http.route(
        "/cic/participation/<string:slug>/file/<int:attachment_id>",
        type="http",
        auth="public",
        website=True,
        readonly=True,
        sitemap=False,
    )
    def cic_participation_file(self, slug, attachment_id, **kw):
        activity = self._activity(slug)
        # The published activity's own minutes files only (narrow sudo: the
        # attachments are linked through the many2many, not to the activity).
        attachment = activity.sudo().minutes_attachment_ids.filtered(
            lambda a: a.id == attachment_id
        )
        return attachment_download(attachment)

    @http.route(
        "/cic/participation/<string:slug>/signup",
        type="http",
        auth="public",
        website=True,
        methods=["POST"],
        sitemap=False,
    )
    def cic_participation_signup(self, slug, **post):
        activity = self._activity(slug)
        user = request.env.user
        if not user._is_public():
            partner = user.partner_id
            post = dict(
                post,
                name=partner.name,
                email=partner.email,
                consent=post.get("consent"),
            )
        try:
            self._check_spam(post)
            self._check_captcha()
            request.env["cic.participation.signup"]._cic_sign_up(
                activity,
                {
                    "name": post.get("name"),
                    "email": post.get("email"),
                    "phone": post.get("phone"),
                    "consent": bool(post.get("consent")),
                },
                user=user,
            )
        except (ValueError, UserError) as error:
            return self._render_activity(
                activity, values=post, error=getattr(error, "args", [str(error)])[0]
            )
        # Narrow sudo: the counters are technical rows, written for visitors.
        throttle = request.env["cic.portal.throttle"].sudo()
        for key in self._submit_keys(post):
            throttle._record("submit", key)
        _ = request.env._
        if user._is_public():
            message = _(
                "Thank you! We sent you an e-mail: open its link to confirm your "
                "sign-up."
            )
        else:
            message = _("You are signed up. You find your sign-ups in your account.")
        return self._render_activity(activity, message=message)

    @http.route(
        "/cic/participation/confirm",
        type="http",
        auth="public",
        website=True,
        sitemap=False,
    )
    def cic_participation_confirm(self, token="", **kw):
        signup = request.env["cic.participation.signup"]._cic_confirm_token(token)
        return request.render(
            "cic_portal.cic_participation_confirm_page", {"confirmed": bool(signup)}
        )

    @http.route("/my/participation", type="http", auth="user", website=True)
    def cic_my_participation(self, **kw):
        signups = request.env["cic.participation.signup"].search(
            [("user_id", "=", request.env.user.id)]
        )
        return request.render(
            "cic_portal.cic_my_participation_page",
            {
                "signups": signups,
                "page_name": "cic_participation",
                "slug": request.env["ir.http"]._slug,
            },
        )
