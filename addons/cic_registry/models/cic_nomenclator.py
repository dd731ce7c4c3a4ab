# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from .cic_calendar import institution_today


class CicNomenclator(models.Model):
    """Archive nomenclator (nomenclatorul arhivistic, Law 16/1996 Annex 1).

    One per company and version, applying from `year` until a later approved
    version replaces it. Approved by the head of the institution and confirmed by
    the National Archives (county service).
    """

    _name = "cic.nomenclator"
    _description = "Archive nomenclator"
    _inherit = ["mail.thread", "cic.cached.data.mixin"]
    _order = "year desc, version desc"

    name = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    year = fields.Integer(
        string="Applies from year",
        required=True,
        default=lambda self: institution_today(self).year,
        tracking=True,
    )
    version = fields.Integer(required=True, default=1, tracking=True)
    state = fields.Selection(
        [("draft", "Draft"), ("approved", "Approved")],
        default="draft",
        required=True,
        tracking=True,
    )
    approval_act = fields.Char(
        string="Approval act",
        tracking=True,
        help="Act of the head of the institution, e.g. mayor's order no. 12/2026.",
    )
    approval_date = fields.Date(tracking=True)
    approved_by = fields.Char(string="Approved by", tracking=True)
    confirmation_act = fields.Char(
        string="National Archives confirmation",
        tracking=True,
        help="Number of the confirmation issued by the county service of the "
        "National Archives.",
    )
    confirmation_date = fields.Date(tracking=True)
    entry_ids = fields.One2many(
        "cic.nomenclator.entry", "nomenclator_id", string="Entries", copy=True
    )
    entry_count = fields.Integer(compute="_compute_entry_count")
    note = fields.Text()

    _sql_constraints = [
        (
            "year_version_uniq",
            "unique(company_id, year, version)",
            "A nomenclator with this year and version already exists.",
        )
    ]

    @api.depends("name", "year", "version")
    def _compute_display_name(self):
        for nomenclator in self:
            nomenclator.display_name = self.env._(
                "%(name)s (%(year)s, v%(version)s)",
                name=nomenclator.name,
                year=nomenclator.year,
                version=nomenclator.version,
            )

    @api.depends("entry_ids")
    def _compute_entry_count(self):
        for nomenclator in self:
            nomenclator.entry_count = len(nomenclator.entry_ids)

    def action_approve(self):
        for nomenclator in self:
            if not (nomenclator.approval_act and nomenclator.approval_date):
                raise UserError(
                    self.env._(
                        "Enter the approval act and its date before approving "
                        "the nomenclator."
                    )
                )
            if not nomenclator.entry_ids:
                raise UserError(self.env._("The nomenclator has no entries."))
        self.state = "approved"

    def action_reset_to_draft(self):
        self.state = "draft"

    @api.model
    def _cic_for_year(self, year, company=None):
        """The approved nomenclator in force for `year` (latest year, then version)."""
        return self.browse(self._cic_for_year_query(year, company))

    @api.model
    def _cic_for_year_query(self, year, company=None):
        """The same as a query not run yet: a sub-query in the domain of a search
        of its entries (one query instead of two)."""
        company = company or self.env.company
        return self._search(
            [
                ("company_id", "=", company.id),
                ("state", "=", "approved"),
                ("year", "<=", year),
            ],
            order="year desc, version desc",
            limit=1,
        )
