# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CicPublicDocument(models.Model):
    """The annual report on the town's economic and social state and the reports
    to the community are public documents of their own categories, listed on
    the participation page /cic/participation (issue 17 point 4)."""

    _inherit = "cic.public.document"

    category = fields.Selection(
        selection_add=[
            ("annual_report", "Annual report on the town's state"),
            ("community_report", "Report to the community"),
        ],
        ondelete={"annual_report": "set default", "community_report": "set default"},
    )
