# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from odoo.addons.cic_registry.models.helpdesk_ticket_archive import anonymise_chatter


class CicAudienceRequest(models.Model):
    _inherit = "cic.audience.request"

    def _cic_anonymise_vals(self):
        """Free texts of the request that may hold the citizen's data. The
        register columns (number, date, official, subject, outcome) stay."""
        return {
            "description": False,
            "preferred_slots": False,
            "documents_presented": False,
            "minute": False,
            "cancel_reason": False,
        }

    def _cic_anonymise(self, partners, personal):
        """Erase the persons' data from these requests and their calendar events
        (called by the anonymisation of the registry entries, in sudo)."""
        requests = self.sudo().with_context(tracking_disable=True)
        if not requests:
            return
        requests.document_ids.unlink()
        requests.write(requests._cic_anonymise_vals())
        anonymise_chatter(requests, partners, personal)
        self.env["cic.audit.log"].sudo()._cic_anonymise_values(
            requests._name, requests.ids, personal
        )
        events = requests.event_id
        events.attendee_ids.filtered(lambda a: a.partner_id in partners).unlink()
        for request in requests.filtered("event_id"):
            request.event_id.with_context(no_mail_to_attendees=True).write(
                {
                    "description": self.env._(
                        "Audience request %(number)s.",
                        number=request.cic_registration_number or "",
                    ),
                    "partner_ids": [
                        fields.Command.unlink(partner.id) for partner in partners
                    ],
                }
            )
        anonymise_chatter(events, partners, personal)
