# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Legal workflows of the registry entries (OG 27/2002, Law 544/2001).

This is a second ``_inherit = "helpdesk.ticket"`` class, kept apart from
``helpdesk_ticket.py`` (registration, register columns and deadlines): it holds ONLY
the workflow fields and actions of the petitions (R-PET-1..10) and of the
public-information requests and complaints (R-544-1..8):

* identification check and classing of anonymous petitions (art. 7);
* forwarding of misdirected petitions (art. 6^1), extension by the head (art. 9);
* joining (art. 10(1)) and classing of identical petitions (art. 10(2));
* assignment with an internal due date and the criticised-employee check;
* answer with legal basis and two approvals, dispatched only by the CIC (art. 6(4), 12);
* Law 544: art. 6(3) fields, reasoned refusal, extension notice, copy fees,
  administrative complaint (art. 21) and litigation (art. 22).

Every letter (extension notice, forwarding letter, notice to the petitioner, refusal,
answer) is registered as an outgoing entry that reuses the number of the entry it
answers (``cic_answer_to_id``, partidă) and is e-mailed with its printable PDF.
"""

import re

from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import html2plaintext, html_sanitize

CLERK_GROUP = "cic_registry.group_cic_clerk"
DEPARTMENT_HEAD_GROUP = "cic_registry.group_cic_department_head"
SECRETARY_GROUP = "cic_registry.group_cic_secretary"

LETTER_TYPES = [
    ("extension_notice", "Extension notice"),
    ("forward_letter", "Forwarding letter"),
    ("forward_notice", "Forwarding notice to the petitioner"),
    ("refusal", "Refusal"),
    ("answer", "Answer"),
]
# Mail template of each letter type (data/mail_template_workflow_data.xml).
LETTER_TEMPLATES = {
    "extension_notice": "cic_registry.mail_template_cic_letter_extension",
    "forward_letter": "cic_registry.mail_template_cic_letter_forward",
    "forward_notice": "cic_registry.mail_template_cic_letter_forward_notice",
    "refusal": "cic_registry.mail_template_cic_letter_refusal",
    "answer": "cic_registry.mail_template_cic_letter_answer",
}
CLOSURE_STAGES = {
    "refused": "helpdesk_mgmt.helpdesk_ticket_stage_rejected",
}
DEFAULT_CLOSURE_STAGE = "helpdesk_mgmt.helpdesk_ticket_stage_done"
# Closure reasons that take the entry out of the answer-deadline KPI.
KPI_EXCLUDED_REASONS = ("anonymous", "identical", "redirected")
# Workflow results: set only by the workflow actions, as the server once the action
# checked the user's role (``_cic_wf``), never written nor cleared by a client,
# whatever context it sends. Other addons add theirs in ``_cic_protected_fields``;
# all of them are audited.
PROTECTED_FIELDS = frozenset(
    {
        "cic_closure_reason",
        "cic_criticised_override_id",
        "cic_forwarded_to_id",
        "cic_forward_date",
        "cic_forward_late",
        "cic_extension_days",
        "cic_extension_date",
        "cic_extension_reason",
        "cic_extended_by_id",
        "cic_identical_of_id",
        "cic_department_approval_id",
        "cic_department_approval_date",
        "cic_head_approval_id",
        "cic_head_approval_date",
        "cic_letter_type",
        "cic_foi_refusal_ground",
        "cic_foi_refusal_reason",
        "cic_foi_refusal_date",
        "cic_foi_refusal_partial",
        "cic_foi_refusal_late",
        "cic_foi_partial_answer",
        "cic_complaint_state",
    }
)
REFUSAL_GROUNDS = [
    ("personal_data", "Personal data (art. 12(1) lit. d)"),
    ("classified", "Classified information (art. 12(1) lit. a)"),
    ("commercial", "Commercial or financial secret (art. 12(1) lit. c)"),
    ("investigation", "Ongoing investigation or proceedings (art. 12(1) lit. e-f)"),
    ("not_held", "Information not held by the authority"),
    ("other", "Other ground provided by law"),
]
SUBJECT_WORD = re.compile(r"\w{4,}", re.UNICODE)


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    # ------------------------------------------------------------------
    # Petitions (OG 27/2002)
    # ------------------------------------------------------------------
    cic_petition_type = fields.Selection(
        selection=[
            ("request", "Request (cerere)"),
            ("complaint", "Complaint (reclamație)"),
            ("notification", "Notification (sesizare)"),
            ("proposal", "Proposal (propunere)"),
        ],
        string="Petition type",
        tracking=True,
    )
    cic_represented_collective = fields.Char(
        string="Represented collective",
        help="For a petition of a legally constituted organisation: the group it "
        "represents (OG 27/2002 art. 1(2)).",
    )
    cic_identified = fields.Boolean(
        string="Petitioner identified",
        compute="_compute_cic_identified",
        store=True,
        help="Name and postal address (or registered office) of the petitioner are "
        "known (OG 27/2002 art. 7).",
    )
    cic_closure_reason = fields.Selection(
        selection=[
            ("answered", "Answered"),
            ("joined", "Answered with the entry it is joined to"),
            ("anonymous", "Classed - anonymous / without identification data"),
            ("identical", "Classed - identical content"),
            ("redirected", "Redirected to the competent authority"),
            ("refused", "Refused"),
            ("refused_partial", "Refused in part, the rest answered"),
            ("dispatched", "Dispatched"),
        ],
        string="Closure",
        readonly=True,
        copy=False,
        tracking=True,
    )
    cic_kpi_excluded = fields.Boolean(
        string="Excluded from the deadline KPI",
        compute="_compute_cic_kpi_excluded",
        store=True,
    )
    cic_criticised_user_ids = fields.Many2many(
        "res.users",
        "helpdesk_ticket_cic_criticised_user_rel",
        "ticket_id",
        "user_id",
        string="Criticised employees",
        help="Employees the petition criticises: they may not resolve it.",
    )
    cic_criticised_override_id = fields.Many2one(
        "res.users",
        string="Criticised assignment approved by",
        readonly=True,
        copy=False,
    )
    # Forwarding (art. 6^1)
    cic_forward_due_date = fields.Date(
        string="Forward by",
        compute="_compute_cic_forward_due_date",
        store=True,
        help="Misdirected petitions are forwarded to the competent authority within "
        "5 days of registration (OG 27/2002 art. 6^1).",
    )
    cic_forwarded_to_id = fields.Many2one(
        "res.partner", string="Forwarded to", readonly=True, copy=False
    )
    cic_forward_date = fields.Date(string="Forwarded on", readonly=True, copy=False)
    cic_forward_late = fields.Boolean(
        string="Forwarded late", readonly=True, copy=False
    )
    # Extension (OG 27 art. 9; Law 544 art. 7(1))
    cic_extension_days = fields.Integer(
        string="Extension (days)", readonly=True, copy=False
    )
    cic_extension_date = fields.Date(string="Extended on", readonly=True, copy=False)
    cic_extension_reason = fields.Text(
        string="Extension reason", readonly=True, copy=False
    )
    cic_extended_by_id = fields.Many2one(
        "res.users", string="Extended by", readonly=True, copy=False
    )
    # Joining and classing (art. 10)
    cic_join_suggestion_ids = fields.Many2many(
        "helpdesk.ticket",
        string="Join suggestions",
        compute="_compute_cic_join_suggestion_ids",
        help="Open petitions of the same petitioner on the same subject "
        "(OG 27/2002 art. 10(1)).",
    )
    cic_identical_of_id = fields.Many2one(
        "helpdesk.ticket",
        string="Identical to",
        readonly=True,
        copy=False,
        help="Answered entry with the same content (OG 27/2002 art. 10(2)).",
    )
    # Answer (art. 12)
    cic_answer_body = fields.Html(string="Answer", copy=False)
    cic_answer_legal_basis = fields.Text(
        string="Legal basis of the solution", copy=False
    )
    cic_department_approval_id = fields.Many2one(
        "res.users", string="Approved by the department head", readonly=True, copy=False
    )
    cic_department_approval_date = fields.Datetime(readonly=True, copy=False)
    cic_head_approval_id = fields.Many2one(
        "res.users",
        string="Approved by the head of the authority",
        readonly=True,
        copy=False,
    )
    cic_head_approval_date = fields.Datetime(readonly=True, copy=False)
    cic_answered_in_term = fields.Boolean(
        string="Answered in term",
        compute="_compute_cic_answered_in_term",
        store=True,
    )
    # Letters (outgoing entries)
    cic_letter_type = fields.Selection(
        LETTER_TYPES, string="Letter type", readonly=True, copy=False
    )

    # ------------------------------------------------------------------
    # Public information (Law 544/2001)
    # ------------------------------------------------------------------
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
        currency_field="cic_currency_id",
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
        "partner_id.name",
        "partner_id.street",
        "partner_id.city",
        "partner_id.cic_street",
        "partner_id.cic_street_number",
        "partner_id.cic_locality",
    )
    def _compute_cic_identified(self):
        for ticket in self:
            ticket.cic_identified = ticket._cic_partner_identified(ticket.partner_id)

    @api.model
    def _cic_partner_identified(self, partner):
        """Name and a postal address: OG 27/2002 art. 7 (e-mail alone is not enough)."""
        if not partner or not (partner.name or "").strip():
            return False
        place = partner.city or partner.cic_locality
        street = partner.street or partner.cic_street or partner.cic_street_number
        return bool(place and street)

    @api.depends("cic_closure_reason")
    def _compute_cic_kpi_excluded(self):
        for ticket in self:
            ticket.cic_kpi_excluded = ticket.cic_closure_reason in KPI_EXCLUDED_REASONS

    @api.depends(
        "cic_procedure_id.forward_term_days",
        "cic_procedure_id.count_mode",
        "cic_registration_date",
    )
    def _compute_cic_forward_due_date(self):
        calendar = self.env["cic.calendar"]
        for ticket in self:
            procedure = ticket.cic_procedure_id
            ticket.cic_forward_due_date = (
                calendar.due_date(
                    ticket.cic_registration_date,
                    procedure.forward_term_days,
                    procedure.count_mode,
                    company=ticket.company_id,
                )
                if procedure.forward_term_days and ticket.cic_registration_date
                else False
            )

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

    @api.model
    def _cic_term_depends(self):
        return super()._cic_term_depends() + ["cic_extension_days"]

    def _cic_term_days(self):
        """The granted extension runs on: due(D, term + extension days)."""
        return super()._cic_term_days() + (self.cic_extension_days or 0)

    def _cic_term_extended(self):
        self.ensure_one()
        return bool(self.cic_extension_days) or super()._cic_term_extended()

    @api.depends("cic_dispatch_date", "cic_legal_due_date", "cic_closure_reason")
    def _compute_cic_answered_in_term(self):
        for ticket in self:
            ticket.cic_answered_in_term = bool(
                ticket.cic_closure_reason
                in ("answered", "joined", "refused", "refused_partial")
                and ticket.cic_dispatch_date
                and (
                    not ticket.cic_legal_due_date
                    or ticket.cic_dispatch_date <= ticket.cic_legal_due_date
                )
            )

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

    @api.depends(
        "partner_id",
        "name",
        "category_id",
        "cic_procedure_id",
        "cic_registration_number",
        "cic_closure_reason",
    )
    def _compute_cic_join_suggestion_ids(self):
        for ticket in self:
            ticket.cic_join_suggestion_ids = ticket._cic_find_join_candidates()

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

    @api.constrains("channel_id", "description", "cic_procedure_id")
    def _check_cic_verbal_petition_written(self):
        """A petition received by phone or at an audience is registered only once
        it is written down (R-PET-1)."""
        for ticket in self:
            if (
                ticket.channel_id.cic_verbal
                and ticket.cic_procedure_id.code == "petition"
                and not html2plaintext(ticket.description or "").strip()
            ):
                raise ValidationError(
                    self.env._(
                        "A petition received through %(channel)s is registered only "
                        "after it is written down: fill in its content.",
                        channel=ticket.channel_id.name,
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
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._cic_check_protected(vals, create=True)
        return super().create(vals_list)

    def write(self, vals):
        self._cic_check_protected(vals)
        if {"cic_answer_body", "cic_answer_legal_basis"} & set(vals):
            self._cic_reset_approvals(vals)
        return super().write(vals)

    @api.model
    def _cic_protected_fields(self):
        """Fields that only the workflow actions write (see PROTECTED_FIELDS)."""
        return set(PROTECTED_FIELDS)

    def _cic_audited_fields(self):
        audited = super()._cic_audited_fields()
        return audited + sorted(self._cic_protected_fields() - set(audited))

    def _cic_check_protected(self, vals, create=False):
        """Refuse a protected field sent by a client, set or cleared, whatever its
        context: only the server writes them (``self.env.su``, from ``_cic_wf``).
        A new entry may only carry the value it would get anyway (its default)."""
        if self.env.su:
            return
        names = self._cic_protected_fields() & set(vals)
        if create:
            names = {
                name
                for name in names
                if vals[name] and vals[name] != self._cic_protected_default(name)
            }
        if names:
            raise AccessError(
                self.env._(
                    "Approvals, extensions, refusals and closures are recorded by the "
                    "workflow actions only."
                )
            )

    @api.model
    def _cic_protected_default(self, name):
        field = self._fields[name]
        return field.default(self) if field.default else False

    def _cic_wf(self):
        """This recordset as the server, to record the results of a workflow action
        after the action checked the user's role. The user must still be allowed
        to change these entries (ACL and record rules); sudo keeps the user, so
        the tracking, the chatter and the audit log name him, not the server."""
        self.check_access("write")
        return self.sudo()

    @api.model
    def _cic_wf_create(self, vals_list):
        """Create entries that carry workflow results (letters, petitions of an
        audience) as the server, if the user may create them himself."""
        model = self.browse()
        model.check_access("create")
        records = model.sudo().create(vals_list).with_env(self.env)
        records.check_access("create")
        return records

    def _cic_reset_approvals(self, vals):
        """A changed answer must be approved again."""
        if self.filtered("cic_department_approval_id") or self.filtered(
            "cic_head_approval_id"
        ):
            vals.update(
                {
                    "cic_department_approval_id": False,
                    "cic_department_approval_date": False,
                    "cic_head_approval_id": False,
                    "cic_head_approval_date": False,
                }
            )

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _cic_today(self):
        return self.env["cic.calendar"].today()

    def _cic_check_group(self, xmlid, message):
        if not self.env.user.has_group(xmlid):
            raise AccessError(message)

    def _cic_check_clerk(self):
        self._cic_check_group(
            CLERK_GROUP,
            self.env._(
                "Only the CIC (public-relations department) may send documents to "
                "petitioners and other authorities (OG 27/2002 art. 6(4))."
            ),
        )

    def _cic_check_open(self):
        for ticket in self:
            if ticket.cic_closure_reason or ticket.stage_id.closed:
                raise UserError(
                    self.env._(
                        "Entry %(number)s is already closed.",
                        number=ticket.cic_registration_number or ticket.name,
                    )
                )

    def _cic_check_procedure(self, code):
        for ticket in self:
            if ticket.cic_procedure_id.code != code:
                raise UserError(
                    self.env._(
                        "This action applies only to entries of the procedure "
                        "'%(procedure)s'.",
                        procedure=self.env.ref(f"cic_registry.procedure_{code}").name,
                    )
                )

    def _cic_close(self, reason):
        stage = self.env.ref(CLOSURE_STAGES.get(reason, DEFAULT_CLOSURE_STAGE))
        self._cic_wf().write({"cic_closure_reason": reason, "stage_id": stage.id})

    def _cic_number_label(self):
        self.ensure_one()
        return self.cic_registration_number or self.number or ""

    def _cic_format_date(self, day):
        return day.strftime("%d.%m.%Y") if day else ""

    def _cic_identity_keys(self, partner):
        """Identity keys of a petitioner: CNP, CUI, or name + address (R-PET-7)."""
        if not partner:
            return set()
        partner = partner.sudo()  # comparison only: the CNP is not shown
        keys = set()
        if partner.cic_cnp:
            keys.add(("cnp", partner.cic_cnp))
        if partner.cic_cui:
            keys.add(("cui", partner.cic_cui))
        street = partner.street or partner.cic_street or ""
        city = partner.city or partner.cic_locality or ""
        if partner.name and (street or city):
            keys.add(
                (
                    "name_address",
                    " ".join(partner.name.lower().split()),
                    " ".join(street.lower().split()),
                    " ".join(city.lower().split()),
                )
            )
        return keys

    def _cic_subject_words(self):
        self.ensure_one()
        return {w.lower() for w in SUBJECT_WORD.findall(self.name or "")}

    def _cic_same_subject(self, other):
        """Same category when both have one, otherwise at least half of the
        significant words of the shorter summary in common."""
        self.ensure_one()
        if self.category_id and other.category_id:
            return self.category_id == other.category_id
        mine, theirs = self._cic_subject_words(), other._cic_subject_words()
        if not mine or not theirs:
            return False
        return len(mine & theirs) * 2 >= min(len(mine), len(theirs))

    def _cic_find_join_candidates(self):
        """Open petitions of the same petitioner on the same subject."""
        self.ensure_one()
        keys = self._cic_identity_keys(self.partner_id)
        if not keys or self.cic_procedure_code != "petition" or not self._origin.id:
            return self.browse()
        candidates = self.search(
            [
                ("id", "!=", self._origin.id),
                ("company_id", "=", self.company_id.id),
                ("cic_procedure_id.code", "=", "petition"),
                ("cic_closure_reason", "=", False),
                ("stage_id.closed", "=", False),
                ("cic_joined_to_id", "=", False),
                ("partner_id", "!=", False),
            ]
        )
        return candidates.filtered(
            lambda other: keys & self._cic_identity_keys(other.partner_id)
            and self._cic_same_subject(other)
        )

    # ------------------------------------------------------------------
    # Letters
    # ------------------------------------------------------------------
    def _cic_create_letter(self, letter_type, recipient, subject, body):
        """Register an outgoing letter answering this entry (same number, partidă)."""
        self.ensure_one()
        outgoing = self.env.ref("cic_registry.procedure_outgoing")
        return self._cic_wf_create(
            {
                "name": subject,
                "description": body,
                "partner_id": recipient.id,
                "cic_recipient_id": recipient.id,
                "cic_procedure_id": outgoing.id,
                "cic_direction": "outgoing",
                "cic_answer_to_id": self.id,
                "cic_letter_type": letter_type,
                "team_id": self.team_id.id,
                "company_id": self.company_id.id,
            }
        )

    def _cic_dispatch_letter(self):
        """Send the letter with its PDF and record the dispatch (CIC only)."""
        self._cic_check_clerk()
        today = self._cic_today()
        for letter in self:
            template = self.env.ref(LETTER_TEMPLATES[letter.cic_letter_type])
            if letter.partner_id.email:
                # Signed PDF, archived with its hash (helpdesk_ticket_esign.py).
                letter._cic_post_letter(template)
            letter.write({"cic_dispatch_date": today})
            # No "ticket closed" e-mail for a letter: it was just sent.
            letter.with_context(mail_notrack=True)._cic_close("dispatched")
        return True

    def _cic_send_letter(self, letter_type, recipient, subject, body):
        letter = self._cic_create_letter(letter_type, recipient, subject, body)
        letter._cic_dispatch_letter()
        return letter

    def _cic_letter_env(self, recipient):
        """The letter is written in the recipient's language."""
        lang = recipient.lang or self.env.lang
        return self.with_context(lang=lang)

    def _cic_letter_paragraphs(self, *paragraphs):
        return Markup("").join(Markup("<p>%s</p>") % p for p in paragraphs if p)

    # ------------------------------------------------------------------
    # Petitions: classing anonymous (art. 7)
    # ------------------------------------------------------------------
    def action_cic_class_anonymous(self):
        self._cic_check_clerk()
        self._cic_check_open()
        for ticket in self:
            if ticket.cic_identified:
                raise UserError(
                    self.env._(
                        "The petitioner of %(number)s is identified (name and postal "
                        "address): the petition cannot be classed as anonymous.",
                        number=ticket._cic_number_label(),
                    )
                )
        # No answer task: pending activities are dropped.
        self.activity_ids.unlink()
        self._cic_close("anonymous")
        for ticket in self:
            ticket.message_post(
                body=self.env._(
                    "Classed without answer: anonymous petition or petition without "
                    "identification data (OG 27/2002 art. 7)."
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def _cic_check_identified(self):
        for ticket in self:
            if ticket.cic_procedure_code == "petition" and not ticket.cic_identified:
                raise UserError(
                    self.env._(
                        "Petition %(number)s has no name and postal address of the "
                        "petitioner: it is classed without answer (OG 27/2002 art. 7).",
                        number=ticket._cic_number_label(),
                    )
                )

    # ------------------------------------------------------------------
    # Petitions: forwarding (art. 6^1)
    # ------------------------------------------------------------------
    def _cic_forward(self, authority, reason=""):
        """Forward a misdirected entry: letter to the authority, notice to the
        petitioner, closed as redirected."""
        self.ensure_one()
        self._cic_check_clerk()
        self._cic_check_open()
        if not authority:
            raise UserError(self.env._("Choose the competent authority."))
        today = self._cic_today()
        late = bool(self.cic_forward_due_date and today > self.cic_forward_due_date)
        number = self._cic_number_label()
        reg_date = self._cic_format_date(
            self.env["cic.calendar"].local_date(self.cic_registration_date)
        )
        env_ticket = self._cic_letter_env(authority)
        self._cic_send_letter(
            "forward_letter",
            authority,
            env_ticket.env._("Forwarding of petition no. %(number)s", number=number),
            env_ticket._cic_letter_paragraphs(
                env_ticket.env._(
                    "According to OG 27/2002 art. 6^1, we forward to you, as the "
                    "competent authority, the petition registered with us under no. "
                    "%(number)s of %(date)s, submitted by %(petitioner)s, concerning "
                    '"%(subject)s".',
                    number=number,
                    date=reg_date,
                    petitioner=self.partner_id.name or self.partner_name or "-",
                    subject=self.name,
                ),
                reason,
                env_ticket.env._(
                    "The term for the answer runs from its registration with you "
                    "(OG 27/2002 art. 8(2))."
                ),
            ),
        )
        if self.partner_id and self.cic_identified:
            env_ticket = self._cic_letter_env(self.partner_id)
            self._cic_send_letter(
                "forward_notice",
                self.partner_id,
                env_ticket.env._(
                    "Your petition no. %(number)s was forwarded", number=number
                ),
                env_ticket._cic_letter_paragraphs(
                    env_ticket.env._(
                        "Your petition registered under no. %(number)s of %(date)s "
                        "concerns matters in the competence of %(authority)s. On "
                        "%(today)s we forwarded it to that authority, which will "
                        "answer you (OG 27/2002 art. 6^1).",
                        number=number,
                        date=reg_date,
                        authority=authority.name,
                        today=self._cic_format_date(today),
                    ),
                ),
            )
        self._cic_wf().write(
            {
                "cic_forwarded_to_id": authority.id,
                "cic_forward_date": today,
                "cic_forward_late": late,
            }
        )
        self.activity_ids.unlink()
        self._cic_close("redirected")
        return True

    # ------------------------------------------------------------------
    # Petitions: extension (art. 9)
    # ------------------------------------------------------------------
    def _cic_extend_petition(self, days, reason):
        self.ensure_one()
        self._cic_check_group(
            SECRETARY_GROUP,
            self.env._(
                "Only the head of the authority can extend the term "
                "(OG 27/2002 art. 9)."
            ),
        )
        self._cic_check_procedure("petition")
        self._cic_check_open()
        procedure = self.cic_procedure_id
        max_days = (
            procedure.extended_term_days or procedure.term_days
        ) - procedure.term_days
        if self.cic_extension_days:
            raise UserError(
                self.env._("The term of this petition was already extended once.")
            )
        if not 1 <= days <= max_days:
            raise UserError(
                self.env._(
                    "The term can be extended by 1 to %(max)s days "
                    "(OG 27/2002 art. 9).",
                    max=max_days,
                )
            )
        if not (reason or "").strip():
            raise UserError(self.env._("State the reason of the extension."))
        today = self._cic_today()
        if not self.cic_legal_due_date or today > self.cic_legal_due_date:
            raise UserError(
                self.env._(
                    "The term can only be extended before it expires (due date "
                    "%(date)s).",
                    date=self._cic_format_date(self.cic_legal_due_date),
                )
            )
        self._cic_wf().write(
            {
                "cic_extension_days": days,
                "cic_extension_date": today,
                "cic_extension_reason": reason,
                "cic_extended_by_id": self.env.user.id,
            }
        )
        self._cic_send_extension_notice(
            lambda env: env._(
                "The matters raised require more detailed information and research "
                "(OG 27/2002 art. 9): the term for the answer is extended by "
                "%(days)s days.",
                days=days,
            ),
            reason,
        )
        return True

    def _cic_send_extension_notice(self, paragraph, reason):
        """Notice of a longer term to the petitioner (letter in their language).

        ``paragraph(env)`` returns the opening paragraph translated with ``env``."""
        self.ensure_one()
        if not self.partner_id:
            return self.browse()
        env_ticket = self._cic_letter_env(self.partner_id)
        number = self._cic_number_label()
        return self._cic_send_letter(
            "extension_notice",
            self.partner_id,
            env_ticket.env._("Extension of the term for no. %(number)s", number=number),
            env_ticket._cic_letter_paragraphs(
                paragraph(env_ticket.env),
                env_ticket.env._(
                    "Your document registered under no. %(number)s will be answered "
                    "by %(date)s.",
                    number=number,
                    date=self._cic_format_date(self.cic_legal_due_date),
                ),
                escape(reason),
            ),
        )

    # ------------------------------------------------------------------
    # Petitions: joining (art. 10(1)) and identical content (art. 10(2))
    # ------------------------------------------------------------------
    def _cic_join_to(self, target):
        """Join this petition to the first registered one on the same matter."""
        self.ensure_one()
        self._cic_check_open()
        target._cic_check_open()
        if target == self:
            raise UserError(self.env._("A petition cannot be joined to itself."))
        first, other = (
            (target, self)
            if (target.cic_registration_date or target.create_date)
            <= (self.cic_registration_date or self.create_date)
            else (self, target)
        )
        first = first.cic_joined_to_id or first
        (other | other.cic_joined_ids)._cic_wf().write({"cic_joined_to_id": first.id})
        first.message_post(
            body=self.env._(
                "Petition %(number)s joined to this one (OG 27/2002 art. 10(1)).",
                number=other._cic_number_label(),
            ),
            subtype_xmlid="mail.mt_note",
        )
        return first

    def _cic_class_identical(self, original):
        self.ensure_one()
        self._cic_check_clerk()
        self._cic_check_open()
        answer = original.cic_answer_ids.filtered(
            lambda letter: letter.cic_letter_type == "answer"
            and letter.cic_dispatch_date
        )[:1]
        if original.cic_closure_reason not in ("answered", "joined") or not (
            answer or original.cic_joined_to_id
        ):
            raise UserError(
                self.env._(
                    "Only a petition with the same content as an already answered one "
                    "can be classed (OG 27/2002 art. 10(2))."
                )
            )
        self._cic_wf().write({"cic_identical_of_id": original.id})
        self.activity_ids.unlink()
        self._cic_close("identical")
        original.message_post(
            body=self.env._(
                "Petition %(new)s with the same content was classed: it was answered "
                "by no. %(number)s of %(date)s (OG 27/2002 art. 10(2)).",
                new=self._cic_number_label(),
                number=original._cic_number_label(),
                date=self._cic_format_date(
                    answer.cic_dispatch_date or original.cic_dispatch_date
                ),
            ),
            subtype_xmlid="mail.mt_note",
        )
        self.message_post(
            body=self.env._(
                "Classed: identical to %(number)s, already answered.",
                number=original._cic_number_label(),
            ),
            subtype_xmlid="mail.mt_note",
        )
        return True

    # ------------------------------------------------------------------
    # Petitions: assignment (art. 6(2), R-PET-10)
    # ------------------------------------------------------------------
    def _cic_assign(self, team, user, internal_due_date, override=False):
        self.ensure_one()
        self._cic_check_open()
        self._cic_check_identified()
        if user and user in self.cic_criticised_user_ids:
            if not override:
                raise UserError(
                    self.env._(
                        "%(user)s is criticised in this petition and may not resolve "
                        "it. The head of the authority may approve the assignment.",
                        user=user.name,
                    )
                )
            self._cic_check_group(
                SECRETARY_GROUP,
                self.env._(
                    "Only the head of the authority can assign a petition to an "
                    "employee it criticises."
                ),
            )
        if (
            internal_due_date
            and self.cic_legal_due_date
            and internal_due_date > self.cic_legal_due_date
        ):
            raise UserError(
                self.env._("The internal due date cannot be after the legal due date.")
            )
        self._cic_wf().write(
            {
                "team_id": team.id,
                "user_id": user.id or False,
                "cic_internal_due_date": internal_due_date,
                "cic_criticised_override_id": self.env.user.id
                if user and user in self.cic_criticised_user_ids
                else False,
            }
        )
        responsible = user or team.cic_head_id
        if responsible:
            self.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=internal_due_date or self.cic_legal_due_date,
                summary=self.env._(
                    "Answer to %(number)s", number=self._cic_number_label()
                ),
                user_id=responsible.id,
            )
        return True

    # ------------------------------------------------------------------
    # Answer: approvals and dispatch (art. 6(4), art. 12)
    # ------------------------------------------------------------------
    def _cic_check_answer_ready(self):
        for ticket in self:
            if not (ticket.cic_answer_legal_basis or "").strip():
                raise UserError(
                    self.env._(
                        "The answer to %(number)s must state the legal basis of the "
                        "solution (OG 27/2002 art. 12).",
                        number=ticket._cic_number_label(),
                    )
                )
            if ticket.cic_answer_body and ticket.cic_answer_body.striptags().strip():
                continue
            raise UserError(
                self.env._(
                    "Write the answer to %(number)s first.",
                    number=ticket._cic_number_label(),
                )
            )

    def action_cic_approve_department(self):
        self._cic_check_group(
            DEPARTMENT_HEAD_GROUP,
            self.env._("Only the head of the department can approve the answer."),
        )
        self._cic_check_answer_ready()
        for ticket in self:
            head = ticket.team_id.cic_head_id
            if (
                head
                and head != self.env.user
                and not self.env.user.has_group(SECRETARY_GROUP)
            ):
                raise AccessError(
                    self.env._(
                        "Only %(head)s, head of %(team)s, can approve this answer.",
                        head=head.name,
                        team=ticket.team_id.name,
                    )
                )
        self._cic_wf().write(
            {
                "cic_department_approval_id": self.env.user.id,
                "cic_department_approval_date": fields.Datetime.now(),
            }
        )
        return True

    def action_cic_approve_head(self):
        self._cic_check_group(
            SECRETARY_GROUP,
            self.env._("Only the head of the authority can give the final approval."),
        )
        self._cic_check_answer_ready()
        self._cic_wf().write(
            {
                "cic_head_approval_id": self.env.user.id,
                "cic_head_approval_date": fields.Datetime.now(),
            }
        )
        return True

    def _cic_answer_requires_approvals(self):
        self.ensure_one()
        return self.cic_procedure_code == "petition"

    def action_cic_dispatch_answer(self):
        """Send the approved answer; one answer closes all joined petitions."""
        self._cic_check_clerk()
        for ticket in self:
            ticket._cic_dispatch_answer()
        return True

    def _cic_dispatch_answer(self):
        self.ensure_one()
        self._cic_check_open()
        self._cic_check_identified()
        self._cic_check_answer_ready()
        if self._cic_answer_requires_approvals() and not (
            self.cic_department_approval_id and self.cic_head_approval_id
        ):
            raise UserError(
                self.env._(
                    "The answer to %(number)s needs the approval of the head of the "
                    "department and of the head of the authority before dispatch "
                    "(OG 27/2002 art. 12).",
                    number=self._cic_number_label(),
                )
            )
        if not self.partner_id:
            raise UserError(self.env._("The entry has no petitioner to answer."))
        joined = self.cic_joined_ids.filtered(lambda t: not t.cic_closure_reason)
        numbers = ", ".join(t._cic_number_label() for t in self | joined)
        env_ticket = self._cic_letter_env(self.partner_id)
        letter = self._cic_send_letter(
            "answer",
            self.partner_id,
            env_ticket.env._("Answer to no. %(numbers)s", numbers=numbers),
            Markup("%s%s%s")
            % (
                env_ticket._cic_letter_paragraphs(
                    env_ticket.env._(
                        "In answer to your document(s) registered under no. "
                        "%(numbers)s, we inform you of the following:",
                        numbers=numbers,
                    )
                ),
                self.cic_answer_body,
                env_ticket._cic_letter_paragraphs(
                    env_ticket.env._(
                        "Legal basis: %(basis)s", basis=self.cic_answer_legal_basis
                    )
                ),
            ),
        )
        today = self._cic_today()
        (self | joined).write({"cic_dispatch_date": today})
        self.activity_ids.unlink()
        joined.activity_ids.unlink()
        self._cic_close("answered")
        joined._cic_close("joined")
        return letter

    # ------------------------------------------------------------------
    # Law 544: refusal and extension notice (art. 7)
    # ------------------------------------------------------------------
    def _cic_foi_refuse(self, ground, reason, partial=False, answered_part=False):
        """Send the reasoned refusal. A partial refusal answers the rest of the
        request in the same letter; both close the request. A refusal after the
        5-day term is still sent, flagged 'refuz tardiv' (R-544-3)."""
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
    # Law 544: administrative complaint (art. 21)
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
    def _cic_open_wizard(self, model, name):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": model,
            "view_mode": "form",
            "target": "new",
            "context": {"default_ticket_id": self.id},
        }

    def action_cic_open_forward(self):
        return self._cic_open_wizard("cic.petition.forward", self.env._("Redirect"))

    def action_cic_open_extend(self):
        return self._cic_open_wizard("cic.petition.extend", self.env._("Extend term"))

    def action_cic_open_assign(self):
        return self._cic_open_wizard("cic.petition.assign", self.env._("Assign"))

    def action_cic_open_join(self):
        return self._cic_open_wizard("cic.petition.join", self.env._("Join"))

    def action_cic_open_class_identical(self):
        return self._cic_open_wizard(
            "cic.petition.class.identical", self.env._("Class - identical content")
        )

    def action_cic_open_foi_refuse(self):
        return self._cic_open_wizard("cic.foi.refuse", self.env._("Refuse"))

    def action_cic_open_foi_extend(self):
        return self._cic_open_wizard("cic.foi.extend", self.env._("Extend to 30 days"))
