# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Dispositions of the mayor (dispoziții, issue 17 point 3).

Registered as drafts (register of draft dispositions), issued by the mayor with
the next number of the year (register of dispositions), countersigned by the
secretary general, communicated to the prefect and, when normative, published in
the Monitorul Oficial Local (Annex 1 section d) lists the normative dispositions
only). The shared workflow is ``cic.local.act.mixin``.
"""

from odoo import api, fields, models
from odoo.exceptions import UserError


class CicMayorDisposition(models.Model):
    _name = "cic.mayor.disposition"
    _description = "Mayor's disposition"
    _inherit = "cic.local.act.mixin"

    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("adopted", "Issued"),
            ("withdrawn", "Withdrawn"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    transparency_draft_id = fields.Many2one(
        "cic.transparency.draft",
        string="Law 52 draft",
        domain="[('act_type', '=', 'disposition'), ('company_id', '=', company_id)]",
        help="The draft normative disposition put under public consultation (Law "
        "52/2003).",
    )

    _sql_constraints = [
        (
            "number_unique",
            "unique(company_id, year, number)",
            "A disposition number is used once per year.",
        ),
        (
            "draft_number_unique",
            "unique(company_id, draft_year, draft_number)",
            "A draft number is used once per year.",
        ),
    ]

    @api.depends("name", "number_display")
    def _compute_display_name(self):
        for disposition in self:
            if disposition.number:
                disposition.display_name = self.env._(
                    "Disposition no. %(number)s - %(title)s",
                    number=disposition.number_display,
                    title=disposition.name,
                )
            else:
                disposition.display_name = disposition.name

    def _cic_check_mayor(self):
        if not self.env.user.has_group("cic_registry.group_cic_secretary"):
            raise UserError(
                self.env._("Only the mayor (or his deputy) issues a disposition.")
            )

    def action_issue(self):
        """Issue the disposition today: it takes the next number of its year."""
        return self._cic_issue(self.env["cic.calendar"].today())

    def _cic_issue(self, issue_date):
        self._cic_check_mayor()
        for disposition in self:
            if disposition.state != "draft":
                raise UserError(self.env._("Only a draft disposition can be issued."))
            disposition._cic_act_write({"state": "adopted"})
            disposition._cic_assign_number(issue_date)

    def action_withdraw(self):
        for disposition in self:
            if disposition.state != "draft":
                raise UserError(
                    self.env._("Only a draft disposition can be withdrawn.")
                )
            disposition._cic_act_write({"state": "withdrawn"})

    def _cic_publishable(self):
        self.ensure_one()
        return self.act_kind == "normative"

    def _cic_publication_report(self):
        return "cic_registry.action_report_cic_mayor_disposition_public"
