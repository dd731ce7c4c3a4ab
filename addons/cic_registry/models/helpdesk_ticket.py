# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A registry entry of the general register is a helpdesk ticket.

Its columns are those of the 1996 archive instructions, art. 9 (spec R-REG-3): number
and date (from ``cic.registration.mixin``), sender's reference and date, pages,
annexes, sender (``partner_id``), summary (``name``), department (``team_id``),
dispatch date, resolution, recipient, joined-to entry and file indicator.
"""

import datetime

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.sql import create_index

from .cic_procedure import DIRECTIONS

# Register columns whose changes, once the entry is registered, are kept in the
# audit log (spec R-REG-2: a correction creates an audit entry).
AUDITED_FIELDS = (
    "cic_procedure_id",
    "cic_direction",
    "cic_sender_ref",
    "cic_sender_date",
    "cic_page_count",
    "cic_annex_count",
    "partner_id",
    "name",
    "cic_recipient_id",
    "cic_joined_to_id",
    "cic_answer_to_id",
    "cic_file_indicator",
    "cic_dispatch_date",
    "cic_legal_due_date",
    # Legal workflow (fields of helpdesk_ticket_workflow.py, _petition.py,
    # _approval.py and _foi.py): extensions, forwarding, approvals, refusal,
    # internal deadline. Other addons add their fields through
    # _cic_audited_fields() (cic_audience: the term start).
    "cic_internal_due_date",
    "cic_extension_days",
    "cic_extension_date",
    "cic_extension_reason",
    "cic_extended_by_id",
    "cic_forwarded_to_id",
    "cic_forward_date",
    "cic_department_approval_id",
    "cic_department_approval_date",
    "cic_head_approval_id",
    "cic_head_approval_date",
    "cic_foi_refusal_date",
)
# Audited after the workflow results (``_cic_protected_fields``): the petitioner's
# address on the document decides whether the petition is answered
# (helpdesk_ticket_petition.py); the link of a Law 544 follow-up
# (helpdesk_ticket_followup.py).
AUDITED_AFTER_RESULTS = (
    "cic_petitioner_street",
    "cic_petitioner_locality",
    "cic_earlier_request_id",
)
# Not copied into the audit log: the sent letter's file (its hash is audited,
# helpdesk_ticket_esign.py).
NOT_AUDITED = ("cic_letter_pdf", "cic_letter_pdf_name")
# Computed deadlines: they change when the fields above change (an extension moves
# the due date), so they are compared whenever an audited field is written.
AUDITED_DEADLINES = ("cic_legal_due_date", "cic_internal_due_date")
ELECTRONIC_CHANNELS = (
    "helpdesk_mgmt.helpdesk_ticket_channel_email",
    "helpdesk_mgmt.helpdesk_ticket_channel_web",
)


class HelpdeskTicket(models.Model):
    _name = "helpdesk.ticket"
    _inherit = ["helpdesk.ticket", "cic.registration.mixin"]

    # Indexed: the citizens' lists and the petitioner's history filter on it.
    partner_id = fields.Many2one(index=True)
    cic_procedure_id = fields.Many2one(
        "cic.procedure",
        string="Procedure",
        index=True,
        tracking=True,
        help="Kind of document; it sets the legal term. An entry with a procedure "
        "is registered in the general register.",
    )
    cic_procedure_code = fields.Char(related="cic_procedure_id.code")
    cic_direction = fields.Selection(
        DIRECTIONS,
        string="Direction",
        compute="_compute_cic_direction",
        store=True,
        readonly=False,
        precompute=True,
    )
    # Register columns (archive instructions 1996, art. 9)
    cic_sender_ref = fields.Char(string="Sender's number")
    cic_sender_date = fields.Date(string="Sender's date")
    cic_page_count = fields.Integer(string="Pages")
    cic_annex_count = fields.Integer(string="Annexes")
    cic_dispatch_date = fields.Date(string="Dispatch date", tracking=True, copy=False)
    cic_resolution = fields.Text(
        string="Resolution", copy=False, help="How the document was resolved."
    )
    cic_recipient_id = fields.Many2one("res.partner", string="Recipient")
    cic_joined_to_id = fields.Many2one(
        "helpdesk.ticket",
        string="Joined to",
        index="btree_not_null",
        tracking=True,
        copy=False,
        help="First registered entry on the same matter (conexare).",
    )
    cic_joined_ids = fields.One2many(
        "helpdesk.ticket", "cic_joined_to_id", string="Joined entries"
    )
    cic_answer_to_id = fields.Many2one(
        "helpdesk.ticket",
        string="Answer to",
        index="btree_not_null",
        copy=False,
        help="Incoming entry this outgoing document answers: it takes the same "
        "registration number (partidă).",
    )
    cic_answer_ids = fields.One2many(
        "helpdesk.ticket", "cic_answer_to_id", string="Answers"
    )
    cic_file_indicator = fields.Char(
        string="File indicator",
        help="Indicator of the file (dosar) in the archival nomenclator.",
    )
    # Deadlines
    cic_legal_due_date = fields.Date(
        string="Legal due date",
        compute="_compute_cic_legal_due_date",
        store=True,
        tracking=True,
    )
    cic_internal_due_date = fields.Date(
        string="Internal due date",
        compute="_compute_cic_internal_due_date",
        store=True,
        readonly=False,
        help="Date by which the department sends its answer to the CIC: by default "
        "the legal due date minus the company's internal margin in working days.",
    )
    cic_is_overdue = fields.Boolean(
        string="Overdue",
        compute="_compute_cic_is_overdue",
        search="_search_cic_is_overdue",
    )

    def init(self):
        """A composite index that keeps one commune's statutory reports at the
        size of the commune's period in a county database (100 communes, 10 M
        entries): with the single-column indexes PostgreSQL read every entry of the
        commune, all years, to keep a semester's (bench/README.md, row 10)."""
        res = super().init()
        create_index(
            self.env.cr,
            "helpdesk_ticket_company_registration_date_index",
            self._table,
            ["company_id", "cic_registration_date"],
        )
        return res

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("cic_procedure_id")
    def _compute_cic_direction(self):
        for ticket in self:
            ticket.cic_direction = ticket.cic_procedure_id.direction or "incoming"

    def _cic_term_extended(self):
        """Whether the extended term applies: an extension was granted (days: a
        petition or a Law 544 request; months: a GDPR request)."""
        self.ensure_one()
        return bool(self.cic_extension_days) or bool(self.cic_extension_months)

    # One rule for the legal due date: ``due(term start, term days, mode)``. The
    # hooks below hold the registry's term (the granted extension, no term for an
    # anonymous petition, the GDPR months); other addons change it through them
    # (the audiences move the start to the audience date), never by overriding the
    # compute.
    @api.model
    def _cic_term_depends(self):
        """Fields the term hooks read (the compute's dependencies); extend it
        together with the hooks."""
        return [
            "cic_procedure_id",
            "cic_registration_date",
            "company_id",
            "cic_extension_days",
            "cic_identified",
            "cic_extension_months",
        ]

    def _cic_term_start(self):
        """Date D from which the legal term runs: the registration date (R-PET-3)."""
        self.ensure_one()
        return self.cic_registration_date

    def _cic_term_days(self):
        """Length of the legal term in days: the procedure's term plus the granted
        extension, due(D, term + extension days); none for a petition whose
        petitioner is not identified (``_cic_runs_term``, R-PET-2)."""
        self.ensure_one()
        if not self._cic_runs_term():
            return 0
        return self.cic_procedure_id.term_days + (self.cic_extension_days or 0)

    def _cic_term_months(self):
        """Length of the legal term in calendar months, for a procedure whose law
        sets it in months (GDPR art. 12(3)); 0 when the term is in days. The
        months granted run on: due(D, 1 + extension months)."""
        self.ensure_one()
        months = self.cic_procedure_id.term_months
        return months and months + (self.cic_extension_months or 0)

    def _cic_due_date_for(self, days, months=0):
        """``due(term start, days)`` in the procedure's counting mode (R-CAL-3), or
        the term start plus ``months`` calendar months (CPC art. 181(1) pct. 3)."""
        self.ensure_one()
        start = self._cic_term_start()
        if not (start and (days or months) and self.cic_procedure_id):
            return False
        calendar = self.env["cic.calendar"]
        if months:
            return calendar.due_date_months(start, months, company=self.company_id)
        return calendar.due_date(
            start, days, self.cic_procedure_id.count_mode, company=self.company_id
        )

    @api.depends(lambda self: self._cic_term_depends())
    def _compute_cic_legal_due_date(self):
        for ticket in self:
            ticket.cic_legal_due_date = ticket._cic_due_date_for(
                ticket._cic_term_days(), ticket._cic_term_months()
            )

    @api.depends("cic_legal_due_date")
    def _compute_cic_internal_due_date(self):
        calendar = self.env["cic.calendar"]
        for ticket in self:
            due = ticket.cic_legal_due_date
            margin = ticket.company_id.cic_internal_margin_days
            ticket.cic_internal_due_date = due and calendar.add_working_days(
                due, -margin, company=ticket.company_id
            )

    @api.depends("cic_legal_due_date", "stage_id.closed")
    def _compute_cic_is_overdue(self):
        today = self.env["cic.calendar"].today()
        for ticket in self:
            ticket.cic_is_overdue = bool(
                ticket.cic_legal_due_date
                and ticket.cic_legal_due_date < today
                and not ticket.stage_id.closed
            )

    def _search_cic_is_overdue(self, operator, value):
        if operator not in ("=", "!="):
            raise NotImplementedError(operator)
        today = self.env["cic.calendar"].today()
        domain = [
            ("cic_legal_due_date", "<", today),
            ("stage_id.closed", "=", False),
        ]
        if (operator == "=") == bool(value):
            return domain
        return ["!", "&", *domain]

    @api.constrains("cic_joined_to_id")
    def _check_cic_joined_to(self):
        for ticket in self.filtered("cic_joined_to_id"):
            first = ticket.cic_joined_to_id
            if first == ticket:
                raise ValidationError(
                    self.env._("An entry cannot be joined to itself.")
                )
            if first.cic_joined_to_id:
                raise ValidationError(
                    self.env._(
                        "Documents on the same matter are joined to the first one "
                        "registered: join %(entry)s to %(first)s instead.",
                        entry=ticket.display_name,
                        first=(first.cic_joined_to_id or first).display_name,
                    )
                )

    # ------------------------------------------------------------------
    # Registration hooks
    # ------------------------------------------------------------------
    # Legacy entries (helpdesk_ticket_legacy.py) are never numbered in the general
    # register.
    def _cic_needs_registration(self):
        self.ensure_one()
        return not self.cic_is_legacy and bool(self.cic_procedure_id)

    @api.model
    def _cic_registration_domain(self):
        return [("cic_procedure_id", "!=", False), ("cic_is_legacy", "=", False)]

    def _cic_number_source(self):
        self.ensure_one()
        source = self.cic_answer_to_id
        if self.cic_direction == "outgoing" and source.cic_registration_number:
            return source
        return self.browse()

    def _cic_is_electronic(self):
        self.ensure_one()
        xmlid_to_id = self.env["ir.model.data"]._xmlid_to_res_id  # cached lookups
        return bool(self.channel_id) and self.channel_id.id in {
            xmlid_to_id(xmlid, raise_if_not_found=False)
            for xmlid in ELECTRONIC_CHANNELS
        }

    # ------------------------------------------------------------------
    # CRUD: the addon's one create() and write() of helpdesk.ticket; each concern
    # takes part through a named hook.
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._cic_check_client_vals(vals, create=True)
            self._cic_prepare_vals(vals)
        return self._cic_create_registered(vals_list, super().create)

    @api.model
    def _cic_vals_registration_company(self, vals):
        """An entry with a procedure, neither legacy nor an answer (which may share
        the number of the entry it answers), is numbered at insert in the register
        of its company: the department's company if it has one (as helpdesk_mgmt's
        create() sets it), else the given company, else the current one."""
        if (
            not vals.get("cic_procedure_id")
            or vals.get("cic_is_legacy")
            or vals.get("cic_answer_to_id")
        ):
            return None
        team = self.env["helpdesk.ticket.team"].browse(vals.get("team_id"))
        company = team.company_id or self.env["res.company"].browse(
            vals.get("company_id") or self.env.company.id
        )
        return company

    @api.model
    def _cic_prepare_vals(self, vals):
        """Default procedure from the department and department from the procedure."""
        team = self.env["helpdesk.ticket.team"].browse(vals.get("team_id"))
        if "cic_procedure_id" not in vals and team.cic_procedure_id:
            vals["cic_procedure_id"] = team.cic_procedure_id.id
        procedure = self.env["cic.procedure"].browse(vals.get("cic_procedure_id"))
        company = self.env["res.company"].browse(
            vals.get("company_id") or self.env.company.id
        )
        # a procedure shared by every commune routes only to its own commune's team
        if not vals.get("team_id") and procedure.team_id.company_id in (
            company,
            self.env["res.company"],
        ):
            vals["team_id"] = procedure.team_id.id

    @api.model
    def _cic_check_client_vals(self, vals, create=False):
        """Refuse what only the server writes: the legacy fields (the legacy
        import, helpdesk_ticket_legacy.py) and the workflow results
        (helpdesk_ticket_workflow.py). A new entry's empty legacy values and
        default results are accepted."""
        self._cic_check_legacy_vals(
            {name: value for name, value in vals.items() if value} if create else vals
        )
        self._cic_check_protected(vals, create=create)

    def write(self, vals):
        self._cic_check_client_vals(vals)
        # A changed answer must be approved again (helpdesk_ticket_approval.py).
        self._cic_reset_approvals(vals)
        audited = [name for name in self._cic_audited_fields() if name in vals]
        if audited:
            audited += [name for name in AUDITED_DEADLINES if name not in audited]
        old_values = {
            ticket: {name: ticket._cic_audit_value(name) for name in audited}
            for ticket in self.filtered("cic_registration_number")
        }
        res = super().write(vals)
        for ticket, values in old_values.items():
            ticket._cic_audit_changes(values)
        if "cic_procedure_id" in vals:
            self._cic_assign_registration_number()
        return res

    def _cic_audited_fields(self):
        """Fields whose changes on a registered entry go to the audit log: the
        register columns, the workflow results (all of them), the petitioner's
        address on the document and the follow-up link, never the sent file."""
        audited = [name for name in AUDITED_FIELDS if name in self._fields]
        audited += sorted(self._cic_protected_fields() - set(audited))
        audited += [name for name in AUDITED_AFTER_RESULTS if name not in audited]
        return [name for name in audited if name not in NOT_AUDITED]

    def _cic_audit_value(self, name):
        value = self[name]
        if isinstance(value, models.BaseModel):
            return value.display_name or ""
        if isinstance(value, datetime.date):
            return fields.Date.to_string(value)
        return "" if value is False else str(value)

    def _cic_audit_changes(self, old_values):
        log = self.env["cic.audit.log"]
        for name, old in old_values.items():
            new = self._cic_audit_value(name)
            if new != old:
                log.log(
                    self,
                    "correction",
                    field_name=self._fields[name].get_description(self.env)["string"],
                    old=old,
                    new=new,
                )

    @api.model
    def message_new(self, msg, custom_values=None):
        """E-mails received on a department alias come through the e-mail channel."""
        custom_values = dict(custom_values or {})
        channel = self.env.ref(ELECTRONIC_CHANNELS[0], raise_if_not_found=False)
        if channel:
            custom_values.setdefault("channel_id", channel.id)
        return super().message_new(msg, custom_values=custom_values)

    # ------------------------------------------------------------------
    # Receipt
    # ------------------------------------------------------------------
    def _cic_tracking_url(self):
        """Public page where the citizen follows the entry, or False. The
        registry serves no such page: an addon that does (cic_portal) returns
        its URL, and the receipt then prints it with its QR code."""
        self.ensure_one()
        return False

    # ------------------------------------------------------------------
    # Reminders
    # ------------------------------------------------------------------
    @api.model
    def _cron_cic_deadline_reminders(self):
        """Daily: remind the entries due within the company's reminder window and
        escalate the overdue ones to the department head."""
        calendar = self.env["cic.calendar"]
        today = calendar.today()
        for company in self.env["res.company"].search([]):
            horizon = calendar.add_working_days(
                today, company.cic_reminder_days, company=company
            )
            open_domain = [
                ("company_id", "=", company.id),
                ("stage_id.closed", "=", False),
                ("cic_legal_due_date", "!=", False),
            ]
            self.search(
                open_domain
                + [
                    ("cic_legal_due_date", ">=", today),
                    ("cic_legal_due_date", "<=", horizon),
                ]
            )._cic_remind()
            self.search(
                open_domain + [("cic_legal_due_date", "<", today)]
            )._cic_escalate()

    def _cic_cic_partners(self):
        """Partners of the CIC clerks (not the heads, who get escalations)."""
        clerks = self.env.ref("cic_registry.group_cic_clerk").users
        heads = self.env.ref("cic_registry.group_cic_secretary").users
        return (clerks - heads).partner_id

    def _cic_schedule_deadline_activity(self, user, summary):
        """Schedule the deadline activity for ``user`` unless it is already there.
        Return True if a new activity was created."""
        self.ensure_one()
        activity_type = self.env.ref("cic_registry.mail_activity_type_cic_deadline")
        if not user or self.activity_ids.filtered(
            lambda a: a.activity_type_id == activity_type and a.user_id == user
        ):
            return False
        self.activity_schedule(
            activity_type_id=activity_type.id,
            date_deadline=self.cic_legal_due_date,
            summary=summary,
            user_id=user.id,
        )
        return True

    def _cic_remind(self):
        for ticket in self:
            user = ticket.user_id or ticket.team_id.cic_head_id
            summary = self.env._(
                "Legal deadline %(date)s (%(basis)s)",
                date=ticket.cic_legal_due_date.strftime("%d.%m.%Y"),
                basis=ticket.cic_due_basis,
            )
            if ticket._cic_schedule_deadline_activity(user, summary):
                ticket.message_post(
                    body=summary,
                    partner_ids=ticket._cic_cic_partners().ids,
                    subtype_xmlid="mail.mt_note",
                )

    def _cic_escalate(self):
        for ticket in self:
            summary = self.env._(
                "Overdue since %(date)s (%(basis)s)",
                date=ticket.cic_legal_due_date.strftime("%d.%m.%Y"),
                basis=ticket.cic_due_basis,
            )
            ticket._cic_schedule_deadline_activity(ticket.team_id.cic_head_id, summary)
