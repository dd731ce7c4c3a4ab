# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class CicService(models.Model):
    """A service of the town hall, published in the citizens' catalogue.

    A service points to the registry procedure that gives its legal term;
    cic_portal_fee adds its fee (a customer invoice when it is filed online).
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
    internal_target_days = fields.Integer(
        string="Internal target (working days)",
        help="Working days after registration within which the request is "
        "handled (e.g. 2 for the certificat de atestare fiscală). 0: the "
        "company's internal margin before the legal due date.",
    )
    validity_days = fields.Integer(
        string="Validity of the issued document (calendar days)",
        help="The issued document is valid this many calendar days from its "
        "issue date (e.g. 30 for the certificat de atestare fiscală). 0: no "
        "validity end.",
    )
    online_form = fields.Boolean(
        string="Online form", default=True, help="Citizens can file it online."
    )
    form_field_ids = fields.One2many(
        "cic.service.field",
        "service_id",
        string="Online form fields",
        help="Asked on the online form of the service, below the name, address, "
        "subject and message and the fields of its procedure.",
    )
    procedure_form_field_ids = fields.One2many(
        related="procedure_id.cic_form_field_ids",
        string="Fields of the procedure",
    )
    legal_minimum = fields.Char(
        string="Always asked",
        compute="_compute_legal_minimum",
        help="The fields the law requires on the form of the service's procedure "
        "(OG 27/2002 art. 7, Law 544/2001 art. 6(3)): the form always asks them.",
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
        (
            "days_positive",
            "CHECK(COALESCE(internal_target_days, 0) >= 0 "
            "AND COALESCE(validity_days, 0) >= 0)",
            "Numbers of days cannot be negative.",
        ),
    ]

    @api.depends("name")
    def _compute_slug(self):
        for service in self:
            if not service.slug and service.name:
                service.slug = self.env["ir.http"]._slugify(service.name)

    @api.depends("procedure_id.code")
    def _compute_legal_minimum(self):
        Field = self.env["cic.service.field"]
        labels = {
            "first_name": self.env._("first name"),
            "last_name": self.env._("last name"),
            "email": self.env._("e-mail"),
            "street": self.env._("street"),
            "street_number": self.env._("number"),
            "locality": self.env._("locality"),
            "county": self.env._("county"),
            "subject": self.env._("subject"),
            "message": self.env._("message"),
        }
        for service in self:
            keys = Field._cic_legal_minimum(service.sudo().procedure_id.code)
            service.legal_minimum = ", ".join(labels.get(key, key) for key in keys)

    # ------------------------------------------------------------------
    # Online form
    # ------------------------------------------------------------------
    def _cic_portal_form_errors(self, post):
        """Errors of the service's own fields on the online form, by field name
        (cic_portal_fee: the surface must give a fee)."""
        self.ensure_one()
        return {}

    def _cic_portal_ticket_vals(self, post):
        """Request values of the service's own fields of the online form
        (cic_portal_fee: the declared surface and the urgency)."""
        self.ensure_one()
        return {}
