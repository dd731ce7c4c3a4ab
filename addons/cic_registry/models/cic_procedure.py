# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from .cic_calendar import COUNT_MODES

DIRECTIONS = [
    ("incoming", "Incoming"),
    ("outgoing", "Outgoing"),
    ("internal", "Internal"),
]


class CicProcedure(models.Model):
    """A kind of registry entry with its legal term (petition, Law 544 request...)."""

    _name = "cic.procedure"
    _description = "Registry procedure"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(
        required=True,
        help="Technical code used by the suite: petition, foi_request, foi_complaint, "
        "transparency_recommendation, service_request, gdpr_request, audience_request, "
        "outgoing, internal.",
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company")
    direction = fields.Selection(DIRECTIONS, default="incoming", required=True)
    term_days = fields.Integer(
        string="Term (days)",
        help="Legal answer term in days, counted from the registration date. "
        "0 means the procedure has no legal answer deadline.",
    )
    count_mode = fields.Selection(
        COUNT_MODES,
        string="Counting mode",
        default="free_days",
        required=True,
        help="Free days (CPC art. 181): neither the registration day nor the last day "
        "counts, a non-working last day moves to the next working day. Calendar days: "
        "the term ends on D + n, moved the same way. Working days: n working days "
        "from the day after D. OG 27/2002 has no counting rule: free days is a POLICY "
        "default (UNVERIFIED), change it here if the institution counts otherwise.",
    )
    extended_term_days = fields.Integer(
        string="Extended term (days)",
        help="Total term after an extension (OG 27/2002 art. 9: 30 + at most 15 = 45; "
        "Law 544/2001 art. 7(1): 30). 0 means no extension is possible.",
    )
    term_months = fields.Integer(
        string="Term (months)",
        help="Legal answer term in calendar months, for a law that sets it in months "
        "(GDPR art. 12(3): one month). It ends on the day of the last month with the "
        "number of the registration day, or on that month's last day when it has no "
        "such day, moved to the next working day (CPC art. 181(1) pct. 3 and (2)). "
        "When set, it replaces the term in days and the counting mode.",
    )
    extended_term_months = fields.Integer(
        string="Extended term (months)",
        help="Total term in calendar months after an extension, counted from the "
        "registration (GDPR art. 12(3): 1 + at most 2 = 3). 0: no extension.",
    )
    refusal_term_days = fields.Integer(
        string="Refusal term (days)",
        help="Term for a reasoned refusal (Law 544/2001 art. 7(2): 5 days).",
    )
    forward_term_days = fields.Integer(
        string="Forwarding term (days)",
        help="Term to forward a misdirected document to the competent authority "
        "(OG 27/2002 art. 6^1: 5 days).",
    )
    legal_basis = fields.Char(
        help="Legal basis of the term, shown next to every deadline.",
    )
    note = fields.Text(
        string="Policy notes",
        translate=True,
        help="Choices the law leaves open (POLICY) and facts still to verify "
        "(UNVERIFIED).",
    )
    team_id = fields.Many2one(
        "helpdesk.ticket.team",
        string="Default department",
        help="Department (team) that receives new entries of this procedure.",
    )
    stage_ids = fields.Many2many(
        "helpdesk.ticket.stage",
        string="Stages",
        help="Stages used by entries of this procedure (all stages when empty).",
    )
    acknowledgement_template_id = fields.Many2one(
        "mail.template",
        string="Acknowledgement template",
        domain="[('model', '=', 'helpdesk.ticket')]",
        help="E-mail that sends the registration number back to the sender of an "
        "electronic submission.",
    )

    _sql_constraints = [
        ("code_uniq", "unique(code, company_id)", "The procedure code must be unique.")
    ]

    @api.depends("name", "code")
    def _compute_display_name(self):
        for procedure in self:
            procedure.display_name = procedure.name or procedure.code

    @api.model
    def _cic_for_commune(self, code, company):
        """The procedure of ``code`` that applies in ``company``: the commune's
        own procedure when it has one, else the one shared by every commune (no
        company); empty when neither exists. Looked up by code, never by the
        shipped xmlid, which names the shared procedure only."""
        # Narrow sudo: visitors and citizens file under a procedure they may not
        # read; the domain keeps the search to this commune's and the shared ones.
        procedures = self.sudo().search(
            [("code", "=", code), ("company_id", "in", [company.id, False])]
        )
        own = procedures.filtered("company_id")
        return self.browse((own or procedures)[:1].ids)

    def _due_basis(self, extended=False, days=None, months=None):
        """Text naming the legal basis and the counting mode of the term
        (``days``/``months``: the term actually running, e.g. with the extension
        granted)."""
        self.ensure_one()
        if self.term_months:
            return self._due_basis_months(extended=extended, months=months)
        modes = dict(self._fields["count_mode"]._description_selection(self.env))
        mode = modes[self.count_mode]
        term = days or (self.extended_term_days if extended else self.term_days)
        return self.env._(
            "%(basis)s; %(days)s days, %(mode)s",
            basis=self.legal_basis or self.name,
            days=term,
            mode=mode[:1].lower() + mode[1:],
        )

    def _due_basis_months(self, extended=False, months=None):
        """Basis of a term in calendar months (``months``: the term running)."""
        self.ensure_one()
        term = months or (self.extended_term_months if extended else self.term_months)
        return self.env._(
            "%(basis)s; %(months)s month(s) from registration, calendar months "
            "(CPC art. 181(1) pct. 3 and (2))",
            basis=self.legal_basis or self.name,
            months=term,
        )

    def due_date(self, start_date, extended=False, company=None):
        """Legal due date of an entry of this procedure registered on ``start_date``."""
        self.ensure_one()
        months = self.extended_term_months if extended else self.term_months
        if months and start_date:
            return self.env["cic.calendar"].due_date_months(
                start_date, months, company=company
            )
        term = self.extended_term_days if extended else self.term_days
        if not term or not start_date:
            return False
        return self.env["cic.calendar"].due_date(
            start_date, term, self.count_mode, company=company
        )
