# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The general register (registrul general de intrare-ieșire) for a date range.

Columns of the 1996 archive instructions, art. 9 (spec R-REG-3); legacy entries are
listed with their original numbers and dates.
"""

from odoo import api, models
from odoo.tools import SQL

from .cic_calendar import INSTITUTION_TZ


class CicReportRegistryBook(models.AbstractModel):
    _name = "cic.report.registry.book"
    _description = "General register book"
    _inherit = "cic.report.base"

    @api.model
    def _cic_domain(self, options):
        """Entries of the register for ``options`` (company, date_from, date_to,
        procedure_ids, direction, team_ids)."""
        domain = [
            ("company_id", "=", options["company_id"]),
            "|",
            "&",
            ("cic_registration_seq", "!=", False),
            "&",
            *self._cic_registered_between(options["date_from"], options["date_to"]),
            "&",
            ("cic_legacy_date", ">=", options["date_from"]),
            ("cic_legacy_date", "<=", options["date_to"]),
        ]
        if options.get("procedure_ids"):
            domain.append(("cic_procedure_id", "in", options["procedure_ids"]))
        if options.get("direction"):
            domain.append(("cic_direction", "=", options["direction"]))
        if options.get("team_ids"):
            domain.append(("team_id", "in", options["team_ids"]))
        return domain

    @api.model
    def _cic_columns(self):
        _ = self.env._
        return [
            _("Registration no."),
            _("Registration date"),
            _("Sender's no. and date"),
            _("Pages"),
            _("Annexes"),
            _("Sender"),
            _("Summary of content"),
            _("Department"),
            _("Dispatch date"),
            _("Resolution"),
            _("Recipient"),
            _("Joined to no."),
            _("File indicator"),
        ]

    @api.model
    def _cic_rows(self, options):
        """Register rows, in registration order, as lists of column values."""
        query = self._cic_ticket_query(self._cic_domain(options))
        t = SQL.identifier(query.table)
        sender = query.left_join(
            query.table, "partner_id", "res_partner", "id", "sender"
        )
        recipient = query.left_join(
            query.table, "cic_recipient_id", "res_partner", "id", "recipient"
        )
        team = query.left_join(
            query.table, "team_id", "helpdesk_ticket_team", "id", "team"
        )
        joined = query.left_join(
            query.table, "cic_joined_to_id", "helpdesk_ticket", "id", "joined"
        )
        lang = self.env.lang or "en_US"
        columns = [
            SQL(
                "CASE WHEN %s.cic_is_legacy THEN %s.cic_legacy_number "
                "ELSE %s.cic_registration_number END",
                t,
                t,
                t,
            ),
            SQL(
                "COALESCE(%s.cic_legacy_date, (%s.cic_registration_date "
                "AT TIME ZONE 'UTC' AT TIME ZONE %s)::date)",
                t,
                t,
                INSTITUTION_TZ,
            ),
            SQL("%s.cic_sender_ref", t),
            SQL("%s.cic_sender_date", t),
            SQL("%s.cic_page_count", t),
            SQL("%s.cic_annex_count", t),
            SQL(
                "COALESCE(%s.name, %s.partner_name)",
                SQL.identifier(sender),
                t,
            ),
            SQL("%s.name", t),
            SQL(
                "COALESCE(%s.name->>%s, %s.name->>'en_US', %s.cic_legacy_department)",
                SQL.identifier(team),
                lang,
                SQL.identifier(team),
                t,
            ),
            SQL("%s.cic_dispatch_date", t),
            SQL("%s.cic_resolution", t),
            SQL("%s.name", SQL.identifier(recipient)),
            SQL(
                "COALESCE(%s.cic_registration_number, %s.cic_legacy_joined_ref)",
                SQL.identifier(joined),
                t,
            ),
            SQL("%s.cic_file_indicator", t),
        ]
        order = SQL(
            "COALESCE(%s.cic_registration_date, %s.cic_legacy_date::timestamp), "
            "%s.cic_registration_seq, %s.id",
            t,
            t,
            t,
            t,
        )
        rows = []
        for rec in self._cic_fetch(query, columns, order=order):
            (number, day, sender_ref, sender_date, pages, annexes) = rec[:6]
            ref = " / ".join(
                x for x in (sender_ref, self._cic_format_value(sender_date)) if x
            )
            rows.append([number, day, ref, pages or 0, annexes or 0, *rec[6:]])
        return rows

    @api.model
    def _cic_document(self, options):
        rows = self._cic_rows(options)
        _ = self.env._
        company = self.env["res.company"].browse(options["company_id"])
        totals = [
            _("Total: %(count)s entries", count=len(rows)),
            "",
            "",
            sum(r[3] for r in rows),
            sum(r[4] for r in rows),
        ] + [""] * 8
        return {
            "title": _("General register of incoming and outgoing documents"),
            "subtitle": _(
                "%(company)s - %(date_from)s to %(date_to)s",
                company=company.name,
                date_from=self._cic_format_value(options["date_from"]),
                date_to=self._cic_format_value(options["date_to"]),
            ),
            "sheet": _("Register"),
            "landscape": True,
            "tables": [
                {
                    "title": "",
                    "columns": self._cic_columns(),
                    "rows": rows,
                    "totals": totals,
                }
            ],
        }
