# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HelpdeskTicket(models.Model):
    """The answers of the online form, kept on the request."""

    _inherit = "helpdesk.ticket"

    cic_form_answer_ids = fields.One2many(
        "cic.request.form.answer",
        "ticket_id",
        string="Form answers",
        readonly=True,
        help="What the citizen answered to the fields of the online form.",
    )

    def _cic_store_form_answers(self, answers):
        """Store the parsed answers (``cic.service.field._cic_parse_form``) of
        the form that registered this request; a file becomes an attachment of
        the request."""
        self.ensure_one()
        Attachment = self.env["ir.attachment"]
        vals_list = []
        for answer in answers:
            vals = dict(answer, ticket_id=self.id)
            upload = vals.pop("upload", None)
            if upload:
                name, data, mimetype = upload
                vals["attachment_id"] = Attachment.create(
                    {
                        "name": name,
                        "raw": data,
                        "mimetype": mimetype,
                        "res_model": self._name,
                        "res_id": self.id,
                    }
                ).id
            vals_list.append(vals)
        return self.env["cic.request.form.answer"].create(vals_list)
