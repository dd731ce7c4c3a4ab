# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""/my/requests: the citizen's registry entries, following Odoo's /my pattern."""

from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request

from odoo.addons.helpdesk_mgmt.controllers.main import HelpdeskTicketController
from odoo.addons.helpdesk_mgmt.controllers.myaccount import CustomerPortalHelpdesk
from odoo.addons.portal.controllers import portal
from odoo.addons.portal.controllers.portal import pager as portal_pager

from .utils import attachment_download, cic_several_communes


class CicHelpdeskTicketController(HelpdeskTicketController):
    @http.route("/ticket/close", type="http", auth="user", methods=["POST"])
    def support_ticket_close(self, **kw):
        """helpdesk_mgmt finds the ticket in sudo by the id in the URL: any portal
        user could close anybody's registry entry, and the read-only auditor any
        entry. Only the citizen's own ticket, or one the employee may change, is
        closed; any other id gets the same answer as a missing one.

        helpdesk_mgmt also closes by GET, so a link in an e-mail or another site
        could close the citizen's own entry: only a POST with the session's CSRF
        token is accepted (the portal buttons send it, see
        ``helpdesk_ticket_close_templates.xml``)."""
        try:
            ticket_id, stage_id = int(kw.get("ticket_id")), int(kw.get("stage_id"))
        except (TypeError, ValueError):
            return request.redirect("/my")
        kw = dict(kw, ticket_id=ticket_id, stage_id=stage_id)
        ticket = request.env["helpdesk.ticket"].browse(ticket_id).exists()
        operation = "read" if request.env.user.share else "write"
        if not ticket or not ticket.has_access(operation):
            return request.redirect("/my")
        if ticket.cic_procedure_id:
            # A registry entry is closed by its workflow (answer, classing,
            # refusal...), never as "solved" from the portal: the petitioner may
            # only withdraw it, from its CIC page.
            return request.redirect(f"/my/requests/{ticket.id}?message=close_refused")
        return super().support_ticket_close(**kw)

    @http.route()
    def create_new_ticket(self, **kw):
        """Registry entries are filed through the CIC forms (consent, limits,
        upload checks, registration): helpdesk_mgmt's form is not a second door."""
        return request.redirect("/cic/services")

    @http.route()
    def submit_ticket(self, **kw):
        return request.redirect("/cic/services")


class CicCustomerPortalHelpdesk(CustomerPortalHelpdesk):
    """helpdesk_mgmt's ticket pages lead to the CIC pages, which show only what
    the petitioner may see (``helpdesk.ticket._cic_portal_attachments``)."""

    @http.route()
    def portal_my_tickets(self, *args, **kw):
        return request.redirect("/my/requests")

    @http.route()
    def portal_my_ticket(self, ticket_id, access_token=None, **kw):
        try:
            ticket = self._document_check_access(
                "helpdesk.ticket", ticket_id, access_token=access_token
            )
        except (AccessError, MissingError):
            return request.redirect("/my")
        if ticket.cic_procedure_id:
            query = f"?access_token={access_token}" if access_token else ""
            return request.redirect(f"/my/requests/{ticket.id}{query}")
        return super().portal_my_ticket(ticket_id, access_token=access_token, **kw)


