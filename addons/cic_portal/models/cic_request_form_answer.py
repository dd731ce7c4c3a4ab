# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from .cic_service_field import FIELD_TYPES


class CicRequestFormAnswer(models.Model):
    """An answer the citizen gave on the online form of a request.

    The question's label and type are copied at submission: the administrator
    may later rename or remove the form field, the answer stays as given.
    Written only when the form is registered; nobody edits it.
    """

    _name = "cic.request.form.answer"
    _description = "CIC online form answer"
    _order = "ticket_id, sequence, id"

    ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Request",
        required=True,
        ondelete="cascade",
        index=True,
        readonly=True,
    )
    field_id = fields.Many2one(
        "cic.service.field", string="Form field", ondelete="set null", readonly=True
    )
    sequence = fields.Integer(readonly=True)
    name = fields.Char(string="Question", required=True, readonly=True)
    field_type = fields.Selection(FIELD_TYPES, string="Type", readonly=True)
    value = fields.Char(string="Answer", readonly=True)
    value_code = fields.Char(
        string="Option code", readonly=True, help="Code of the option chosen."
    )
    value_number = fields.Float(string="Number", readonly=True)
    value_date = fields.Date(string="Date", readonly=True)
    attachment_id = fields.Many2one(
        "ir.attachment", string="File", ondelete="set null", readonly=True
    )
    company_id = fields.Many2one(
        related="ticket_id.company_id", store=True, string="Company"
    )
