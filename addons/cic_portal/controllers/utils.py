# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Helpers shared by the portal controllers."""

from odoo.http import request


def attachment_download(attachment):
    """Send ``attachment`` as a download, or 404 when it is empty.

    Callers pass only an attachment they already selected among the records the
    visitor may see (a service's forms, a request's documents).
    """
    if not attachment:
        raise request.not_found()
    return (
        request.env["ir.binary"]
        ._get_stream_from(attachment)
        .get_response(as_attachment=True)
    )
