# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from .helpdesk_ticket_archive import quoting


class CicAuditLog(models.Model):
    """Append-only trail of corrections and sensitive reads.

    Everybody may at most read it (ACL); rows are written only by the code, through
    ``log()``, with sudo.
    """

    _name = "cic.audit.log"
    _description = "Audit log"
    _order = "id desc"
    _rec_name = "res_name"

    event = fields.Char(required=True, readonly=True, help="What happened.")
    res_model = fields.Char(string="Model", required=True, readonly=True, index=True)
    res_id = fields.Integer(string="Record ID", readonly=True, index=True)
    res_name = fields.Char(string="Record", readonly=True)
    field_name = fields.Char(string="Field", readonly=True)
    old_value = fields.Text(readonly=True)
    new_value = fields.Text(readonly=True)
    note = fields.Text(readonly=True)
    user_id = fields.Many2one(
        "res.users", string="User", readonly=True, required=True, ondelete="restrict"
    )
    date = fields.Datetime(readonly=True, required=True)
    company_id = fields.Many2one(
        "res.company",
        readonly=True,
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )

    @api.model
    def log(self, records, event, field_name=None, old=None, new=None, note=None):
        """Write one row per record; ``self.env.user`` is recorded as the author."""
        vals = [
            {
                "event": event,
                "res_model": rec._name,
                "res_id": rec.id,
                "res_name": rec.display_name,
                "field_name": field_name,
                "old_value": old,
                "new_value": new,
                "note": note,
                "user_id": self.env.uid,
                "date": fields.Datetime.now(),
                "company_id": ("company_id" in rec._fields and rec.company_id.id)
                or self.env.company.id,
            }
            for rec in records
        ]
        return self.sudo().create(vals)

    @api.model
    def _cic_anonymise_values(self, res_model, res_ids, personal):
        """Blank the values of the rows of these records that quote a person's
        data (``personal``: names, e-mails, CNPs...) after an anonymisation
        (R-GDPR-2); who changed which field when stays. Call in sudo."""
        rows = self.search([("res_model", "=", res_model), ("res_id", "in", res_ids)])
        placeholder = self.env._("(anonymised)")
        for fname in ("old_value", "new_value", "note", "res_name"):
            quoting(rows, (fname,), personal).write({fname: placeholder})
        return rows
