# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Written requests for a public debate on a draft act (Law 52/2003, R-TD-3)."""

from odoo import api, fields, models
from odoo.exceptions import UserError

from .cic_calendar import institution_today


class CicTransparencyDebateRequest(models.Model):
    _name = "cic.transparency.debate.request"
    _description = "Public debate request"
    _inherit = ["mail.thread"]
    _order = "request_date desc, id desc"

    draft_id = fields.Many2one(
        "cic.transparency.draft", string="Draft act", required=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="draft_id.company_id", store=True)
    requester_id = fields.Many2one("res.partner", string="Requester", required=True)
    requester_type = fields.Selection(
        selection=[
            ("association", "Legally constituted association"),
            ("authority", "Public authority"),
            ("citizen", "Citizen"),
        ],
        required=True,
        default="association",
    )
    request_date = fields.Date(required=True, default=institution_today)
    mandatory = fields.Boolean(
        compute="_compute_mandatory",
        store=True,
        help="A written request of an association or of a public authority makes the "
        "debate mandatory.",
    )
    organise_by = fields.Date(
        string="Organise by",
        compute="_compute_organise_by",
        store=True,
    )
    meeting_id = fields.Many2one(
        "cic.transparency.meeting", string="Debate", readonly=True, copy=False
    )

    @api.depends("requester_type")
    def _compute_mandatory(self):
        for req in self:
            req.mandatory = req.requester_type in ("association", "authority")

    @api.depends("request_date", "company_id.cic_td_debate_term_days")
    def _compute_organise_by(self):
        calendar = self.env["cic.calendar"]
        for req in self:
            if not req.request_date:
                req.organise_by = False
                continue
            req.organise_by = calendar.due_date(
                req.request_date,
                req.company_id.cic_td_debate_term_days,
                "calendar",
                company=req.company_id,
            )

    def action_create_debate(self):
        """Create the public debate with its notice, to be held by `organise_by`."""
        self.ensure_one()
        if self.meeting_id:
            raise UserError(self.env._("A debate already exists for this request."))
        self.meeting_id = self.env["cic.transparency.meeting"].create(
            {
                "name": self.env._(
                    "Public debate: %(draft)s", draft=self.draft_id.name
                ),
                "meeting_type": "debate",
                "meeting_date": self.organise_by,
                "company_id": self.company_id.id,
                "draft_ids": [fields.Command.link(self.draft_id.id)],
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "cic.transparency.meeting",
            "res_id": self.meeting_id.id,
            "view_mode": "form",
        }
