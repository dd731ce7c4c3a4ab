# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The PDF of a letter sent by e-mail: signed, archived unchanged, with its hash.

A letter e-mailed by the CIC (answer, refusal, notices) carries its PDF signed with
the institution's certificate (PAdES, ``res.company._cic_esign_pdf``). The very file
sent is archived on the letter together with its SHA-256, and the back office shows
whether the archived file still matches it. These fields are written only by the
dispatch, as the server (``PROTECTED_FIELDS`` in helpdesk_ticket_workflow.py); the
hash is audited, not the file; anonymisation erases the file
(helpdesk_ticket_archive.py). Without a certificate the letter is sent
unsigned and says so (a flag on the letter and a note in its chatter).
"""

import base64
import hashlib

from odoo import Command, api, fields, models
from odoo.tools.safe_eval import safe_eval, time


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    cic_letter_pdf = fields.Binary(
        string="Sent letter (PDF)",
        attachment=True,
        readonly=True,
        copy=False,
        help="The PDF file e-mailed to the recipient, archived unchanged.",
    )
    cic_letter_pdf_name = fields.Char(
        string="Sent letter file name", readonly=True, copy=False
    )
    cic_letter_sha256 = fields.Char(
        string="SHA-256 of the sent letter",
        readonly=True,
        copy=False,
        help="Hash of the archived PDF, computed when it was sent.",
    )
    cic_letter_signature = fields.Selection(
        selection=[
            ("signed", "Signed electronically"),
            ("unsigned", "Sent unsigned: no certificate configured"),
        ],
        string="Electronic signature",
        readonly=True,
        copy=False,
    )
    cic_letter_signer = fields.Char(string="Signed by", readonly=True, copy=False)
    cic_letter_pdf_intact = fields.Boolean(
        string="Archived file matches its hash",
        compute="_compute_cic_letter_pdf_intact",
    )

    @api.depends("cic_letter_pdf", "cic_letter_sha256")
    def _compute_cic_letter_pdf_intact(self):
        for letter in self:
            content = letter._cic_letter_pdf_content()
            letter.cic_letter_pdf_intact = bool(
                content
                and hashlib.sha256(content).hexdigest() == letter.cic_letter_sha256
            )

    def _cic_letter_pdf_content(self):
        """Bytes of the archived PDF (the web client reads binaries as sizes)."""
        self.ensure_one()
        data = self.with_context(bin_size=False).cic_letter_pdf
        return base64.b64decode(data) if data else b""

    def _cic_post_letter(self, template):
        """E-mail this letter with ``template`` and its PDF, signed when the company
        has a certificate; the file sent is archived with its SHA-256."""
        self.ensure_one()
        lang = template._render_lang(self.ids)[self.id]
        letter = self.with_context(lang=lang) if lang else self
        report = template.report_template_ids[:1]
        content = letter._cic_render_letter_pdf(report)
        if content is None:
            # Odoo renders reports as HTML in tests: nothing to sign nor archive.
            return self.message_post_with_source(
                template, message_type="comment", subtype_xmlid="mail.mt_comment"
            )
        values = letter._cic_sign_letter_pdf(content)
        name = letter._cic_letter_pdf_filename(report)
        self._cic_wf().write(dict(values, cic_letter_pdf_name=name))
        attachment = self.env["ir.attachment"].create(
            {
                "name": name,
                "raw": letter._cic_letter_pdf_content(),
                "res_model": self._name,
                "res_id": self.id,
                "mimetype": "application/pdf",
            }
        )
        # The composer's own rendering of the template's report is replaced by the
        # archived file: the recipient gets exactly what is archived.
        self.message_post_with_source(
            template,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            attachment_ids=[Command.set(attachment.ids)],
        )
        if values["cic_letter_signature"] == "unsigned":
            self.message_post(
                body=self.env._(
                    "Sent unsigned: no signing certificate is configured for "
                    "%(company)s.",
                    company=self.company_id.name,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def _cic_render_letter_pdf(self, report):
        """The letter's PDF, or None when Odoo renders HTML (test mode)."""
        content, _format = self.env["ir.actions.report"]._render_qweb_pdf(
            report, self.ids
        )
        return content if content.startswith(b"%PDF-") else None

    def _cic_sign_letter_pdf(self, content):
        """Values archiving ``content``, signed if the company has a certificate."""
        company = self.company_id
        values = {"cic_letter_signature": "unsigned", "cic_letter_signer": False}
        if company._cic_esign_configured():
            content, signer = company._cic_esign_pdf(
                content,
                self.env._("Letter no. %(number)s", number=self._cic_number_label()),
            )
            values = {"cic_letter_signature": "signed", "cic_letter_signer": signer}
        values.update(
            cic_letter_pdf=base64.b64encode(content),
            cic_letter_sha256=hashlib.sha256(content).hexdigest(),
        )
        return values

    def _cic_letter_pdf_filename(self, report):
        name = report.print_report_name and safe_eval(
            report.print_report_name, {"object": self, "time": time}
        )
        return f"{name or report.name}.pdf"
