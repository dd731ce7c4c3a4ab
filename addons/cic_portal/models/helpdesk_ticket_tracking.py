# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Tracking without an account (/cic/track): the public number plus the secret
access code printed on the receipt. The registry's ``_cic_tracking_url()`` hook
returns False; the portal, which serves the page, returns its URL."""

import re
from urllib.parse import urlencode

from odoo import api, models
from odoo.tools import consteq

CODE_CLEAN_RE = re.compile(r"[^A-Z0-9]")
LOCKOUT_MINUTES = 15


def normalize_access_code(code):
    """The access code as printed (XXXX-XXXX-XXXX), whatever the citizen typed:
    lower case, no dashes, spaces."""
    raw = CODE_CLEAN_RE.sub("", (code or "").upper())
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}" if len(raw) == 12 else raw


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    def _cic_tracking_url(self):
        """The tracking page, already filled in with the number and the code."""
        self.ensure_one()
        base = self.get_base_url()
        query = urlencode(
            {"number": self.cic_registration_number or "", "code": self.cic_access_code}
        )
        return f"{base}/cic/track?{query}"

    @api.model
    def _cic_track_lookup(self, number, code, client, company=None):
        """(entry, error) for the tracking page: the entry (sudo) of ``company``
        (the website's commune, default the current company: every commune
        numbers from 1) whose public number and secret access code match, else
        an empty recordset and the message to show. Every failure gives the same
        message and counts towards the lock-out of ``client`` (its address, see
        the controller)."""
        _ = self.env._
        # Narrow sudo: the counters are technical rows, written for visitors.
        throttle = self.env["cic.portal.throttle"].sudo()
        max_failures = self.env["cic.portal.submission"]._cic_int_param(
            "cic_portal.track_max_failures", 5
        )
        if throttle._is_limited("track_fail", client, max_failures, LOCKOUT_MINUTES):
            return self.browse(), _(
                "Too many unsuccessful attempts. Please try again in 15 minutes."
            )
        number = (number or "").strip()
        code = normalize_access_code(code)
        if number and code:
            # Narrow sudo search by the public number; the record is used only
            # if the secret access code matches (constant-time comparison).
            candidate = self.sudo().search(
                [
                    ("cic_registration_number", "=", number),
                    ("company_id", "=", (company or self.env.company).id),
                ],
                limit=1,
            )
            if candidate.cic_access_code and consteq(candidate.cic_access_code, code):
                return candidate, None
        throttle._record("track_fail", client)
        return self.browse(), _("No request matches this number and access code.")
