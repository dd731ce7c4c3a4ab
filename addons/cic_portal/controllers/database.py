# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The database manager is closed when ``list_db`` is off (production).

Odoo itself then only blocks the operations (create, drop, backup, restore) but still
serves the manager and selector pages, which name the database and invite master
password guesses. With the suite installed they answer 404 like any unknown page."""

from odoo import http
from odoo.tools import config

from odoo.addons.web.controllers.database import Database


class CicDatabase(Database):
    def _cic_closed(self):
        return not config["list_db"]

    @http.route()
    def selector(self, **kw):
        if self._cic_closed():
            raise http.request.not_found()
        return super().selector(**kw)

    @http.route()
    def manager(self, **kw):
        if self._cic_closed():
            raise http.request.not_found()
        return super().manager(**kw)
