# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class CicCachedDataMixin(models.AbstractModel):
    """Configuration read through ``tools.ormcache`` on every registration.

    The institution calendar (``cic.holiday`` feeds ``cic.calendar``'s cached
    working days) and the archive nomenclator (``cic.nomenclator.entry``'s cached
    default file of an entry) change a few times a year but are read for every
    entry: their look-ups are cached, and any change to a record of a model that
    inherits this mixin drops the caches. ``Registry.clear_cache()`` also tells the
    other workers at the end of the request, and a rolled-back change is dropped
    with the transaction (``Registry.reset_changes``).
    """

    _name = "cic.cached.data.mixin"
    _description = "Configuration behind cached look-ups"

    def _cic_clear_caches(self):
        self.env.registry.clear_cache()

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        self._cic_clear_caches()
        return records

    def write(self, vals):
        res = super().write(vals)
        self._cic_clear_caches()
        return res

    def unlink(self):
        res = super().unlink()
        self._cic_clear_caches()
        return res
