# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Every computed date of an entry names its legal basis and counting mode (R-CAL-6).

Next to the legal due date (``cic_due_basis``, which also names the extension and a
start other than the registration), the internal date, the forward-by date, the
Law 544 refuse-by and extension-notice-by dates and the end of the administrative
complaint window each get a text such as "Legea 544/2001 art. 7(2); HG 123/2002
art. 16(1) lit. d); 5 days, free days (CPC art. 181)". Other addons add notes
through ``_cic_due_basis_notes`` and describe their own internal targets through
``_cic_internal_due_basis``.
"""

from odoo import api, fields, models

#: Law 544/2001 art. 21(1): the complaint window is 30 days in free days
#: (as computed by ``_compute_cic_complaint_window``).
COMPLAINT_WINDOW_BASIS = "Legea 544/2001 art. 21(1)"
COMPLAINT_WINDOW_DAYS = 30
COMPLAINT_WINDOW_MODE = "free_days"


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    cic_due_basis = fields.Char(
        string="Legal basis of the deadline", compute="_compute_cic_due_basis"
    )
    cic_internal_due_basis = fields.Char(
        string="Basis of the internal due date",
        compute="_compute_cic_internal_due_basis",
    )
    cic_forward_due_basis = fields.Char(
        string="Basis of the forwarding term",
        compute="_compute_cic_term_bases",
    )
    cic_foi_refusal_due_basis = fields.Char(
        string="Basis of the refusal term",
        compute="_compute_cic_term_bases",
    )
    cic_foi_extension_notice_due_basis = fields.Char(
        string="Basis of the extension notice term",
        compute="_compute_cic_term_bases",
    )
    cic_complaint_window_basis = fields.Char(
        string="Basis of the complaint window",
        compute="_compute_cic_term_bases",
    )

    # ------------------------------------------------------------------
    # Text of a basis
    # ------------------------------------------------------------------
    def _cic_basis_text(self, basis, days, mode):
        """Text "<basis>; <days> days, <counting mode>", in the words of the
        legal due date's basis."""
        modes = dict(
            self.env["cic.procedure"]
            ._fields["count_mode"]
            ._description_selection(self.env)
        )
        label = modes.get(mode, mode or "")
        return self.env._(
            "%(basis)s; %(days)s days, %(mode)s",
            basis=basis,
            days=days,
            mode=label[:1].lower() + label[1:],
        )

    # ------------------------------------------------------------------
    # Legal due date: extension and term start
    # ------------------------------------------------------------------
    @api.depends(lambda self: self._cic_term_depends())
    @api.depends_context("lang")
    def _compute_cic_due_basis(self):
        """The procedure's basis of the term, with the notes; none for a term that
        does not run (an anonymous petition, ``_cic_runs_term``)."""
        for ticket in self:
            procedure = ticket.cic_procedure_id
            basis = (
                procedure._due_basis(
                    extended=ticket._cic_term_extended(),
                    days=ticket._cic_term_days(),
                    months=ticket._cic_term_months(),
                )
                if procedure.term_days or procedure.term_months
                else False
            )
            if basis and ticket._cic_runs_term():
                notes = ticket._cic_due_basis_notes()
                if notes:
                    basis = "; ".join([basis, *notes])
            else:
                basis = False
            ticket.cic_due_basis = basis

    def _cic_due_basis_notes(self):
        """Notes added to the legal due date's basis: the law of the extension
        when the term was extended. Addons add theirs (e.g. the audience the term
        runs from)."""
        self.ensure_one()
        basis = self.cic_procedure_id.extension_legal_basis
        if basis and self._cic_term_extended():
            return [self.env._("extended under %(basis)s", basis=basis)]
        return []

    # ------------------------------------------------------------------
    # Internal due date
    # ------------------------------------------------------------------
    @api.depends("cic_internal_due_date", "cic_legal_due_date")
    @api.depends_context("lang")
    def _compute_cic_internal_due_basis(self):
        for ticket in self:
            ticket.cic_internal_due_basis = (
                ticket._cic_internal_due_basis()
                if ticket.cic_internal_due_date
                else False
            )

    def _cic_internal_due_basis(self):
        """The company's margin before the legal due date (OG 27/2002 art. 6(2):
        the department gets a term for its answer), or a date set by the CIC."""
        self.ensure_one()
        margin = self.company_id.cic_internal_margin_days
        due = self.cic_legal_due_date
        default = due and self.env["cic.calendar"].add_working_days(
            due, -margin, company=self.company_id
        )
        if default and self.cic_internal_due_date == default:
            return self.env._(
                "OG 27/2002 art. 6(2); internal target: %(days)s working days "
                "before the legal due date (company setting)",
                days=margin,
            )
        return self.env._(
            "OG 27/2002 art. 6(2); internal term set by the CIC when assigning "
            "the entry"
        )

    # ------------------------------------------------------------------
    # Forward-by, refuse-by, notice-by, complaint window
    # ------------------------------------------------------------------
    @api.depends(
        "cic_forward_due_date",
        "cic_foi_refusal_due_date",
        "cic_foi_extension_notice_due_date",
        "cic_complaint_window_end",
        "cic_procedure_id.count_mode",
        "cic_procedure_id.forward_legal_basis",
        "cic_procedure_id.refusal_legal_basis",
        "cic_procedure_id.notice_legal_basis",
    )
    @api.depends_context("lang")
    def _compute_cic_term_bases(self):
        for ticket in self:
            procedure = ticket.cic_procedure_id
            ticket.cic_forward_due_basis = ticket._cic_term_basis(
                ticket.cic_forward_due_date,
                procedure.forward_legal_basis,
                procedure.forward_term_days,
            )
            ticket.cic_foi_refusal_due_basis = ticket._cic_term_basis(
                ticket.cic_foi_refusal_due_date,
                procedure.refusal_legal_basis,
                procedure.refusal_term_days,
            )
            ticket.cic_foi_extension_notice_due_basis = ticket._cic_term_basis(
                ticket.cic_foi_extension_notice_due_date,
                procedure.notice_legal_basis,
                procedure.term_days,
            )
            ticket.cic_complaint_window_basis = ticket._cic_term_basis(
                ticket.cic_complaint_window_end,
                COMPLAINT_WINDOW_BASIS,
                COMPLAINT_WINDOW_DAYS,
                COMPLAINT_WINDOW_MODE,
            )

    def _cic_term_basis(self, date, citation, days, mode=None):
        """Basis of a date given by a term of ``days`` (the procedure's counting
        mode unless ``mode``); False without the date."""
        self.ensure_one()
        if not date:
            return False
        procedure = self.cic_procedure_id
        return self._cic_basis_text(
            citation or procedure.legal_basis or procedure.name,
            days,
            mode or procedure.count_mode,
        )
