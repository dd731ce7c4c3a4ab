# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.exceptions import AccessError
from odoo.tools import SQL


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    def _cic_check_portal_visible(self):
        """A portal user or a visitor gets, of a registry entry's attachments,
        only those of ``helpdesk.ticket._cic_portal_attachments``, even with an
        access token (helpdesk_mgmt handed tokens out for every attachment of the
        ticket, internal notes and unreleased documents included)."""
        if self.env.su or self.env.user._is_internal() or not self:
            return
        # Read in SQL, as ir.attachment.check does: reading the records in sudo
        # would cache their content for the caller, who may not read it.
        rows = self.env.execute_query(
            SQL(
                "SELECT id, res_id FROM ir_attachment "
                "WHERE id IN %s AND res_model = 'helpdesk.ticket' AND res_id != 0",
                tuple(self.ids),
            )
        )
        Ticket = self.env["helpdesk.ticket"].sudo()
        for attachment_id, res_id in rows:
            ticket = Ticket.browse(res_id).exists()
            if not ticket.cic_procedure_id:
                continue
            if attachment_id not in ticket._cic_portal_attachments().ids:
                raise AccessError(
                    self.env._("Sorry, you are not allowed to access this document.")
                )

    def validate_access(self, access_token):
        """/web/content and /web/image, with or without a token."""
        record = super().validate_access(access_token)
        self._cic_check_portal_visible()
        return record

    def _check_attachments_access(self, attachment_tokens):
        """Posting a message with attachments: a hidden one cannot be re-posted
        in a public message to make it visible."""
        res = super()._check_attachments_access(attachment_tokens)
        self._cic_check_portal_visible()
        return res
