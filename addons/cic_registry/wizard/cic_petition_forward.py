# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Redirect a misdirected petition to the competent authority (OG 27/2002 art. 6^1)."""

from odoo import api, fields, models
from odoo.exceptions import UserError


class CicPetitionForward(models.TransientModel):
    _name = "cic.petition.forward"
    _description = "Redirect to the competent authority"

    ticket_id = fields.Many2one("helpdesk.ticket", required=True, ondelete="cascade")
    forward_due_date = fields.Date(related="ticket_id.cic_forward_due_date")
    forward_due_basis = fields.Char(related="ticket_id.cic_forward_due_basis")
    institution_id = fields.Many2one(
        "cic.institution",
        string="Institution",
        help="Choose the institution from the directory: its letter contact "
        "becomes the recipient.",
    )
    institution_address = fields.Text(related="institution_id.address_display")
    authority_id = fields.Many2one(
        "res.partner",
        string="Competent authority",
        compute="_compute_authority_id",
        store=True,
        readonly=False,
        domain=[("is_company", "=", True)],
        help="The recipient of the forwarding letter. Left empty with an "
        "institution chosen, a contact is made from the institution.",
    )
    reason = fields.Text(
        help="Why the matter is in the competence of that authority (printed in the "
        "forwarding letter)."
    )
    late_warning = fields.Boolean(compute="_compute_late_warning")

    @api.depends("institution_id")
    def _compute_authority_id(self):
        for wizard in self:
            if wizard.institution_id:
                wizard.authority_id = wizard.institution_id.partner_id

    @api.depends("forward_due_date")
    def _compute_late_warning(self):
        today = self.env["cic.calendar"].today()
        for wizard in self:
            wizard.late_warning = bool(
                wizard.forward_due_date and today > wizard.forward_due_date
            )

    def action_confirm(self):
        self.ensure_one()
        if self.institution_id:
            self.ticket_id._cic_forward_to_institution(
                self.institution_id, self.authority_id, self.reason or ""
            )
        elif not self.authority_id:
            raise UserError(
                self.env._("Choose the institution or the competent authority.")
            )
        else:
            self.ticket_id._cic_forward(self.authority_id, self.reason or "")
        return {"type": "ir.actions.act_window_close"}
