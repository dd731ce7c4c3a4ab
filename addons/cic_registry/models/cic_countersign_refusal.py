# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Register of refusals to countersign (issue 17 point 3).

When the secretary general refuses to countersign a council decision or a mayor's
disposition for legality (Codul administrativ art. 243(1) a)), the refusal and its
written reasons are entered here, numbered per year; the register is published in
the Monitorul Oficial Local (Annex 1 section f)) once the clerk has checked the
reasons for personal data and published the entry.
"""

from odoo import api, fields, models
from odoo.exceptions import UserError

from .cic_local_act_mixin import next_number


class CicCountersignRefusal(models.Model):
    _name = "cic.countersign.refusal"
    _description = "Refusal to countersign"
    _inherit = ["mail.thread"]
    _order = "year desc, number desc, id desc"

    number = fields.Integer(readonly=True, copy=False)
    year = fields.Integer(readonly=True, copy=False, index=True)
    date = fields.Date(readonly=True, required=True)
    decision_id = fields.Many2one(
        "cic.council.decision", string="Council decision", readonly=True, index=True
    )
    disposition_id = fields.Many2one(
        "cic.mayor.disposition",
        string="Mayor's disposition",
        readonly=True,
        index=True,
    )
    act_name = fields.Char(string="Act", readonly=True)
    secretary_id = fields.Many2one(
        "res.users", string="Secretary general", readonly=True
    )
    reasons = fields.Text(required=True, tracking=True)
    is_published = fields.Boolean(
        string="Published in the MOL",
        tracking=True,
        help="Publish the entry in the register of refusals of the Monitorul "
        "Oficial Local after checking that its reasons hold no personal data.",
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )

    _sql_constraints = [
        (
            "number_unique",
            "unique(company_id, year, number)",
            "A refusal number is used once per year.",
        ),
    ]

    @api.depends("number", "year", "act_name")
    def _compute_display_name(self):
        for refusal in self:
            refusal.display_name = (
                f"{refusal.number}/{refusal.year} - {refusal.act_name}"
            )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise UserError(
                self.env._(
                    "A refusal is registered by the secretary general's 'Refuse to "
                    "countersign' button on the act."
                )
            )
        return super().create(vals_list)

    def write(self, vals):
        if set(vals) - {"is_published", "reasons"} and not self.env.su:
            raise UserError(
                self.env._("Only the reasons and the publication can be changed.")
            )
        return super().write(vals)

    @api.model
    def _cic_register(self, act):
        """Enter the refusal of ``act`` (decision or disposition), numbered in the
        year of the refusal."""
        today = self.env["cic.calendar"].today()
        number = next_number(self.env, self._name, "number", act.company_id, today.year)
        field = (
            "decision_id" if act._name == "cic.council.decision" else "disposition_id"
        )
        return self.sudo().create(
            {
                "number": number,
                "year": today.year,
                "date": today,
                field: act.id,
                "act_name": act.display_name,
                "secretary_id": self.env.user.id,
                "reasons": act.countersign_refusal_reason,
                "company_id": act.company_id.id,
            }
        )
