# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models, tools


class IrSequence(models.Model):
    """The sequence behind a code, cached: helpdesk_mgmt draws every ticket's own
    number with ``next_by_code``, which searches the sequence each time (about
    1 ms of every registration, issue 18). The sequences change a few times in
    an institution's life; any change drops the cache (the mixin)."""

    _name = "ir.sequence"
    _inherit = ["ir.sequence", "cic.cached.data.mixin"]

    @api.model
    @tools.ormcache("code", "company_id")
    def _cic_sequence_id(self, code, company_id):
        """Id of the sequence ``next_by_code`` would draw from for ``company_id``:
        the company's own, else the shared one; 0 if there is none."""
        return (
            self.sudo()
            .search(
                [("code", "=", code), ("company_id", "in", [company_id, False])],
                order="company_id",
                limit=1,
            )
            .id
        )
