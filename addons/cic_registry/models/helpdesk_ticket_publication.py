# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A public-information request's answer prepared for publication (issue 17
point 8): the applicant's consent, and the published answer made from it."""

from odoo import fields, models
from odoo.exceptions import UserError


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    cic_publish_consent = fields.Boolean(
        string="Consents to publication",
        tracking=True,
        copy=False,
        help="The applicant agreed that the answer be published on the portal "
        "(ticked by him on the portal form, or set by the clerk with his recorded "
        "consent).",
    )
    cic_published_answer_ids = fields.One2many(
        "cic.published.answer", "ticket_id", string="Published answer"
    )

    def action_cic_prepare_publication(self):
        """Open the answer to publish, made once from the request: the subject
        and the answer's text, for the clerk to anonymise."""
        self.ensure_one()
        if self.cic_procedure_id.code != "foi_request":
            raise UserError(
                self.env._("Only answers to public-information requests are published.")
            )
        answer = self.cic_published_answer_ids[:1]
        if not answer:
            answer = self.env["cic.published.answer"].create(
                {
                    "ticket_id": self.id,
                    "name": self.name,
                    "answer": self.cic_answer_body,
                    "answer_date": self.cic_dispatch_date
                    or self.env["cic.calendar"].today(),
                    "basis": "consent" if self.cic_publish_consent else "anonymised",
                    "company_id": self.company_id.id,
                }
            )
        return {
            "type": "ir.actions.act_window",
            "res_model": "cic.published.answer",
            "res_id": answer.id,
            "view_mode": "form",
            "target": "current",
        }
