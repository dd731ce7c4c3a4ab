# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Directory of other institutions and organisations (issue 17 point 2).

The CIC refers citizens and redirects misdirected petitions (OG 27/2002 art. 6^1)
to other authorities: the prefecture, the county council, the deconcentrated
services, courts, police, utilities, NGOs. Each one is described once here (what
it does, address, opening hours, contact); the published ones are listed on the
portal (``/cic/institutions``), and the forwarding wizard takes its recipient from
here. Letters need an address-book contact: ``partner_id``, made from the
institution the first time it is used (``_cic_letter_partner``)."""

from odoo import api, fields, models

KINDS = [
    ("prefecture", "Prefecture"),
    ("county_council", "County council"),
    ("local_authority", "Local public authority"),
    ("deconcentrated", "Deconcentrated public service"),
    ("court", "Court or prosecutor's office"),
    ("police", "Police"),
    ("utility", "Public utility"),
    ("ngo", "Non-governmental organisation"),
    ("other", "Other"),
]
# Institution field -> address-book (res.partner) field of its letter contact.
PARTNER_FIELDS = {
    "name": "name",
    "street": "street",
    "locality": "city",
    "state_id": "state_id",
    "zip": "zip",
    "phone": "phone",
    "email": "email",
    "website": "website",
}


class CicInstitution(models.Model):
    _name = "cic.institution"
    _description = "Institution or organisation"
    _inherit = ["mail.thread"]
    _order = "sequence, name"

    name = fields.Char(required=True, tracking=True)
    sequence = fields.Integer(default=10)
    kind = fields.Selection(
        KINDS,
        required=True,
        default="deconcentrated",
        tracking=True,
        help="The kind of institution; citizens filter the public directory by it.",
    )
    competences = fields.Html(
        string="What it does",
        sanitize_style=True,
        help="The matters in its competence: what a citizen may ask it and where "
        "the CIC refers him. Shown on the portal.",
    )
    street = fields.Char(help="Street, number, building.")
    siruta_id = fields.Many2one(
        "cic.siruta",
        string="SIRUTA locality",
        domain="[('level', '=', '3'), ('state_id', '=?', state_id)]",
        help="Choose the locality from the SIRUTA register to fill its name and "
        "county.",
    )
    locality = fields.Char()
    state_id = fields.Many2one(
        "res.country.state",
        string="County",
        domain="[('country_id.code', '=', 'RO')]",
    )
    zip = fields.Char(string="Postal code")
    opening_hours = fields.Text(
        help="Public opening hours, e.g. Mon-Thu 8:30-16:30, Fri 8:30-14:00."
    )
    phone = fields.Char()
    email = fields.Char(string="E-mail")
    website = fields.Char(help="Address of its own website, with https://.")
    active = fields.Boolean(default=True, tracking=True)
    website_published = fields.Boolean(
        string="Published on the portal",
        copy=False,
        tracking=True,
        help="Published institutions are listed on the citizens' portal at "
        "/cic/institutions.",
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Letter contact",
        copy=False,
        help="The address-book contact the forwarding letters are sent to; made "
        "from this institution the first time it is chosen as the recipient.",
    )
    company_id = fields.Many2one(
        "res.company", default=lambda self: self.env.company, index=True
    )
    address_display = fields.Text(string="Address", compute="_compute_address_display")

    @api.depends("street", "locality", "state_id", "zip")
    def _compute_address_display(self):
        for institution in self:
            parts = [
                institution.street,
                " ".join(p for p in (institution.zip, institution.locality) if p),
                institution.state_id.name,
            ]
            institution.address_display = ", ".join(p for p in parts if p)

    @api.onchange("siruta_id")
    def _onchange_siruta_id(self):
        if self.siruta_id:
            self.locality = self.siruta_id.name
            self.state_id = self.siruta_id.state_id

    def _cic_partner_vals(self):
        self.ensure_one()
        vals = {
            partner_field: self[field].id if field == "state_id" else self[field]
            for field, partner_field in PARTNER_FIELDS.items()
        }
        vals["country_id"] = self.state_id.country_id.id or self.env.ref("base.ro").id
        return vals

    def _cic_letter_partner(self):
        """The address-book contact of the institution, made from it when it has
        none, so that the forwarding letter has a name and an address.

        A clerk may not create contacts (base.group_partner_manager): the contact
        of a directory entry he may write is created with sudo, from its own
        fields only."""
        self.ensure_one()
        self.check_access("write")
        if not self.partner_id:
            partner = (
                self.env["res.partner"]
                .sudo()
                .create(dict(self._cic_partner_vals(), is_company=True))
            )
            self.partner_id = partner
        return self.partner_id

    def write(self, vals):
        res = super().write(vals)
        if set(vals) & set(PARTNER_FIELDS):
            # The letter contact follows its directory entry (same narrow sudo
            # as its creation: only the entry's own fields are copied).
            for institution in self.filtered("partner_id"):
                institution.partner_id.sudo().write(institution._cic_partner_vals())
        return res
