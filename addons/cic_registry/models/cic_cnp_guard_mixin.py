# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Guard of the fields that hold a CNP (R-GDPR-1): the petitioner's CNP on
res.partner, the payer's CNP/CUI on payments.

For any user (superuser mode excepted, i.e. the code's own computations):
``read``/``search_read``/``web_read`` return the mask (last three digits), a
grouping by the field or an aggregate of it returns masked values and is logged,
a search on the field is logged with the searched value masked, and an export of
the field is refused, also through another model (``partner_id/cic_cnp``).
"""

from odoo import api, models
from odoo.exceptions import UserError


class CicCnpGuardMixin(models.AbstractModel):
    _name = "cic.cnp.guard.mixin"
    _description = "CNP guard"

    # Names of the fields of the model that hold a CNP.
    _cic_cnp_fields = ()

    @api.model
    def _cic_mask_cnp(self, value):
        """Keep at most the last three digits: **********457."""
        if not value:
            return False
        return "*" * max(len(value) - 3, 0) + value[-3:]

    def _read_format(self, fnames, load="_classic_read"):
        # read(), search_read() and the web client's web_read() all end here.
        result = super()._read_format(fnames, load=load)
        guarded = [name for name in self._cic_cnp_fields if name in fnames]
        if result and guarded and not self.env.su:
            for row in result:
                for name in guarded:
                    if name in row:
                        row[name] = self._cic_mask_cnp(row[name])
        return result

    def _export_rows(self, fields, *, _is_toplevel_call=True):
        if any(path and path[0] in self._cic_cnp_fields for path in fields):
            raise UserError(
                self.env._(
                    "A CNP cannot be exported. Export the masked CNP instead; a "
                    "clerk reveals one petitioner's CNP with the Reveal CNP button."
                )
            )
        return super()._export_rows(fields, _is_toplevel_call=_is_toplevel_call)

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        query = super()._search(domain, offset=offset, limit=limit, order=order)
        if self._cic_cnp_fields and not self.env.su:
            searched = self._cic_cnp_search_values(domain)
            if searched:
                self.env["cic.cnp.access.log"].sudo()._log_search(
                    "search", searched, self._name
                )
        return query

    @api.model
    def _cic_cnp_search_values(self, domain):
        """Masked "field operator value" of every condition on a guarded field."""
        searched = []
        for leaf in domain or ():
            if not isinstance(leaf, list | tuple) or len(leaf) != 3:
                continue
            fname = str(leaf[0]).split(".")[0]
            if fname not in self._cic_cnp_fields:
                continue
            values = leaf[2] if isinstance(leaf[2], list | tuple) else [leaf[2]]
            masked = ", ".join(
                self._cic_mask_cnp(str(value)) for value in values if value
            )
            searched.append(f"{fname} {leaf[1]} {masked or '-'}")
        return "; ".join(searched)

    @api.model
    def _read_group(
        self,
        domain,
        groupby=(),
        aggregates=(),
        having=(),
        offset=0,
        limit=None,
        order=None,
    ):
        # Grouping by the field (read_group, web_read_group, read_progress_bar)
        # puts its values in the group labels, and min/max/array_agg in the
        # aggregates: they come back masked, and the grouping is logged.
        result = super()._read_group(
            domain, groupby, aggregates, having, offset, limit, order
        )
        specs = [*groupby, *aggregates]
        columns = [
            index
            for index, spec in enumerate(specs)
            if spec.split(":")[0] in self._cic_cnp_fields
            and spec.split(":")[-1] not in ("count", "count_distinct")
        ]
        if not columns or self.env.su:
            return result
        self.env["cic.cnp.access.log"].sudo()._log_search(
            "group", ", ".join(specs[index] for index in columns), self._name
        )
        return [self._cic_mask_group_row(row, columns) for row in result]

    @api.model
    def _cic_mask_group_row(self, row, columns):
        row = list(row)
        for index in columns:
            value = row[index]
            if isinstance(value, list | tuple):
                row[index] = [self._cic_mask_cnp(item) for item in value]
            elif isinstance(value, str):
                row[index] = self._cic_mask_cnp(value)
        return tuple(row)
