# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Import or refresh the SIRUTA table from the file published by INS."""

import base64

from odoo import fields, models
from odoo.exceptions import UserError


class CicSirutaImport(models.TransientModel):
    _name = "cic.siruta.import"
    _description = "Import the SIRUTA register"

    file = fields.Binary(string="INS SIRUTA file (CSV)", required=True)
    filename = fields.Char()
    result = fields.Char(readonly=True)

    def action_import(self):
        self.ensure_one()
        if not self.file:
            raise UserError(self.env._("Choose the SIRUTA file published by INS."))
        siruta = self.env["cic.siruta"]
        created, updated = siruta._cic_import_rows(
            siruta._cic_parse(base64.b64decode(self.file))
        )
        self.result = self.env._(
            "%(created)s localities added, %(updated)s updated.",
            created=created,
            updated=updated,
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }
