# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Petitioners' localities validated against the SIRUTA table (R-ID-4).

Once the SIRUTA table of a county is imported, a Romanian address in that county must
name one of its localities: the typed name is looked up (ignoring case and
diacritics) and linked to its SIRUTA row, or refused with a clear message. Counties
whose table was not imported are not checked, so an institution can start without it.
The one ``create``/``write`` of res.partner (res_partner.py) calls the hooks below.
"""

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .cic_siruta import siruta_key

SIRUTA_TRIGGERS = {"cic_siruta_id", "cic_locality", "state_id", "cic_county"}


class ResPartner(models.Model):
    _inherit = "res.partner"

    cic_siruta_id = fields.Many2one(
        "cic.siruta",
        string="SIRUTA locality",
        index="btree_not_null",
        domain="[('level', '=', '3'), ('state_id', '=?', state_id)]",
        help="The locality in the INS SIRUTA register. Filled from the locality "
        "name when it is unambiguous.",
    )
    cic_siruta_code = fields.Integer(string="SIRUTA code", related="cic_siruta_id.code")

    @api.onchange("cic_siruta_id")
    def _onchange_cic_siruta_id(self):
        if self.cic_siruta_id:
            self.cic_locality = self.cic_siruta_id.name
            self.state_id = self.cic_siruta_id.state_id

    @api.model
    def _cic_siruta_vals(self, vals):
        """A chosen SIRUTA locality gives the locality name and the county."""
        if vals.get("cic_siruta_id"):
            siruta = self.env["cic.siruta"].sudo().browse(vals["cic_siruta_id"])
            vals["cic_locality"] = siruta.name
            if siruta.state_id and not vals.get("cic_county"):
                vals["state_id"] = siruta.state_id.id
        return vals

    @api.model
    def _cic_siruta_triggered(self, vals):
        """The values change the locality or the county: look it up again."""
        return bool(SIRUTA_TRIGGERS & set(vals))

    def _cic_link_siruta(self):
        """Look each locality up in its county's SIRUTA table; link it when one
        locality matches, refuse the address when none does."""
        siruta = self.env["cic.siruta"].sudo()
        checked_counties = {}
        for partner in self:
            state = partner.state_id
            if not (partner.cic_locality and state and state.country_id.code == "RO"):
                continue
            if state not in checked_counties:
                checked_counties[state] = siruta._cic_has_county(state)
            if not checked_counties[state]:
                continue
            current = partner.cic_siruta_id
            if current.state_id == state and siruta_key(current.name) == siruta_key(
                partner.cic_locality
            ):
                continue
            matches = siruta._cic_localities(state, partner.cic_locality)
            if not matches:
                raise ValidationError(
                    self.env._(
                        'There is no locality "%(locality)s" in county %(county)s '
                        "in the SIRUTA register. Check the spelling or choose the "
                        "locality from the SIRUTA list.",
                        locality=partner.cic_locality,
                        county=state.name,
                    )
                )
            # Several villages of a county may share a name: the clerk chooses.
            found = matches if len(matches) == 1 else current & matches
            if found != current:
                partner.write({"cic_siruta_id": found.id})
