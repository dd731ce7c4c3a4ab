# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Answers to public-information requests published for everyone (issue 17
point 8), as FOI portals do, so the next citizen finds the answer without asking.

A published answer is a separate record, never the request itself: the subject and
the answer text are written (anonymised) by the clerk; the request, the applicant
and the publication's author stay internal (``groups``). It is published only with
the applicant's consent (``helpdesk.ticket.cic_publish_consent``) or as an
anonymised text, by a department head or a CIC clerk (``action_publish``, who and
when recorded and tracked), and only when the text carries none of the applicant's
identifiers nor a CNP or an e-mail address. Citizens and visitors read published
answers only (ACL rows plus a record rule); the portal lists them at
``/cic/answers``."""

import re

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

CNP_RE = re.compile(r"(?<!\d)[1-9]\d{12}(?!\d)")
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
PUBLICATION_FIELDS = {"is_published", "published_by_id", "published_date"}
PUBLISHERS = "cic_registry.group_cic_department_head,cic_registry.group_cic_clerk"


class CicPublishedAnswer(models.Model):
    _name = "cic.published.answer"
    _description = "Published answer to a public-information request"
    _inherit = ["mail.thread"]
    _order = "published_date desc, id desc"

    name = fields.Char(
        string="Subject",
        required=True,
        tracking=True,
        help="The request's subject as the public reads it, written by the clerk "
        "without personal data.",
    )
    answer = fields.Html(
        string="Anonymised answer",
        sanitize_style=True,
        help="The answer's text as published: no name, address, CNP, e-mail or "
        "other personal data.",
    )
    answer_date = fields.Date(
        help="The date of the institution's answer.",
    )
    ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Request",
        required=True,
        ondelete="cascade",
        index=True,
        groups="base.group_user",
        domain="[('cic_procedure_id.code', '=', 'foi_request')]",
    )
    basis = fields.Selection(
        [
            ("consent", "The applicant's consent"),
            ("anonymised", "Anonymised answer"),
        ],
        string="Ground for publication",
        required=True,
        default="anonymised",
        groups="base.group_user",
        tracking=True,
        help="Publish with the applicant's recorded consent (set on the request), "
        "or as an answer from which every personal data was removed.",
    )
    is_published = fields.Boolean(
        string="Published", readonly=True, copy=False, tracking=True, index=True
    )
    published_by_id = fields.Many2one(
        "res.users",
        string="Published by",
        readonly=True,
        copy=False,
        groups="base.group_user",
        tracking=True,
    )
    published_date = fields.Datetime(readonly=True, copy=False, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        (
            "ticket_unique",
            "UNIQUE (ticket_id)",
            "The answer to this request is already prepared for publication.",
        )
    ]

    @api.model_create_multi
    def create(self, vals_list):
        self._cic_check_publication_fields(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        self._cic_check_publication_fields([vals])
        if self.filtered("is_published") and {"name", "answer"} & set(vals):
            raise UserError(
                self.env._("Unpublish the answer before changing its published text.")
            )
        return super().write(vals)

    def _cic_check_publication_fields(self, vals_list):
        """Publication fields are written by the publish buttons only."""
        if self.env.su:
            return
        if any(PUBLICATION_FIELDS & set(vals) for vals in vals_list):
            raise AccessError(
                self.env._("An answer is published only with the Publish button.")
            )

    # ------------------------------------------------------------------
    # Personal data
    # ------------------------------------------------------------------
    def _cic_applicant_identifiers(self):
        """The applicant's name, e-mail, phone, street and CNP as written on the
        request (what must not reach the public page)."""
        self.ensure_one()
        partner = self.sudo().ticket_id.partner_id
        values = [
            partner.name,
            partner.email,
            partner.phone,
            partner.street,
            partner.sudo().cic_cnp,
        ]
        return [v.strip() for v in values if v and len(v.strip()) > 3]

    def _cic_personal_data_found(self):
        """Reasons (translated) why the public text still holds personal data."""
        self.ensure_one()
        text = " ".join(
            [self.name or "", (self.answer or "") and self.answer.striptags()]
        )
        reasons = []
        if CNP_RE.search(text):
            reasons.append(self.env._("a personal numeric code (CNP)"))
        if EMAIL_RE.search(text):
            reasons.append(self.env._("an e-mail address"))
        lowered = text.lower()
        if any(ident.lower() in lowered for ident in self._cic_applicant_identifiers()):
            reasons.append(
                self.env._("the applicant's name, address or contact details")
            )
        return reasons

    # ------------------------------------------------------------------
    # Publication
    # ------------------------------------------------------------------
    def _cic_check_can_publish(self):
        self.ensure_one()
        if not self.env.user.has_groups(PUBLISHERS):
            raise AccessError(
                self.env._("Only a department head or a CIC clerk publishes answers.")
            )
        self.check_access("write")
        if self.basis == "consent" and not self.ticket_id.cic_publish_consent:
            raise UserError(
                self.env._(
                    "The applicant did not consent to the publication: record his "
                    "consent on the request, or publish an anonymised answer."
                )
            )
        if not (self.answer and self.answer.striptags().strip()):
            raise UserError(self.env._("Write the answer's text to publish."))
        reasons = self._cic_personal_data_found()
        if reasons:
            raise UserError(
                self.env._(
                    "The text to publish still contains %(what)s. Remove it first.",
                    what=", ".join(reasons),
                )
            )

    def action_publish(self):
        for answer in self:
            answer._cic_check_can_publish()
            answer.sudo().write(
                {
                    "is_published": True,
                    "published_by_id": self.env.uid,
                    "published_date": fields.Datetime.now(),
                }
            )
        return True

    def action_unpublish(self):
        for answer in self:
            if not self.env.user.has_groups(PUBLISHERS):
                raise AccessError(
                    self.env._(
                        "Only a department head or a CIC clerk publishes answers."
                    )
                )
            answer.check_access("write")
            answer.sudo().write({"is_published": False})
        return True
