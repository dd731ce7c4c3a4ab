# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class CicArchiveInventoryLine(models.Model):
    """One file of an inventory (Law 16/1996 Annex 2 columns)."""

    _name = "cic.archive.inventory.line"
    _description = "Archive inventory file"
    _order = "inventory_id, sequence, id"

    inventory_id = fields.Many2one(
        "cic.archive.inventory", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="inventory_id.company_id", store=True)
    team_id = fields.Many2one(related="inventory_id.team_id", store=True)
    year = fields.Integer(related="inventory_id.year", store=True)
    sequence = fields.Integer(string="No.")
    indicator = fields.Char(string="File indicator", required=True)
    entry_id = fields.Many2one("cic.nomenclator.entry", string="Nomenclator file")
    summary = fields.Char(required=True)
    date_from = fields.Date(string="From")
    date_to = fields.Date(string="To")
    page_count = fields.Integer(string="Pages")
    ticket_count = fields.Integer(string="Documents")
    retention_label = fields.Char(
        string="Retention term", related="entry_id.retention_label"
    )
    destroy_eligible_date = fields.Date(
        string="Retention expires",
        compute="_compute_destroy_eligible_date",
        store=True,
    )

    @api.depends("entry_id.retention_type", "entry_id.retention_years", "year")
    def _compute_destroy_eligible_date(self):
        for line in self:
            line.destroy_eligible_date = (
                line.entry_id._cic_destroy_eligible_date(line.year)
                if line.entry_id
                else False
            )
