# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Reveal of a petitioner's full CNP to a clerk, with a logged reason (R-GDPR-1).

Every other way of reading the CNP (read, search_read, web_read, groupings) gives
the mask, and exports are refused: this action is the only one that shows the
full number to a user, one petitioner at a time, after he says why.
"""

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from ..models.res_partner import CNP_GROUPS


class CicCnpReveal(models.TransientModel):
    _name = "cic.cnp.reveal"
    _description = "Reveal a petitioner's CNP"

    partner_id = fields.Many2one(
        "res.partner", string="Petitioner", required=True, ondelete="cascade"
    )
    cic_cnp_masked = fields.Char(related="partner_id.cic_cnp_masked")
    reason = fields.Text(
        required=True,
        help="Why you need the full CNP (e.g. the request or the authority that "
        "asks for it). It is kept in the CNP access log.",
    )

    @api.model
    def _cic_check_may_reveal(self, partner):
        """Only clerks and above, on a petitioner they may read."""
        if not self.env.user.has_group(CNP_GROUPS):
            raise AccessError(
                self.env._("Only CIC clerks may reveal a petitioner's CNP.")
            )
        partner.check_access("read")

    def action_reveal(self):
        """Log the reveal with its reason and show the CNP in a notification."""
        self.ensure_one()
        partner = self.partner_id
        self._cic_check_may_reveal(partner)
        reason = (self.reason or "").strip()
        if not reason:
            raise UserError(self.env._("Give the reason why you need the full CNP."))
        cnp = partner.sudo().cic_cnp
        if not cnp:
            raise UserError(self.env._("This petitioner has no CNP."))
        self.env["cic.cnp.access.log"].sudo()._log_access(
            partner, "reveal", reason=reason
        )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._(
                    "CNP of %(name)s", name=partner.sudo().display_name
                ),
                "message": cnp,
                "type": "warning",
                "sticky": True,
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
