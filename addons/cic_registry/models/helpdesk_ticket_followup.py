# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Follow-up of a Law 544 request after its answer (R-544-5).

Law 544/2001 art. 9(2): a new request after an answer is a new request, with new
terms. It is registered with its own number and its own term, counted from its own
registration (never from the earlier request's), and linked to the request it
follows (``cic_earlier_request_id``) so that both are shown together: the clerk
chooses the earlier request among the same petitioner's answered Law 544 requests,
the portal sets it when the citizen starts the follow-up from his own answered
request. A register correction of the link is kept in the audit log
(``_cic_audited_fields`` in helpdesk_ticket.py).
"""

from odoo import api, fields, models
from odoo.exceptions import ValidationError

FOI_REQUEST = "foi_request"
#: Closures after which the applicant received an answer (a refusal is one too).
ANSWERED_CLOSURES = ("answered", "joined", "refused", "refused_partial")


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    cic_earlier_request_id = fields.Many2one(
        "helpdesk.ticket",
        string="Earlier request",
        index="btree_not_null",
        copy=False,
        tracking=True,
        domain="[('id', '!=', id), ('cic_procedure_id.code', '=', 'foi_request'), "
        "('commercial_partner_id', '=', commercial_partner_id), "
        "('cic_closure_reason', 'in', "
        "('answered', 'joined', 'refused', 'refused_partial'))]",
        help="Answered Law 544/2001 request of the same petitioner that this "
        "request follows up (art. 9(2)). The follow-up is a new request: its term "
        "runs from its own registration.",
    )
    cic_followup_ids = fields.One2many(
        "helpdesk.ticket",
        "cic_earlier_request_id",
        string="Follow-up requests",
        help="Later Law 544/2001 requests of the petitioner that follow up this one.",
    )
    cic_followup_count = fields.Integer(
        string="Follow-ups", compute="_compute_cic_followup_count"
    )

    @api.depends("cic_followup_ids")
    def _compute_cic_followup_count(self):
        for ticket in self:
            ticket.cic_followup_count = len(ticket.cic_followup_ids)

    def _cic_is_foi_request(self):
        self.ensure_one()
        return self.cic_procedure_id.code == FOI_REQUEST

    def _cic_followup_allowed(self):
        """This request was answered: its petitioner may follow it up."""
        self.ensure_one()
        return self._cic_is_foi_request() and (
            self.cic_closure_reason in ANSWERED_CLOSURES
        )

    def _cic_same_applicant(self, other):
        """Same contact (or one of its organisation's), or same identity key."""
        self.ensure_one()
        mine = self.partner_id.commercial_partner_id
        return bool(mine) and (
            mine == other.partner_id.commercial_partner_id
            or self._cic_same_petitioner(other)
        )

    @api.constrains("cic_earlier_request_id", "partner_id", "cic_procedure_id")
    def _check_cic_earlier_request(self):
        # Read as superuser: the link may point to an entry of another department.
        for ticket in self.sudo().filtered("cic_earlier_request_id"):
            earlier = ticket.cic_earlier_request_id
            if earlier == ticket:
                raise ValidationError(self.env._("A request cannot follow up itself."))
            if not (ticket._cic_is_foi_request() and earlier._cic_is_foi_request()):
                raise ValidationError(
                    self.env._(
                        "Only a Law 544/2001 request can follow up an earlier Law "
                        "544/2001 request."
                    )
                )
            if not ticket._cic_same_applicant(earlier):
                raise ValidationError(
                    self.env._(
                        "The earlier request is not of the same petitioner: a "
                        "follow-up is linked only to the petitioner's own earlier "
                        "request."
                    )
                )
            if not earlier._cic_followup_allowed():
                raise ValidationError(
                    self.env._(
                        "The request %(earlier)s has not been answered yet: a "
                        "follow-up comes after the answer (Law 544/2001 art. 9(2)).",
                        earlier=earlier.cic_registration_number or earlier.name,
                    )
                )

    def action_cic_view_followups(self):
        """The follow-up requests of this request (smart button)."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Follow-up requests"),
            "res_model": "helpdesk.ticket",
            "view_mode": "list,form",
            "domain": [("cic_earlier_request_id", "=", self.id)],
            "context": {
                "default_cic_earlier_request_id": self.id,
                "default_cic_procedure_id": self.cic_procedure_id.id,
                "default_partner_id": self.partner_id.id,
            },
        }
