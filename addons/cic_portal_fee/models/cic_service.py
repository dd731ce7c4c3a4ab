# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import math

from odoo import api, fields, models
from odoo.exceptions import UserError


class CicService(models.Model):
    """The fee of a service: filing it online creates a customer invoice for
    the citizen (flat, by surface, or from the fee table of the year), and the
    optional urgency fee."""

    _inherit = "cic.service"

    fee_product_id = fields.Many2one(
        "product.product",
        string="Fee product",
        ondelete="restrict",
        help="Product invoiced to the citizen when the service has a fee.",
    )
    fee_amount = fields.Monetary(
        currency_field="currency_id",
        help="Used when the fee table of the request's year has no line for "
        "this service.",
    )
    currency_id = fields.Many2one("res.currency", compute="_compute_currency_id")
    has_fee = fields.Boolean(compute="_compute_has_fee")
    fee_by_surface = fields.Boolean(
        string="Fee by surface (m²)",
        help="The citizen declares the surface on the online form and the fee "
        "is taken from the surface bands of the fee table (certificat de "
        "urbanism, Codul fiscal art. 474).",
    )
    fee_table_line_ids = fields.One2many(
        "cic.fee.table.line", "service_id", string="Fee table lines"
    )
    current_fee_amount = fields.Monetary(
        string="Fee this year",
        compute="_compute_current_fee_amount",
        currency_field="currency_id",
    )
    urgency_available = fields.Boolean(
        string="Urgency fee (taxa de urgență)",
        help="Optional fee set by HCL: when the citizen pays it, the internal "
        "target is shortened. The legal due date never changes.",
    )
    urgency_fee_amount = fields.Monetary(
        string="Urgency fee amount",
        currency_field="currency_id",
        help="Used when the fee table of the request's year has no urgency line "
        "for this service.",
    )
    urgency_fee_product_id = fields.Many2one(
        "product.product",
        string="Urgency fee product",
        ondelete="restrict",
        help="Empty: the generic urgency fee product.",
    )
    urgency_target_days = fields.Integer(
        string="Internal target with urgency (working days)", default=1
    )
    _sql_constraints = [
        ("fee_positive", "CHECK(fee_amount >= 0)", "The fee cannot be negative."),
        (
            "urgency_fee_positive",
            "CHECK(COALESCE(urgency_fee_amount, 0) >= 0)",
            "The urgency fee cannot be negative.",
        ),
        (
            "urgency_days_positive",
            "CHECK(COALESCE(urgency_target_days, 0) >= 0)",
            "Numbers of days cannot be negative.",
        ),
    ]

    @api.depends("company_id.cic_fee_currency_id", "company_id.currency_id")
    def _compute_currency_id(self):
        for service in self:
            company = service.company_id or self.env.company
            service.currency_id = company._cic_fee_currency()

    @api.depends("fee_amount", "fee_product_id", "fee_table_line_ids.amount")
    def _compute_has_fee(self):
        for service in self:
            # sudo: citizens see whether a service has a fee, not the tables.
            has_lines = any(
                line.fee_type == "fee" and line.table_id.active
                for line in service.sudo().fee_table_line_ids
            )
            service.has_fee = bool(
                service.fee_product_id and (service.fee_amount > 0 or has_lines)
            )

    @api.depends_context("company")
    @api.depends("fee_amount", "fee_table_line_ids.amount")
    def _compute_current_fee_amount(self):
        """Flat fee of the current year's table, shown in the catalogue."""
        today = self.env["cic.calendar"].today()
        for service in self:
            lines = service._cic_fee_lines(today.year)
            service.current_fee_amount = (
                lines[:1].amount if lines else service.fee_amount
            )

    def _cic_fee_lines(self, year, fee_type="fee"):
        """Lines of the year's fee table for this service."""
        self.ensure_one()
        table = (
            self.env["cic.fee.table"]
            .sudo()
            ._get_for_year(year, self.company_id or self.env.company)
        )
        return table.line_ids.filtered(
            lambda line: line.service_id == self and line.fee_type == fee_type
        )

    def _cic_compute_fee(self, day, surface=0.0, fee_type="fee"):
        """Fee (R-POR-3) of a request registered on `day` (local date).

        Taken from the fee table of the year of `day`; the service's own amount
        is the fallback when that table has no line for the service. A service
        charged by surface needs the declared surface and a band covering it.
        """
        self.ensure_one()
        lines = self._cic_fee_lines(day.year, fee_type)
        by_surface = fee_type == "fee" and self.fee_by_surface
        if by_surface and (not surface or surface <= 0):
            raise UserError(
                self.env._(
                    "Please state the surface of the land in m² (a number greater "
                    "than 0): the fee of %(service)s depends on it.",
                    service=self.name,
                )
            )
        if not lines:
            fallback = self.fee_amount if fee_type == "fee" else self.urgency_fee_amount
            return self.currency_id.round(fallback)
        if by_surface:
            band = lines.filtered(lambda line: line._matches(surface))[:1]
            if not band:
                raise UserError(
                    self.env._(
                        "No fee band of %(service)s for %(year)s covers a surface "
                        "of %(surface)s m². Please check the surface or ask the "
                        "town hall.",
                        service=self.name,
                        year=day.year,
                        surface=surface,
                    )
                )
            return band._compute_fee(surface)
        return lines[:1]._compute_fee()

    def _cic_fee_invoice_lines(self, ticket):
        """(product, label, amount) of the fee and of the urgency fee the citizen
        asked for on `ticket`, a request for this service."""
        self.ensure_one()
        day = ticket._cic_fee_day()
        lines = []
        if self.has_fee:
            label = self.name
            if self.fee_by_surface:
                label = f"{self.name} ({ticket.cic_surface_m2:g} m²)"
            amount = self._cic_compute_fee(day, ticket.cic_surface_m2)
            lines.append((self.fee_product_id, label, amount))
        if ticket.cic_urgency_requested and self.urgency_available:
            urgency = self._cic_compute_fee(day, fee_type="urgency")
            if urgency:
                product = self.urgency_fee_product_id or self.env.ref(
                    "cic_portal_fee.product_cic_urgency_fee"
                )
                label = self.env._("Urgency fee: %(service)s", service=self.name)
                lines.append((product, label, urgency))
        return lines

    # ------------------------------------------------------------------
    # Online form
    # ------------------------------------------------------------------
    @staticmethod
    def _cic_parse_surface(post):
        """Surface (m²) typed on the form; 0 when missing or not a number."""
        raw = (post.get("surface_m2") or "").strip().replace(",", ".")
        try:
            surface = float(raw)
        except ValueError:
            return 0.0
        return surface if math.isfinite(surface) else 0.0

    def _cic_portal_form_errors(self, post):
        """Form errors of the fee fields: the surface must give a fee."""
        errors = super()._cic_portal_form_errors(post)
        if not (self.fee_by_surface and self.has_fee):
            return errors
        surface = self._cic_parse_surface(post)
        try:
            self._cic_compute_fee(self.env["cic.calendar"].today(), surface)
        except UserError as exc:
            errors["surface_m2"] = exc.args[0]
        return errors

    def _cic_portal_ticket_vals(self, post):
        """Request values of the fee fields of the online form."""
        vals = super()._cic_portal_ticket_vals(post)
        if self.fee_by_surface:
            vals["cic_surface_m2"] = self._cic_parse_surface(post)
        if self.urgency_available and post.get("urgency"):
            vals["cic_urgency_requested"] = True
        return vals
