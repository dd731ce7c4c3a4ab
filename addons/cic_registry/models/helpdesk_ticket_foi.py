# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Requests and complaints on public information (Law 544/2001, R-544-1..8).

* the written request states the authority, the applicant, the reply address and is
  signed (art. 6(3));
* the refuse-by (5 days) and extension-notice-by (10 days) dates; the reasoned
  refusal, total or partial, flagged 'refuz tardiv' when late (art. 7(2));
* the notice extending the term to 30 days, dated by the server (art. 7(1));
* copy fees (art. 9(1)); the administrative complaint, its 30-day window and its
  admission (art. 21) and the litigation (art. 22).
"""

from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import html2plaintext, html_sanitize

from .helpdesk_ticket_workflow import CLERK_GROUP

REFUSAL_GROUNDS = [
    ("personal_data", "Personal data (art. 12(1) lit. d)"),
    ("classified", "Classified information (art. 12(1) lit. a)"),
    ("commercial", "Commercial or financial secret (art. 12(1) lit. c)"),
    ("investigation", "Ongoing investigation or proceedings (art. 12(1) lit. e-f)"),
    ("not_held", "Information not held by the authority"),
    ("other", "Other ground provided by law"),
]


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    cic_foi_authority = fields.Char(
        string="Authority addressed",
        default=lambda self: self.env.company.name,
        help="Law 544/2001 art. 6(3) lit. a).",
    )
    cic_foi_signed = fields.Boolean(
        string="Signed (or electronic equivalent)",
        default=True,
        help="Law 544/2001 art. 6(3) lit. c).",
    )
    cic_foi_reply_address = fields.Char(
        string="Reply address",
        compute="_compute_cic_foi_reply_address",
        store=True,
        readonly=False,
        help="Postal or e-mail address for the answer (Law 544/2001 art. 6(3) lit. c).",
    )
    cic_foi_refusal_due_date = fields.Date(
        string="Refuse by",
        compute="_compute_cic_foi_due_dates",
        store=True,
        help="A reasoned refusal is communicated within 5 days (Law 544/2001 "
        "art. 7(2)).",
    )
    cic_foi_extension_notice_due_date = fields.Date(
        string="Extension notice by",
        compute="_compute_cic_foi_due_dates",
        store=True,
        help="The answer term goes to 30 days only if the applicant is notified "
        "within the first 10 days (Law 544/2001 art. 7(1)).",
    )
    cic_foi_refusal_ground = fields.Selection(
        REFUSAL_GROUNDS, string="Refusal ground", readonly=True, copy=False
    )
    cic_foi_refusal_reason = fields.Text(
        string="Refusal reasons", readonly=True, copy=False
    )
    cic_foi_refusal_date = fields.Date(string="Refused on", readonly=True, copy=False)
    cic_foi_refusal_partial = fields.Boolean(
        string="Partial refusal", readonly=True, copy=False
    )
    cic_foi_refusal_late = fields.Boolean(
        string="Late refusal",
        readonly=True,
        copy=False,
        help="'Refuz tardiv': the refusal was dispatched after the 5-day term.",
    )
    cic_foi_partial_answer = fields.Html(
        string="Answered part",
        readonly=True,
        copy=False,
        help="Information communicated with a partial refusal (Law 544/2001 "
        "art. 7(2)).",
    )
    cic_foi_copy_tariff_id = fields.Many2one(
        "cic.foi.copy.tariff", string="Copy tariff", check_company=True
    )
    cic_foi_copy_pages = fields.Integer(string="Copied pages")
    cic_foi_copy_fee = fields.Monetary(
        string="Copy fee",
        compute="_compute_cic_foi_copy_fee",
        store=True,
        currency_field="cic_foi_copy_currency_id",
    )
    # The fee is in its tariff's currency (the tariff rounds it): an entry without
    # copies has none, so storing its zero fee reads no currency at registration
    # (one query per entry with the company's currency, bench/registration.py).
    cic_foi_copy_currency_id = fields.Many2one(
        related="cic_foi_copy_tariff_id.currency_id", string="Copy fee currency"
    )
    cic_currency_id = fields.Many2one(related="company_id.currency_id")
    cic_foi_complaint_ids = fields.One2many(
        "helpdesk.ticket", "cic_foi_request_id", string="Administrative complaints"
    )
    cic_foi_litigation_ids = fields.One2many(
        "cic.foi.litigation", "request_id", string="Litigation"
    )
    # Administrative complaint (art. 21)
    cic_foi_request_id = fields.Many2one(
        "helpdesk.ticket",
        string="Complained request",
        index="btree_not_null",
        domain="[('cic_procedure_id.code', '=', 'foi_request')]",
    )
    cic_complaint_type = fields.Selection(
        selection=[
            ("refusal", "Refusal"),
            ("no_answer", "No answer within the term"),
        ],
        string="Complaint type",
    )
    cic_complaint_known_date = fields.Date(
        string="Learned of it on",
        help="Date the applicant learned of the refusal; for a missing answer, the "
        "answer due date unless the applicant states another date.",
    )
    cic_complaint_window_end = fields.Date(
        string="Complaint window ends",
        compute="_compute_cic_complaint_window",
        store=True,
    )
    cic_complaint_in_time = fields.Boolean(
        string="Filed in time", compute="_compute_cic_complaint_window", store=True
    )
    cic_complaint_state = fields.Selection(
        selection=[
            ("new", "To examine"),
            ("accepted", "Accepted for examination"),
            ("late", "Rejected as late"),
        ],
        string="Complaint admission",
        default="new",
        copy=False,
    )
    cic_complaint_outcome = fields.Selection(
        selection=[
            ("admitted", "Admitted: information provided"),
            ("partly", "Partly admitted"),
            ("rejected", "Rejected"),
        ],
        string="Complaint outcome",
        tracking=True,
    )
    cic_complaint_disciplinary = fields.Text(string="Disciplinary follow-up")

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends(
        "cic_procedure_id.refusal_term_days",
        "cic_procedure_id.term_days",
        "cic_procedure_id.extended_term_days",
        "cic_procedure_id.code",
        "cic_registration_date",
    )
    def _compute_cic_foi_due_dates(self):
        calendar = self.env["cic.calendar"]
        for ticket in self:
            procedure = ticket.cic_procedure_id
            refusal = notice = False
            if ticket.cic_registration_date and procedure.code == "foi_request":
                start, mode = ticket.cic_registration_date, procedure.count_mode
                company = ticket.company_id
                if procedure.refusal_term_days:
                    refusal = calendar.due_date(
                        start, procedure.refusal_term_days, mode, company=company
                    )
                if procedure.extended_term_days:
                    notice = calendar.due_date(
                        start, procedure.term_days, mode, company=company
                    )
            ticket.cic_foi_refusal_due_date = refusal
            ticket.cic_foi_extension_notice_due_date = notice

    @api.depends("partner_id.email", "partner_id.contact_address", "partner_email")
    def _compute_cic_foi_reply_address(self):
        for ticket in self:
            if ticket.cic_foi_reply_address:
                continue
            partner = ticket.partner_id
            address = (
                partner.email
                or ticket.partner_email
                or (partner.contact_address or "").replace("\n", ", ").strip(", ")
            )
            ticket.cic_foi_reply_address = address or False

    @api.depends("cic_foi_copy_tariff_id.price_per_page", "cic_foi_copy_pages")
    def _compute_cic_foi_copy_fee(self):
        for ticket in self:
            tariff = ticket.cic_foi_copy_tariff_id
            ticket.cic_foi_copy_fee = (
                tariff.compute_fee(ticket.cic_foi_copy_pages) if tariff else 0.0
            )

    @api.depends(
        "cic_complaint_known_date",
        "cic_registration_date",
        "cic_procedure_id.code",
    )
    def _compute_cic_complaint_window(self):
        calendar = self.env["cic.calendar"]
        for ticket in self:
            known = ticket.cic_complaint_known_date
            if ticket.cic_procedure_id.code != "foi_complaint" or not known:
                ticket.cic_complaint_window_end = False
                ticket.cic_complaint_in_time = False
                continue
            end = calendar.due_date(known, 30, "free_days", company=ticket.company_id)
            filed = (
                calendar.local_date(ticket.cic_registration_date) or calendar.today()
            )
            ticket.cic_complaint_window_end = end
            ticket.cic_complaint_in_time = filed <= end

    # ------------------------------------------------------------------
    # Constraints and onchanges
    # ------------------------------------------------------------------
    @api.constrains(
        "cic_complaint_known_date", "cic_foi_request_id", "cic_registration_date"
    )
    def _check_cic_complaint_known_date(self):
        """The date the applicant learned of the refusal starts the 30-day complaint
        window (Law 544/2001 art. 21(2)): it is typed, so it may not lie after the
        complaint's registration (today) nor before the request's registration."""
        calendar = self.env["cic.calendar"]
        for ticket in self.filtered("cic_complaint_known_date"):
            known = ticket.cic_complaint_known_date
            filed = (
                calendar.local_date(ticket.cic_registration_date) or calendar.today()
            )
            request = ticket.cic_foi_request_id
            asked = request.cic_registration_date and calendar.local_date(
                request.cic_registration_date
            )
            if known > filed or (asked and known < asked):
                raise ValidationError(
                    self.env._(
                        "The date the applicant learned of the refusal or lapse "
                        "must lie between the request's registration and the "
                        "complaint's (%(date)s).",
                        date=self._cic_format_date(filed),
                    )
                )

    @api.constrains(
        "cic_procedure_id",
        "partner_id",
        "partner_name",
        "cic_foi_authority",
        "cic_foi_signed",
        "cic_foi_reply_address",
    )
    def _check_cic_foi_request_fields(self):
        """A written Law 544 request names the authority, the applicant, the reply
        address and is signed (art. 6(3))."""
        for ticket in self:
            if (
                ticket.cic_procedure_id.code != "foi_request"
                or ticket.cic_direction != "incoming"
            ):
                continue
            missing = ticket._cic_foi_missing_fields()
            if missing:
                raise ValidationError(
                    self.env._(
                        "A written public-information request must state: %(fields)s "
                        "(Law 544/2001 art. 6(3)).",
                        fields=", ".join(missing),
                    )
                )

    def _cic_foi_missing_fields(self):
        self.ensure_one()
        checks = [
            (self.cic_foi_authority, self.env._("the authority addressed")),
            (
                self.partner_id.name or self.partner_name,
                self.env._("the applicant's name"),
            ),
            (self.cic_foi_reply_address, self.env._("the address for the answer")),
            (self.cic_foi_signed, self.env._("the signature")),
        ]
        return [label for value, label in checks if not value]

    @api.onchange("cic_foi_request_id", "cic_complaint_type")
    def _onchange_cic_complaint_request(self):
        request = self.cic_foi_request_id
        if not request:
            return
        if not self.partner_id:
            self.partner_id = request.partner_id
        if self.cic_complaint_type == "refusal" and request.cic_foi_refusal_date:
            self.cic_complaint_known_date = request.cic_foi_refusal_date
        elif self.cic_complaint_type == "no_answer":
            self.cic_complaint_known_date = request.cic_legal_due_date

    # ------------------------------------------------------------------
    # Refusal and extension notice (art. 7)
    # ------------------------------------------------------------------
    def _cic_foi_refuse(self, ground, reason, partial=False, answered_part=False):
        """Send the reasoned refusal. A partial refusal answers the rest of the
        request in the same letter; both close the request. A refusal after the
        5-day term is still sent, flagged 'refuz tardiv' (R-544-3). A partial
        refusal communicates the answered part: it is a release
        (``_cic_check_release_allowed``)."""
        if partial:
            self._cic_check_release_allowed()
        self.ensure_one()
        self._cic_check_clerk()
        self._cic_check_procedure("foi_request")
        self._cic_check_open()
        if self.cic_foi_refusal_date:
            raise UserError(self.env._("This request was already refused."))
        if not ground or not (reason or "").strip():
            raise UserError(
                self.env._(
                    "A refusal must name the exemption ground and its reasons "
                    "(Law 544/2001 art. 7(2))."
                )
            )
        answered_part = html_sanitize(answered_part or "") if partial else False
        if partial and not html2plaintext(answered_part or "").strip():
            raise UserError(
                self.env._(
                    "A partial refusal communicates the rest of the information: "
                    "write the answered part."
                )
            )
        today = self._cic_today()
        late = bool(
            self.cic_foi_refusal_due_date and today > self.cic_foi_refusal_due_date
        )
        env_ticket = self._cic_letter_env(self.partner_id)
        grounds = dict(
            self._fields["cic_foi_refusal_ground"]._description_selection(
                env_ticket.env
            )
        )
        number = self._cic_number_label()
        self._cic_send_letter(
            "refusal",
            self.partner_id,
            env_ticket.env._("Refusal of request no. %(number)s", number=number),
            env_ticket._cic_letter_paragraphs(
                env_ticket.env._(
                    "Your request registered under no. %(number)s cannot be granted "
                    "%(extent)s, on the ground: %(ground)s.",
                    number=number,
                    extent=env_ticket.env._("in part")
                    if partial
                    else env_ticket.env._("in full"),
                    ground=grounds[ground],
                ),
                escape(reason),
                partial
                and env_ticket.env._("The information that can be communicated:"),
            )
            + (Markup(answered_part) if partial else Markup(""))
            + env_ticket._cic_letter_paragraphs(
                env_ticket.env._(
                    "You may file an administrative complaint with the head of the "
                    "authority within 30 days (Law 544/2001 art. 21) or a complaint "
                    "to the administrative court (art. 22)."
                ),
            ),
        )
        self._cic_wf().write(
            {
                "cic_foi_refusal_ground": ground,
                "cic_foi_refusal_reason": reason,
                "cic_foi_refusal_date": today,
                "cic_foi_refusal_partial": partial,
                "cic_foi_refusal_late": late,
                "cic_foi_partial_answer": answered_part,
                "cic_dispatch_date": today,
            }
        )
        self.activity_ids.unlink()
        self._cic_close("refused_partial" if partial else "refused")
        if late:
            self.message_post(
                body=self.env._(
                    "Late refusal (refuz tardiv): sent on %(today)s, after the 5-day "
                    "term that ended on %(date)s (Law 544/2001 art. 7(2)).",
                    today=self._cic_format_date(today),
                    date=self._cic_format_date(self.cic_foi_refusal_due_date),
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def _cic_foi_extend(self, reason):
        """Send the notice that the answer needs 30 days. The notice is dated by
        the server when it is sent, never by the user, and refused after
        due(D, 10) (Law 544/2001 art. 7(1), R-544-3)."""
        self.ensure_one()
        self._cic_check_clerk()
        self._cic_check_procedure("foi_request")
        self._cic_check_open()
        procedure = self.cic_procedure_id
        if self.cic_extension_days or not procedure.extended_term_days:
            raise UserError(
                self.env._("The term of this request cannot be extended again.")
            )
        if not (reason or "").strip():
            raise UserError(self.env._("State why 10 days are not enough."))
        notice_date = self._cic_today()
        limit = self.cic_foi_extension_notice_due_date
        if not limit or notice_date > limit:
            raise UserError(
                self.env._(
                    "The extension notice had to be sent by %(date)s (Law 544/2001 "
                    "art. 7(1)): the term can no longer be extended to 30 days.",
                    date=self._cic_format_date(limit),
                )
            )
        self._cic_wf().write(
            {
                "cic_extension_days": procedure.extended_term_days
                - procedure.term_days,
                "cic_extension_date": notice_date,
                "cic_extension_reason": reason,
                "cic_extended_by_id": self.env.user.id,
            }
        )
        # the letter is registered and dispatched today, the date of the notice
        self._cic_send_extension_notice(
            lambda env: env._(
                "The information requested needs more than 10 days to be gathered: "
                "the answer term is extended to 30 days (Law 544/2001 art. 7(1))."
            ),
            reason,
        )
        return True

    # ------------------------------------------------------------------
    # Administrative complaint (art. 21)
    # ------------------------------------------------------------------
    def action_cic_complaint_accept(self):
        self._cic_check_complaint_examiner()
        self._cic_check_procedure("foi_complaint")
        for ticket in self:
            if not (ticket.cic_foi_request_id and ticket.cic_complaint_type):
                raise UserError(
                    self.env._("Link the complaint to its request and choose its type.")
                )
            if not ticket.cic_complaint_known_date:
                raise UserError(
                    self.env._(
                        "Record when the applicant learned of the refusal or lapse."
                    )
                )
            if not ticket.cic_complaint_in_time:
                raise UserError(
                    self.env._(
                        "The complaint was filed after %(date)s, more than 30 days "
                        "after the applicant learned of it (Law 544/2001 art. 21(2)).",
                        date=self._cic_format_date(ticket.cic_complaint_window_end),
                    )
                )
        self._cic_wf().write({"cic_complaint_state": "accepted"})
        return True

    def action_cic_complaint_reject_late(self):
        self._cic_check_complaint_examiner()
        self._cic_check_procedure("foi_complaint")
        if self.filtered("cic_complaint_in_time"):
            raise UserError(self.env._("The complaint was filed in time."))
        self._cic_wf().write({"cic_complaint_state": "late"})
        return True

    def _cic_check_complaint_examiner(self):
        self._cic_check_group(
            CLERK_GROUP,
            self.env._(
                "Only the CIC records whether an administrative complaint is admitted "
                "for examination."
            ),
        )

    def action_cic_new_foi_complaint(self):
        """Open a new administrative complaint linked to this request."""
        self.ensure_one()
        self._cic_check_procedure("foi_request")
        complaint_type = "refusal" if self.cic_foi_refusal_date else "no_answer"
        known = (
            self.cic_foi_refusal_date
            if complaint_type == "refusal"
            else self.cic_legal_due_date
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "helpdesk.ticket",
            "view_mode": "form",
            "target": "current",
            "context": {
                "default_cic_procedure_id": self.env.ref(
                    "cic_registry.procedure_foi_complaint"
                ).id,
                "default_cic_foi_request_id": self.id,
                "default_cic_complaint_type": complaint_type,
                "default_cic_complaint_known_date": fields.Date.to_string(known)
                if known
                else False,
                "default_partner_id": self.partner_id.id,
                "default_name": self.env._(
                    "Administrative complaint on %(number)s",
                    number=self._cic_number_label(),
                ),
            },
        }

    # ------------------------------------------------------------------
    # Wizard openers
    # ------------------------------------------------------------------
    def action_cic_open_foi_refuse(self):
        return self._cic_open_wizard("cic.foi.refuse", self.env._("Refuse"))

    def action_cic_open_foi_extend(self):
        return self._cic_open_wizard("cic.foi.extend", self.env._("Extend to 30 days"))
