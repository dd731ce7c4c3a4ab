# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Recommendations on draft normative acts (Law 52/2003 art. 7(4), R-TD-2).

The answers are published (text, decision, reason); who wrote a recommendation and
its registry entry are personal data: internal users only (field groups)."""

from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .cic_calendar import institution_today


class CicTransparencyRecommendation(models.Model):
    _name = "cic.transparency.recommendation"
    _description = "Recommendation on a draft normative act"
    _inherit = ["mail.thread", "cic.transparency.publication.mixin"]
    _order = "date_received desc, id desc"

    draft_id = fields.Many2one(
        "cic.transparency.draft", string="Draft act", required=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="draft_id.company_id", store=True)
    author_id = fields.Many2one(
        "res.partner", string="Author", required=True, groups="base.group_user"
    )
    text = fields.Text(required=True)
    date_received = fields.Date(
        string="Received on", required=True, default=institution_today
    )
    is_late = fields.Boolean(
        string="Late",
        compute="_compute_is_late",
        store=True,
        help="Received after the recommendations deadline; kept in the register.",
    )
    decision = fields.Selection(
        selection=[
            ("pending", "Pending"),
            ("accepted", "Accepted"),
            ("partly", "Partly accepted"),
            ("rejected", "Rejected"),
        ],
        default="pending",
        required=True,
        tracking=True,
    )
    decision_reason = fields.Text(string="Reason")
    ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Registry entry",
        readonly=True,
        copy=False,
        groups="base.group_user",
    )
    registration_number = fields.Char(
        related="ticket_id.cic_registration_number", groups="base.group_user"
    )

    @api.model
    def _cic_website_domain(self):
        """Answered, on a draft published on the website."""
        return [("draft_id.website_visible", "=", True), ("decision", "!=", "pending")]

    @api.depends("date_received", "draft_id.recommendations_deadline")
    def _compute_is_late(self):
        for rec in self:
            deadline = rec.draft_id.recommendations_deadline
            rec.is_late = bool(deadline and rec.date_received > deadline)

    @api.constrains("decision", "decision_reason")
    def _check_decision_reason(self):
        for rec in self:
            if (
                rec.decision in ("partly", "rejected")
                and not (rec.decision_reason or "").strip()
            ):
                raise ValidationError(
                    self.env._(
                        "A recommendation that is rejected or partly accepted needs "
                        "the reason of the decision."
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._register_in_general_register()
        return records

    def _register_in_general_register(self):
        """Each recommendation also takes a number in the general register."""
        for rec in self.filtered(lambda r: not r.ticket_id):
            procedure = self.env["cic.procedure"]._cic_for_commune(
                "transparency_recommendation", rec.company_id
            )
            if not procedure:
                continue
            rec.ticket_id = self.env["helpdesk.ticket"].create(
                {
                    "name": self.env._(
                        "Recommendation on %(draft)s", draft=rec.draft_id.name
                    ),
                    "description": Markup("<p>%s</p>") % escape(rec.text),
                    "partner_id": rec.author_id.id,
                    "cic_procedure_id": procedure.id,
                    "company_id": rec.company_id.id,
                }
            )
