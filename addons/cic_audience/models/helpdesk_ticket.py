# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class HelpdeskTicket(models.Model):
    """A petition born from an audience keeps its registration number of the day
    it is registered, but its legal term runs from the audience date (issues
    unresolved in audience are registered as petitions, 30 days from the
    audience; R-AUD-4 in docs/requirements.md)."""

    _inherit = "helpdesk.ticket"

    cic_audience_request_id = fields.Many2one(
        "cic.audience.request",
        string="Audience",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )
    cic_term_start_date = fields.Date(
        string="Term runs from",
        readonly=True,
        copy=False,
        help="Date from which the legal term is counted when it is not the "
        "registration date (the date of the audience the petition comes from).",
    )

    @api.model
    def _cic_protected_fields(self):
        """The audience link and the term start (which moves the legal due date)
        are set only by the conversion of an audience into a petition."""
        return super()._cic_protected_fields() | {
            "cic_audience_request_id",
            "cic_term_start_date",
        }

    def _cic_audited_fields(self):
        """A correction of the term start goes to the audit log (R-REG-2)."""
        audited = super()._cic_audited_fields()
        return audited + [
            name for name in ("cic_term_start_date",) if name not in audited
        ]

    @api.model
    def _cic_term_depends(self):
        return super()._cic_term_depends() + [
            "cic_term_start_date",
            "cic_audience_request_id",
        ]

    def _cic_runs_term(self):
        """A petition born from an audience runs its term: the citizen was
        identified in person at the audience (R-AUD-2, R-AUD-4)."""
        return bool(self.cic_audience_request_id) or super()._cic_runs_term()

    def _cic_term_start(self):
        """The term of a petition born from an audience runs from the audience."""
        return self.cic_term_start_date or super()._cic_term_start()

    def _cic_due_basis_notes(self):
        """Name the audience the term runs from next to the legal due date
        (R-CAL-6): a matter not solved in audience is registered as a petition
        whose term runs from the audience (practice, R-AUD-4 in
        docs/requirements.md)."""
        notes = super()._cic_due_basis_notes()
        if self.cic_term_start_date:
            notes.append(
                self.env._(
                    "counted from the audience of %(date)s",
                    date=self._cic_format_date(self.cic_term_start_date),
                )
            )
        return notes
