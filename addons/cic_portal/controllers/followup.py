# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Follow-up of an answered Law 544 request from the portal (R-544-5).

The citizen starts it from his answered request in /my: the Law 544 form opens with
``earlier_request_id``. The id comes from the client, so it is looked up as the
citizen (record rules apply) among his own answered Law 544 requests; any other id
(another citizen's request, an unanswered one, a visitor) is refused with a form
message, and nothing is registered. The follow-up is a new request with its own
number and term (Law 544/2001 art. 9(2)).
"""

from odoo.http import request

from .cic_portal import CicPortalController

FOLLOWUP_FIELD = "earlier_request_id"


class CicFollowupController(CicPortalController):
    def _cic_earlier_request(self, kind_def, post):
        """The citizen's own answered Law 544 request named by the form, an empty
        recordset if none is named, or None if the id is not acceptable."""
        Ticket = request.env["helpdesk.ticket"]
        value = (post or {}).get(FOLLOWUP_FIELD)
        if not value or kind_def["procedure"] != "foi_request":
            return Ticket.browse()
        user = request.env.user
        if user._is_public() or not str(value).isdigit():
            return None
        # As the citizen, no sudo: the record rules and the partner condition keep
        # the search to his own requests.
        earlier = Ticket.search(
            [
                ("id", "=", int(value)),
                ("partner_id", "child_of", user.commercial_partner_id.id),
                ("cic_procedure_id.code", "=", "foi_request"),
            ],
            limit=1,
        )
        if not earlier or not earlier._cic_followup_allowed():
            return None
        return earlier

    @staticmethod
    def _cic_followup_error():
        return request.env._(
            "A follow-up can only be asked from one of your own answered requests "
            "for public information."
        )

    def _validate_form(self, kind_def, post):
        errors = super()._validate_form(kind_def, post)
        if self._cic_earlier_request(kind_def, post) is None:
            errors[FOLLOWUP_FIELD] = self._cic_followup_error()
        return errors

    def _prepare_ticket_vals(self, kind_def, post, service=None):
        vals = super()._prepare_ticket_vals(kind_def, post, service)
        earlier = self._cic_earlier_request(kind_def, post)
        if earlier:
            vals["cic_earlier_request_id"] = earlier.id
        return vals

    def _form_values(self, kind, kind_def, post=None, errors=None, service=None):
        values = super()._form_values(kind, kind_def, post, errors, service)
        earlier = self._cic_earlier_request(kind_def, post)
        values["earlier_request"] = earlier or None
        if earlier is None:
            values["errors"].setdefault(FOLLOWUP_FIELD, self._cic_followup_error())
        return values
