# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Anonymous petitions run no term (R-PET-2, OG 27/2002 art. 7).

A petition without the petitioner's name and postal address is not considered: it
gets no legal due date, hence no internal date, no reminder, no escalation and no
overdue status, until it is identified (the due date then runs from the
registration) or classed.
"""

from odoo import api, models


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    @api.model
    def _cic_term_depends(self):
        return super()._cic_term_depends() + ["cic_identified"]

    def _cic_runs_term(self):
        """False for a petition whose petitioner is not identified."""
        self.ensure_one()
        return self.cic_procedure_code != "petition" or self.cic_identified

    def _cic_term_days(self):
        if not self._cic_runs_term():
            return 0
        return super()._cic_term_days()

    def _compute_cic_due_basis(self):
        res = super()._compute_cic_due_basis()
        for ticket in self:
            if not ticket._cic_runs_term():
                ticket.cic_due_basis = False
        return res
