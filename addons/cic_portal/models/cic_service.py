# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class CicService(models.Model):
    """A service of the town hall, published in the citizens' catalogue.

    A service points to the registry procedure that gives its legal term; when
    it has a fee, filing it online creates a customer invoice for the citizen.
    """

    _name = "cic.service"
    _description = "CIC Public Service"
    _order = "category_id, sequence, name"

    name = fields.Char(required=True, translate=True)
    slug = fields.Char(
        compute="_compute_slug",
        store=True,
        readonly=False,
        help="Address of the service page: /cic/services/<slug>.",
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    is_published = fields.Boolean(string="Published", default=True)
    category_id = fields.Many2one(
        "cic.service.category", required=True, ondelete="restrict", index=True
    )
    summary = fields.Char(translate=True)
    description = fields.Html(translate=True, sanitize=True)
    required_documents = fields.Html(translate=True, sanitize=True)
    form_attachment_ids = fields.Many2many(
        "ir.attachment",
        string="Downloadable forms",
        help="Blank forms the citizen can download from the service page.",
    )
    procedure_id = fields.Many2one(
        "cic.procedure",
        required=True,
        ondelete="restrict",
        help="Registry procedure applied to requests for this service.",
    )
    term_days = fields.Integer(
        related="procedure_id.term_days", string="Legal term (days)"
    )
    department_id = fields.Many2one(
        "helpdesk.ticket.team",
        string="Responsible department",
        ondelete="set null",
    )
    department_name = fields.Char(
        related="department_id.name", string="Department name"
    )
    fee_product_id = fields.Many2one(
        "product.product",
        string="Fee product",
        ondelete="restrict",
        help="Product invoiced to the citizen when the service has a fee.",
    )
    fee_amount = fields.Monetary(currency_field="currency_id")
    currency_id = fields.Many2one(
        "res.currency", default=lambda self: self.env.company.currency_id
    )
    has_fee = fields.Boolean(compute="_compute_has_fee")
    online_form = fields.Boolean(
        string="Online form", default=True, help="Citizens can file it online."
    )
    company_id = fields.Many2one(
        "res.company", default=lambda self: self.env.company, required=True
    )

    _sql_constraints = [
        (
            "slug_uniq",
            "unique(slug, company_id)",
            "The service address must be unique.",
        ),
        ("fee_positive", "CHECK(fee_amount >= 0)", "The fee cannot be negative."),
    ]

    @api.depends("name")
    def _compute_slug(self):
        for service in self:
            if not service.slug and service.name:
                service.slug = self.env["ir.http"]._slugify(service.name)

    @api.depends("fee_amount", "fee_product_id")
    def _compute_has_fee(self):
        for service in self:
            service.has_fee = bool(service.fee_product_id and service.fee_amount > 0)

    def _get_fee_invoice_vals(self, partner, ticket):
        """Values of the customer invoice for the fee of this service."""
        self.ensure_one()
        return {
            "move_type": "out_invoice",
            "partner_id": partner.id,
            "company_id": self.company_id.id,
            "cic_ticket_id": ticket.id,
            "invoice_origin": ticket.cic_registration_number or ticket.name,
            "invoice_line_ids": [
                fields.Command.create(
                    {
                        "product_id": self.fee_product_id.id,
                        "name": self.name,
                        "quantity": 1,
                        "price_unit": self.fee_amount,
                        "tax_ids": [fields.Command.clear()],
                    }
                )
            ],
        }
