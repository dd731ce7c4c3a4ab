# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CicProcedure(models.Model):
    _inherit = "cic.procedure"

    cic_form_field_ids = fields.One2many(
        "cic.service.field",
        "procedure_id",
        string="Online form fields",
        help="Asked on the procedure's online form and on the form of every "
        "service of the procedure, below the name, address, subject and message.",
    )
