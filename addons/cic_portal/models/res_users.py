# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A citizen's portal account is one for every commune of the installation
(issue 19 point 2): it joins the commune of each website where he files a
request or books an audience."""

from odoo import fields, models
from odoo.tools import SQL


class ResUsers(models.Model):
    _inherit = "res.users"

    def _cic_join_commune(self, company):
        """Let this portal account act at ``company`` (the commune of the website
        where the citizen files): the company joins its allowed companies, so
        his /my pages list his records there; its contact loses its company, so
        that the clerks of every commune he files with read the one contact (no
        duplicate). Called by the filings only (a write in their read/write
        request): opening a commune's pages does not join it.

        Only for portal accounts: an employee's communes are set by an
        administrator, never by the website he opens."""
        self.ensure_one()
        if not self.share or self._is_public() or not company:
            return False
        if company.id in self._get_company_ids():
            return False
        # Narrow sudo: the account links itself to the website's commune only.
        user = self.sudo()
        # Lock the account's row first: a second request of the same citizen
        # waits, then retries (serialization) and finds the link made.
        self.env.cr.execute(
            SQL("SELECT id FROM res_users WHERE id = %s FOR NO KEY UPDATE", user.id)
        )
        user.company_ids = [fields.Command.link(company.id)]
        if user.partner_id.company_id:
            user.partner_id.company_id = False
        return True
