# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import AccessError, ValidationError
from odoo.tools import SQL
from odoo.tools.mimetypes import _odoo_guess_mimetype, guess_mimetype

# Uploads: extension -> the content types its bytes may be sniffed as; the first is
# stored. guess_mimetype is Odoo's own guesser, or libmagic on the first 1024 bytes
# when python-magic is installed (the official image has it), which may say
# application/zip for an office document or CDFV2 for an old Word/Excel file.
# The content must match the extension: a text file named .pdf is refused.
OLE_MIMETYPES = (
    "application/msword",
    "application/vnd.ms-excel",
    "application/CDFV2",
    "application/x-ole-storage",
)
ALLOWED_UPLOADS = {
    "pdf": ("application/pdf",),
    "jpg": ("image/jpeg",),
    "jpeg": ("image/jpeg",),
    "png": ("image/png",),
    "doc": ("application/msword", *OLE_MIMETYPES),
    "xls": ("application/vnd.ms-excel", *OLE_MIMETYPES),
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",),
    "odt": ("application/vnd.oasis.opendocument.text",),
    "ods": ("application/vnd.oasis.opendocument.spreadsheet",),
    "txt": ("text/plain",),
}


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    @api.model
    def _cic_portal_max_upload_mb(self):
        value = (
            self.env["ir.config_parameter"].sudo().get_param("cic_portal.max_upload_mb")
        )
        try:
            return int(value) if value not in (None, False, "") else 10
        except ValueError:
            return 10

    @api.model
    def _cic_portal_read_upload(self, upload):
        """(name, bytes, mimetype) of a file a citizen uploads on an online form;
        ValidationError when it is too large or its content is not of an
        accepted type (PDF, images, office documents, text)."""
        max_mb = self._cic_portal_max_upload_mb()
        max_size = max_mb * 1024 * 1024
        data = upload.read(max_size + 1)
        if len(data) > max_size:
            raise ValidationError(
                self.env._(
                    "The file %(name)s is larger than %(size)s MB.",
                    name=upload.filename,
                    size=max_mb,
                )
            )
        accepted = ALLOWED_UPLOADS.get(upload.filename.rsplit(".", 1)[-1].lower())
        if not accepted or self._cic_sniff_mimetype(data, accepted) not in accepted:
            raise ValidationError(
                self.env._(
                    "The file %s is not accepted: use PDF, images, office "
                    "documents or text.",
                    upload.filename,
                )
            )
        return upload.filename, data, accepted[0]

    @api.model
    def _cic_sniff_mimetype(self, data, accepted):
        mimetype = guess_mimetype(data, default="application/octet-stream")
        if mimetype in ("application/zip", "application/octet-stream"):
            # libmagic reads only the first 1024 bytes: Odoo's own guesser
            # looks inside archives (word/, xl/, an OpenDocument mimetype).
            mimetype = _odoo_guess_mimetype(data)
        if (
            accepted == ALLOWED_UPLOADS["txt"]
            and mimetype == "application/octet-stream"
        ):
            # Odoo's guesser decodes the first 1024 bytes only, and fails
            # when they end inside a character (ș, ț are 2 bytes in UTF-8).
            try:
                text = data.decode("utf-8")[:1024]
            except UnicodeDecodeError:
                text = "\0"
            if text and all(c >= " " or c in "\t\n\r" for c in text):
                mimetype = "text/plain"
        return mimetype

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
