# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Data-subject requests (R-GDPR-3, GDPR art. 12(3), 15-18, 20, 21).

A request of the procedure ``gdpr_request`` names the right exercised and runs one
calendar month from receipt (the procedure's ``term_months``, counted by the
registry's month hook, ``_cic_term_months`` in helpdesk_ticket.py, which adds the
months granted). The controller may extend it once by at most two further
months (the procedure's ``extended_term_months``), for a stated reason, with a
notice to the person sent within the first month: the extension is recorded by the
action only (protected, audited fields: ``PROTECTED_FIELDS`` in
helpdesk_ticket_workflow.py) and the notice is a registered letter,
e-mailed when the person has an address, dated by the server. The answer and the
closure are those of the other requests (``action_cic_dispatch_answer``).
"""

from odoo import api, fields, models
from odoo.exceptions import UserError

from .helpdesk_ticket_workflow import CLERK_GROUP

GDPR_RIGHTS = [
    ("access", "Access (art. 15)"),
    ("rectification", "Rectification (art. 16)"),
    ("erasure", "Erasure (art. 17)"),
    ("restriction", "Restriction of processing (art. 18)"),
    ("portability", "Data portability (art. 20)"),
    ("objection", "Objection (art. 21)"),
]


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    cic_gdpr_right = fields.Selection(
        GDPR_RIGHTS,
        string="Right exercised",
        tracking=True,
        help="Right of the data subject the request exercises (GDPR art. 15-18, 20, "
        "21).",
    )
    cic_extension_months = fields.Integer(
        string="Extension (months)",
        readonly=True,
        copy=False,
        help="Further months granted by the extension (GDPR art. 12(3): at most 2).",
    )
    cic_gdpr_notice_due_date = fields.Date(
        string="Notice of a GDPR extension by",
        compute="_compute_cic_gdpr_notice_due_date",
        store=True,
        help="The term can be extended only if the person is told so, with the "
        "reasons, within one month of receipt (GDPR art. 12(3); calendar months, "
        "CPC art. 181(1) pct. 3 and (2)).",
    )

    cic_gdpr_notice_due_basis = fields.Char(
        string="Basis of the GDPR extension notice term",
        compute="_compute_cic_gdpr_notice_due_basis",
    )

    @api.depends(
        "cic_procedure_id.term_months",
        "cic_procedure_id.extended_term_months",
        "cic_procedure_id.code",
        "cic_registration_date",
    )
    def _compute_cic_gdpr_notice_due_date(self):
        for ticket in self:
            procedure = ticket.cic_procedure_id
            ticket.cic_gdpr_notice_due_date = (
                procedure.code == "gdpr_request"
                and procedure.extended_term_months
                and procedure.due_date(
                    ticket._cic_term_start(), company=ticket.company_id
                )
            )

    @api.depends(
        "cic_gdpr_notice_due_date",
        "cic_procedure_id.legal_basis",
        "cic_procedure_id.term_months",
    )
    @api.depends_context("lang")
    def _compute_cic_gdpr_notice_due_basis(self):
        """R-CAL-6: the notice-by date names its basis and counting."""
        for ticket in self:
            procedure = ticket.cic_procedure_id
            ticket.cic_gdpr_notice_due_basis = (
                ticket.cic_gdpr_notice_due_date
                and procedure._due_basis_months(months=procedure.term_months)
            )

    # ------------------------------------------------------------------
    # Extension (art. 12(3))
    # ------------------------------------------------------------------
    def _cic_gdpr_max_extension(self):
        self.ensure_one()
        procedure = self.cic_procedure_id
        return max(procedure.extended_term_months - procedure.term_months, 0)

    def _cic_gdpr_check_extension(self, months, reason):
        """Refuse an extension the law does not allow, with the reason."""
        self.ensure_one()
        max_months = self._cic_gdpr_max_extension()
        if self.cic_extension_months or not max_months:
            raise UserError(
                self.env._("The term of this request cannot be extended again.")
            )
        if not 1 <= (months or 0) <= max_months:
            raise UserError(
                self.env._(
                    "The term can be extended by 1 to %(max)s further months "
                    "(GDPR art. 12(3)).",
                    max=max_months,
                )
            )
        if not (reason or "").strip():
            raise UserError(self.env._("State the reason of the extension."))
        if not self.partner_id:
            raise UserError(
                self.env._("The request has no person to send the notice to.")
            )
        limit = self.cic_gdpr_notice_due_date
        if not limit or self._cic_today() > limit:
            raise UserError(
                self.env._(
                    "The person had to be told of the extension by %(date)s, within "
                    "one month of receipt (GDPR art. 12(3)): the term can no longer "
                    "be extended.",
                    date=self._cic_format_date(limit),
                )
            )

    def _cic_gdpr_extend(self, months, reason):
        """Extend the term by ``months`` and send the notice to the person. The
        extension is dated by the server when the notice is sent."""
        self.ensure_one()
        self._cic_check_clerk()
        self._cic_check_procedure("gdpr_request")
        self._cic_check_open()
        self._cic_gdpr_check_extension(months, reason)
        self._cic_wf().write(
            {
                "cic_extension_months": months,
                "cic_extension_date": self._cic_today(),
                "cic_extension_reason": reason.strip(),
                "cic_extended_by_id": self.env.user.id,
            }
        )
        self._cic_send_extension_notice(
            lambda env: env._(
                "Given the complexity and number of the requests, the term for "
                "answering your request is extended by %(months)s further month(s) "
                "(GDPR art. 12(3)).",
                months=months,
            ),
            reason.strip(),
        )
        return True

    def action_cic_open_gdpr_extend(self):
        self._cic_check_group(
            CLERK_GROUP,
            self.env._("Only the CIC sends the extension notice to the person."),
        )
        return self._cic_open_wizard("cic.gdpr.extend", self.env._("Extend the term"))
