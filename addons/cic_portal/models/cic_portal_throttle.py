# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models


class CicPortalThrottle(models.Model):
    """Events counted per client for rate limits (form submissions) and
    lock-outs (wrong tracking codes). Kept in the database so that limits
    hold across workers; old rows are purged by a cron."""

    _name = "cic.portal.throttle"
    _description = "CIC Portal Rate Limit Event"

    kind = fields.Selection(
        [("submit", "Form submission"), ("track_fail", "Failed tracking")],
        required=True,
        index=True,
    )
    client_key = fields.Char(required=True, index=True)

    @api.model
    def _count_recent(self, kind, client_key, minutes):
        since = fields.Datetime.now() - timedelta(minutes=minutes)
        return self.search_count(
            [
                ("kind", "=", kind),
                ("client_key", "=", client_key),
                ("create_date", ">=", since),
            ]
        )

    @api.model
    def _is_limited(self, kind, client_key, limit, minutes):
        return self._count_recent(kind, client_key, minutes) >= limit

    @api.model
    def _record(self, kind, client_key):
        return self.create({"kind": kind, "client_key": client_key})

    @api.model
    def _gc_throttle(self):
        """Cron: drop events older than one day."""
        self.search(
            [("create_date", "<", fields.Datetime.now() - timedelta(days=1))]
        ).unlink()
