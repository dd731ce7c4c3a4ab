# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CicAudienceRequest(models.Model):
    """An audience booked online on behalf of an organisation: the citizen who
    attends stays the requester, the organisation he represents is recorded."""

    _inherit = "cic.audience.request"

    cic_organisation_id = fields.Many2one(
        "res.partner",
        string="On behalf of",
        index="btree_not_null",
        ondelete="restrict",
        domain=[("cic_person_type", "=", "legal")],
        help="Legal person the requester represents at the audience.",
    )
