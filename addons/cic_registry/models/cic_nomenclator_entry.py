# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo import api, fields, models, tools
from odoo.exceptions import ValidationError


class CicNomenclatorEntry(models.Model):
    """One file (dosar) of the nomenclator: indicator, name, retention term.

    `procedure_ids` and `is_team_default` tell which registry entries are filed
    here by default (see `helpdesk.ticket._compute_cic_nomenclator_entry_id`).
    """

    _name = "cic.nomenclator.entry"
    _inherit = ["cic.cached.data.mixin"]
    _description = "Archive nomenclator entry"
    _order = "nomenclator_id, team_id, sequence, indicator"
    _rec_names_search = ["indicator", "name"]

    nomenclator_id = fields.Many2one(
        "cic.nomenclator", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="nomenclator_id.company_id", store=True, index=True
    )
    sequence = fields.Integer(default=10)
    team_id = fields.Many2one(
        "helpdesk.ticket.team",
        string="Department",
        help="Department (compartiment) that creates and keeps the file.",
    )
    indicator = fields.Char(
        string="File indicator", required=True, help="E.g. I-3 or 2/5."
    )
    name = fields.Char(string="File name", required=True)
    retention_type = fields.Selection(
        [("permanent", "Permanent (P)"), ("years", "Years")],
        string="Retention",
        required=True,
        default="years",
    )
    retention_years = fields.Integer(string="Retention (years)")
    retention_label = fields.Char(
        string="Retention term", compute="_compute_retention_label"
    )
    remarks = fields.Char()
    procedure_ids = fields.Many2many(
        "cic.procedure",
        string="Procedures",
        help="Registry entries of these procedures are filed here by default.",
    )
    is_team_default = fields.Boolean(
        string="Department default",
        help="File used for the department's entries that match no procedure.",
    )

    _sql_constraints = [
        (
            "indicator_uniq",
            "unique(nomenclator_id, indicator)",
            "The file indicator must be unique within a nomenclator.",
        )
    ]

    @api.depends("retention_type", "retention_years")
    def _compute_retention_label(self):
        for entry in self:
            if entry.retention_type == "permanent":
                entry.retention_label = "P"
            else:
                entry.retention_label = self.env._(
                    "%(years)s years", years=entry.retention_years
                )

    @api.depends("indicator", "name", "retention_label")
    def _compute_display_name(self):
        for entry in self:
            entry.display_name = (
                f"{entry.indicator} {entry.name} ({entry.retention_label})"
            )

    @api.constrains("retention_type", "retention_years")
    def _check_retention_years(self):
        for entry in self:
            if entry.retention_type == "years" and entry.retention_years <= 0:
                raise ValidationError(
                    self.env._(
                        "File %(indicator)s: the retention term must be at least "
                        "one year, or permanent.",
                        indicator=entry.indicator,
                    )
                )

    def _cic_destroy_eligible_date(self, file_year):
        """31 December of (file year + N); False for permanent files (R-REG-6)."""
        self.ensure_one()
        _indicator, retention_type, retention_years = self._cic_file_values(self.id)
        if retention_type != "years" or not file_year:
            return False
        return date(file_year + retention_years, 12, 31)

    @api.model
    @tools.ormcache("entry_id")
    def _cic_file_values(self, entry_id):
        """(indicator, retention type, retention years) of a file, which every
        registration copies onto its entry: cached like the default file, so that
        filing an entry reads no file (the mixin drops the cache on any change)."""
        entry = self.sudo().browse(entry_id)
        return entry.indicator, entry.retention_type, entry.retention_years

    @api.model
    def _cic_default_entry(self, year, company, procedure=None, team=None):
        """File for a registry entry: procedure and department, then procedure,
        then the department's default file, in the nomenclator in force. Looked up
        once per (year, company, procedure, department) and cached: every
        registration files its entry, the nomenclator changes a few times a year
        (cic.cached.data.mixin drops the cache)."""
        if not procedure and not team:
            return self.browse()  # nothing to match: no search
        return self.browse(
            self._cic_default_entry_id(
                year,
                company.id,
                procedure.id if procedure else False,
                team.id if team else False,
            )
        )

    @api.model
    @tools.ormcache("year", "company_id", "procedure_id", "team_id")
    def _cic_default_entry_id(self, year, company_id, procedure_id, team_id):
        """Id of the default file (False if none), the same for every user: the
        company is explicit, so the search runs as superuser."""
        entries = self.sudo()
        nomenclator = (
            self.env["cic.nomenclator"]
            .sudo()
            ._cic_for_year_query(year, self.env["res.company"].browse(company_id))
        )
        in_force = [("nomenclator_id", "in", nomenclator)]
        if procedure_id:
            by_procedure = entries.search_fetch(
                [*in_force, ("procedure_ids", "in", [procedure_id])], ["team_id"]
            )
            found = (
                by_procedure.filtered(lambda e: e.team_id.id == team_id)
                or by_procedure.filtered(lambda e: not e.team_id)
                or by_procedure
            )
            if found:
                return found[0].id
        if team_id:
            return entries.search(
                [*in_force, ("team_id", "=", team_id), ("is_team_default", "=", True)],
                limit=1,
            ).id
        return False
