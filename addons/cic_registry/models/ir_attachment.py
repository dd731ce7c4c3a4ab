# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A document is stored completely or the transaction is refused.

Odoo's ``_file_write`` logs a failed write of the file (disk full, filestore
read-only or missing) at INFO level and creates the attachment anyway, naming a file
that does not exist or was cut short: a citizen's document would be registered
without its content, and the truncated file would never be written again (Odoo skips
a file that exists). The size of the file on disk is checked after the write."""

import contextlib
import logging
import os

from odoo import models
from odoo.exceptions import UserError

_logger = logging.getLogger(__name__)


class CicStorageError(UserError):
    """The filestore could not store a document; nothing of the transaction may be
    kept (callers roll back to a savepoint and tell the user)."""


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    def _file_write(self, bin_value, checksum):
        fname = super()._file_write(bin_value, checksum)
        full_path = self._full_path(fname)
        try:
            complete = os.path.getsize(full_path) == len(bin_value)
        except OSError:
            complete = False
        if not complete:
            with contextlib.suppress(OSError):
                os.unlink(full_path)  # a truncated file would never be rewritten
            _logger.error(
                "The filestore could not store %s (%s bytes): disk full or not "
                "writable",
                full_path,
                len(bin_value),
            )
            raise CicStorageError(
                self.env._(
                    "The document could not be saved: the server's file storage is "
                    "full or unavailable. Nothing was saved; please try again later."
                )
            )
        return fname
