# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Visitors and citizens read published drafts, meetings and answered
recommendations (Law 52/2003), never every attachment of them.

Odoo serves an attachment to a non-employee who holds its access token, whatever
the record it belongs to, and the portal chatter hands out the tokens of the
attachments of every message the reader may see. Of a draft, a visitor or a portal
user gets only its published documents (``_cic_published_documents``) while the
draft is on the website; of a meeting or a recommendation, nothing. The
attachments stay internal for the staff as Odoo rules them."""

from odoo import models
from odoo.exceptions import AccessError
from odoo.tools import SQL

TRANSPARENCY_MODELS = (
    "cic.transparency.draft",
    "cic.transparency.meeting",
    "cic.transparency.recommendation",
)


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    def _cic_check_transparency_visible(self):
        """AccessError when a visitor or a portal user asks for an attachment of
        the decisional transparency that is not a published document of a draft
        he can read."""
        if self.env.su or self.env.user._is_internal() or not self:
            return
        # Read in SQL, as ir.attachment.check does: reading the records in sudo
        # would cache their content for the caller, who may not read it.
        rows = self.env.execute_query(
            SQL(
                "SELECT id, res_model, res_id FROM ir_attachment "
                "WHERE id IN %s AND res_model IN %s",
                tuple(self.ids),
                TRANSPARENCY_MODELS,
            )
        )
        if not rows:
            return
        draft_ids = [
            res_id for _id, model, res_id in rows if model == TRANSPARENCY_MODELS[0]
        ]
        # The drafts searched as the caller: his record rules keep the published.
        drafts = self.env["cic.transparency.draft"].search([("id", "in", draft_ids)])
        published = set()
        for draft in drafts.sudo():
            published.update(draft._cic_published_documents().ids)
        if any(attachment_id not in published for attachment_id, _m, _r in rows):
            raise AccessError(
                self.env._("Sorry, you are not allowed to access this document.")
            )

    def validate_access(self, access_token):
        """/web/content and /web/image, with or without a token."""
        record = super().validate_access(access_token)
        self._cic_check_transparency_visible()
        return record

    def _check_attachments_access(self, attachment_tokens):
        """Posting a message with attachments: an internal document of a draft
        cannot be re-posted elsewhere to reach it."""
        res = super()._check_attachments_access(attachment_tokens)
        self._cic_check_transparency_visible()
        return res
