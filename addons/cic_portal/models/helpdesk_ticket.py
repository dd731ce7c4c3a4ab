# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import secrets

from odoo import fields, models

# No 0/O/1/I/L: codes are read from paper and typed by hand.
ACCESS_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def _new_access_code():
    """12 random characters (about 59 bits), shown as XXXX-XXXX-XXXX."""
    raw = "".join(secrets.choice(ACCESS_CODE_ALPHABET) for _i in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    cic_service_id = fields.Many2one(
        "cic.service", string="Service", ondelete="restrict", index=True
    )
    cic_access_code = fields.Char(
        string="Access code",
        default=lambda self: _new_access_code(),
        copy=False,
        readonly=True,
        help="Code given to the citizen to follow the request on /cic/track.",
    )
    cic_portal_origin = fields.Boolean(string="Filed online", readonly=True, copy=False)
    cic_released_attachment_ids = fields.Many2many(
        "ir.attachment",
        "cic_ticket_released_attachment_rel",
        "ticket_id",
        "attachment_id",
        string="Issued documents",
        help="Answer or issued documents the citizen downloads from the portal "
        "(once released: see _cic_documents_released).",
    )

    def _compute_access_url(self):
        res = super()._compute_access_url()
        for ticket in self.filtered("cic_procedure_id"):
            ticket.access_url = f"/my/requests/{ticket.id}"
        return res

    # ------------------------------------------------------------------
    # Portal helpers
    # ------------------------------------------------------------------
    def _cic_portal_full_url(self):
        self.ensure_one()
        self._portal_ensure_token()
        return f"{self.get_base_url()}{self.get_portal_url()}"

    def _cic_status_history(self):
        """(date, stage name) of each stage change, oldest first."""
        self.ensure_one()
        tracking = (
            self.sudo()
            .message_ids.tracking_value_ids.filtered(
                lambda t: t.field_id.name == "stage_id"
            )
            .sorted("create_date")
        )
        history = [(self.create_date, self.env._("Registered"))]
        history += [(t.create_date, t.new_value_char) for t in tracking]
        return history

    def _cic_acknowledgement_due(self):
        """Online submissions with an address (the form's, else the petitioner's)
        are due the portal confirmation instead."""
        online = self.filtered("cic_portal_origin")
        due = super(HelpdeskTicket, self - online)._cic_acknowledgement_due()
        return due | online.filtered(lambda t: t.partner_email or t.partner_id.email)

    def _cic_acknowledgement_template(self):
        """The portal confirmation (access code, tracking link) for online
        submissions; sent by the registry's deferred-mail helper."""
        if self.cic_portal_origin:
            return self.env.ref("cic_portal.mail_template_cic_request_confirmation")
        return super()._cic_acknowledgement_template()
