# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The directory institution an entry was forwarded to (issue 17 point 2).

The forwarding itself (letter, notice, closure) is ``_cic_forward`` of the
petition workflow (helpdesk_ticket_petition.py); this file records which directory
entry the recipient came from, a forwarding result like the others (protected,
audited: ``PROTECTED_FIELDS`` in helpdesk_ticket_workflow.py)."""

from odoo import fields, models


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    cic_forward_institution_id = fields.Many2one(
        "cic.institution",
        string="Forwarded to institution",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The institution of the directory the entry was forwarded to.",
    )

    def _cic_forward_to_institution(self, institution, authority, reason=""):
        """Forward to ``authority`` (the institution's letter contact unless the
        clerk chose another one) and record the institution."""
        self.ensure_one()
        self._cic_check_clerk()
        self._cic_check_open()
        authority = authority or institution._cic_letter_partner()
        self._cic_wf().write({"cic_forward_institution_id": institution.id})
        return self._cic_forward(authority, reason)