class CicCustomerPortal(portal.CustomerPortal):
    _cic_history = "my_cic_requests_history"

    def _cic_request_domain(self):
        """The citizen's own requests. Record rules enforce the same; the explicit
        partner condition lets PostgreSQL use the partner index instead of scanning
        the register for the rule's OR of sub-queries."""
        partner = request.env.user.commercial_partner_id
        # The contacts of the citizen's own commercial partner, resolved here: a
        # `child_of` sub-query inside an OR (see portal_identity) made PostgreSQL
        # scan the whole register (950 ms at 1.28M entries instead of 7 ms).
        # Narrow sudo: ids only, under the user's own commercial partner (never the
        # request's); as him, the same child_of rule would be added a second time.
        partner_ids = (
            request.env["res.partner"]
            .sudo()
            .with_context(active_test=False)
            .search([("id", "child_of", partner.id)])
            .ids
        )
        return [
            ("cic_procedure_id", "!=", False),
            ("partner_id", "in", partner_ids),
        ]

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "cic_request_count" in counters:
            Ticket = request.env["helpdesk.ticket"]
            values["cic_request_count"] = (
                Ticket.search_count(self._cic_request_domain())
                if Ticket.has_access("read")
                else 0
            )
        return values

    def _cic_searchbar_sortings(self):
        _ = request.env._
        return {
            "date": {"label": _("Newest"), "order": "create_date desc, id desc"},
            "due": {"label": _("Due date"), "order": "cic_legal_due_date asc, id desc"},
            "number": {
                "label": _("Number"),
                "order": "cic_registration_seq desc, id desc",
            },
        }

    def _cic_searchbar_filters(self):
        _ = request.env._
        return {
            "all": {"label": _("All"), "domain": []},
            "open": {
                "label": _("In progress"),
                "domain": [("stage_id.closed", "=", False)],
            },
            "closed": {
                "label": _("Closed"),
                "domain": [("stage_id.closed", "=", True)],
            },
        }

    def _cic_searchbar_inputs(self):
        _ = request.env._
        return {
            "all": {"input": "all", "label": _("Search in number and subject")},
        }

    @http.route(
        ["/my/requests", "/my/requests/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_cic_requests(
        self, page=1, sortby=None, filterby=None, search=None, search_in="all", **kw
    ):
        values = self._prepare_portal_layout_values()
        Ticket = request.env["helpdesk.ticket"]
        sortings = self._cic_searchbar_sortings()
        filters = self._cic_searchbar_filters()
        sortby = sortby if sortby in sortings else "date"
        filterby = filterby if filterby in filters else "all"
        domain = self._cic_request_domain() + filters[filterby]["domain"]
        if search:
            domain += [
                "|",
                ("cic_registration_number", "ilike", search),
                ("name", "ilike", search),
            ]
        total = Ticket.search_count(domain)
        pager = portal_pager(
            url="/my/requests",
            url_args={
                "sortby": sortby,
                "filterby": filterby,
                "search": search,
                "search_in": search_in,
            },
            total=total,
            page=page,
            step=self._items_per_page,
        )
        tickets = Ticket.search(
            domain,
            order=sortings[sortby]["order"],
            limit=self._items_per_page,
            offset=pager["offset"],
        )
        request.session[self._cic_history] = tickets.ids[:100]
        values.update(
            {
                "tickets": tickets,
                "cic_show_commune": cic_several_communes(
                    Ticket, self._cic_request_domain()
                ),
                "page_name": "cic_requests",
                "pager": pager,
                "default_url": "/my/requests",
                "searchbar_sortings": sortings,
                "sortby": sortby,
                "searchbar_filters": filters,
                "filterby": filterby,
                "searchbar_inputs": self._cic_searchbar_inputs(),
                "search_in": search_in,
                "search": search,
            }
        )
        return request.render("cic_portal.portal_my_cic_requests", values)

    def _cic_get_ticket(self, ticket_id, access_token):
        try:
            return self._document_check_access(
                "helpdesk.ticket", ticket_id, access_token
            )
        except (AccessError, MissingError):
            return None

    @http.route(
        "/my/requests/<int:ticket_id>", type="http", auth="public", website=True
    )
    def portal_my_cic_request(self, ticket_id, access_token=None, **kw):
        ticket = self._cic_get_ticket(ticket_id, access_token)
        if not ticket or not ticket.cic_procedure_id:
            return request.redirect("/my")
        values = {
            "ticket": ticket,
            "page_name": "cic_request",
            "message": kw.get("message"),
        }
        values = self._get_page_view_values(
            ticket, access_token, values, self._cic_history, False, **kw
        )
        return request.render("cic_portal.portal_my_cic_request", values)

    @http.route(
        "/my/requests/<int:ticket_id>/document/<int:attachment_id>",
        type="http",
        auth="public",
        website=True,
    )
    def portal_my_cic_request_document(
        self, ticket_id, attachment_id, access_token=None, **kw
    ):
        ticket = self._cic_get_ticket(ticket_id, access_token)
        if not ticket:
            return request.redirect("/my")
        # Only among the documents the petitioner may see of a request he may read.
        attachment = ticket._cic_portal_attachments().filtered(
            lambda a: a.id == attachment_id
        )
        if not attachment and attachment_id in ticket.cic_released_attachment_ids.ids:
            return request.redirect(
                f"{ticket.get_portal_url()}&message=document_locked"
            )
        return attachment_download(attachment)

    @http.route(
        "/my/requests/<int:ticket_id>/withdraw",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_my_cic_request_withdraw(self, ticket_id, confirm=None, **kw):
        """The petitioner withdraws his entry (retragere), after confirming it.
        No sudo here: the record rules decide whether he may read the entry, the
        model whether he may withdraw it."""
        ticket = request.env["helpdesk.ticket"].browse(ticket_id).exists()
        if not ticket or not ticket.has_access("read") or not ticket.cic_procedure_id:
            return request.redirect("/my")
        url = f"/my/requests/{ticket.id}"
        if confirm != "1":
            return request.redirect(f"{url}?message=withdraw_unconfirmed")
        try:
            ticket.action_cic_withdraw()
        except (AccessError, UserError):
            return request.redirect(f"{url}?message=withdraw_refused")
        return request.redirect(f"{url}?message=withdrawn")

    @http.route(
        "/my/requests/<int:ticket_id>/rate",
        type="http",
        auth="public",
        website=True,
        methods=["POST"],
    )
    def portal_my_cic_request_rate(
        self, ticket_id, access_token=None, rating=None, comment=None, **kw
    ):
        ticket = self._cic_get_ticket(ticket_id, access_token)
        if not ticket:
            return request.redirect("/my")
        url = ticket.get_portal_url()
        if not ticket._cic_rate(rating, comment):
            return request.redirect(f"{url}&message=rating_refused")
        return request.redirect(f"{url}&message=rating_saved")
