# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.1.0.0 -> 18.0.1.1.0: a draft act shows on the website only the documents
marked published (``published_attachment_ids``); before, the website showed every
attachment of a draft under consultation. The drafts already on the website keep
showing what the public has seen: their attachments are marked published."""

import logging

from odoo import SUPERUSER_ID, api

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    drafts = env["cic.transparency.draft"].search(
        [("published_website", "=", True), ("state", "!=", "draft")]
    )
    for draft in drafts:
        attachments = env["ir.attachment"].search(
            [("res_model", "=", draft._name), ("res_id", "=", draft.id)]
        )
        if attachments:
            draft.published_attachment_ids |= attachments
    _logger.info("%s published drafts keep their documents on the website", len(drafts))
