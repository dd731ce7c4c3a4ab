# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the petitioner sees of an entry's documents: an explicit list.

* the documents he sent (attached from the portal, by him or as a visitor);
* the issued documents, once released (``_cic_documents_released``; with
  cic_portal_fee, once the fee, if any, is paid: Codul fiscal art. 473);
* the files of the messages the portal shows him (the answer and the letters once
  dispatched, his own messages), never an internal note's.

Everything else attached to the entry (internal notes, drafts, documents not released
yet) is neither listed nor served to a portal user or a visitor, by any route: see
``ir.attachment._cic_check_portal_visible``.
"""

from odoo import models


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    def _cic_citizen_attachments(self):
        """Documents the petitioner sent: attached to the entry by a portal user
        or a visitor (the online form, the portal chatter), not the issued ones."""
        self.ensure_one()
        return (
            self.env["ir.attachment"]
            .sudo()
            .search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "=", self.id),
                    ("create_uid.share", "=", True),
                    ("id", "not in", self.cic_released_attachment_ids.ids),
                ]
            )
        )

    def _cic_store_portal_uploads(self, uploads):
        """Attach the files the citizen sent with the online form
        ((name, bytes, mimetype), checked by ``_cic_read_uploads``)."""
        self.ensure_one()
        # Narrow sudo: visitors cannot create attachments; these are the files
        # of the form that registered this entry, created as the person filing
        # (create_uid is his, which makes them "sent by the petitioner").
        Attachment = self.env["ir.attachment"].sudo()
        for name, data, mimetype in uploads:
            Attachment.create(
                {
                    "name": name,
                    "raw": data,
                    "mimetype": mimetype,
                    "res_model": self._name,
                    "res_id": self.id,
                }
            )

    def _cic_documents_released(self):
        """Whether the issued documents may be downloaded now: once nothing
        stands in the way of their release (cic_portal_fee: the fee owed is paid
        or exempted, Codul fiscal art. 473)."""
        self.ensure_one()
        return not self._cic_release_blocker()

    def _cic_released_documents(self):
        """The issued documents the petitioner may download now."""
        self.ensure_one()
        if not self._cic_documents_released():
            return self.env["ir.attachment"]
        return self.cic_released_attachment_ids

    def _cic_public_message_attachments(self):
        """Files of the messages the portal shows (public comments and e-mails:
        the answer once dispatched); never a note, nor an issued document still
        locked by an unpaid fee."""
        self.ensure_one()
        messages = self.sudo().message_ids.filtered(
            lambda m: m.message_type in ("comment", "email", "email_outgoing")
            and not m.is_internal
            and m.subtype_id
            and not m.subtype_id.internal
        )
        locked = self.cic_released_attachment_ids - self._cic_released_documents()
        return messages.attachment_ids - locked

    def _cic_portal_attachments(self):
        """Every attachment of this entry a portal user or a visitor with access
        to the entry may see (sudo recordset)."""
        self.ensure_one()
        return (
            self._cic_citizen_attachments()
            | self._cic_released_documents().sudo()
            | self._cic_public_message_attachments()
        )
