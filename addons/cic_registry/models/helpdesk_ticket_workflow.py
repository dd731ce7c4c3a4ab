# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Core of the legal workflows of the registry entries (OG 27/2002, Law 544/2001,
GDPR): what every workflow action shares.

* the results of the actions (closure, extension, approvals, refusal...) are written
  by the actions only, as the server once the action checked the user's role
  (``_cic_wf``); a client never writes them (``_cic_protected_fields``,
  ``_cic_check_protected``, called from the one ``create``/``write`` of
  ``helpdesk_ticket.py``);
* the closure (``_cic_close``), the extension fields shared by the petitions, Law 544
  and GDPR requests, the role and state checks and the wizard openers.

The behaviour of each procedure lives in its own file, each overriding distinct
methods: ``helpdesk_ticket_petition.py`` (OG 27: identification, anonymous
petitions, forwarding, extension, assignment), ``helpdesk_ticket_join.py`` (joining
and identical petitions), ``helpdesk_ticket_foi.py`` (Law 544: refusal, extension,
complaint), ``helpdesk_ticket_approval.py`` (the answer and its two approvals),
``helpdesk_ticket_letter.py`` (letters, their dispatch and the answer),
``helpdesk_ticket_gdpr.py``, ``helpdesk_ticket_withdrawal.py``.
"""

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

CLERK_GROUP = "cic_registry.group_cic_clerk"
DEPARTMENT_HEAD_GROUP = "cic_registry.group_cic_department_head"
SECRETARY_GROUP = "cic_registry.group_cic_secretary"

CLOSURE_STAGES = {
    "refused": "helpdesk_mgmt.helpdesk_ticket_stage_rejected",
}
DEFAULT_CLOSURE_STAGE = "helpdesk_mgmt.helpdesk_ticket_stage_done"
# Closure reasons that take the entry out of the answer-deadline KPI (a withdrawn
# entry, helpdesk_ticket_withdrawal.py, has no answer to be late with).
KPI_EXCLUDED_REASONS = ("anonymous", "identical", "redirected", "withdrawn")
# Workflow results: set only by the workflow actions, as the server once the action
# checked the user's role (``_cic_wf``), never written nor cleared by a client,
# whatever context it sends. This is the addon's one list (each concern's fields
# are named in it); other addons add theirs in ``_cic_protected_fields``; all of
# them are audited.
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
        # joining (helpdesk_ticket_join.py): the link to the first entry
        "cic_joined_to_id",
        # withdrawal (helpdesk_ticket_withdrawal.py)
        "cic_withdrawal_date",
        "cic_withdrawn_by_id",
        # forwarding to a directory institution (helpdesk_ticket_institution.py)
        "cic_forward_institution_id",
        # GDPR extension (helpdesk_ticket_gdpr.py), besides the extension fields
        "cic_extension_months",
        # the sent letter's PDF, written by the dispatch (helpdesk_ticket_esign.py)
        "cic_letter_pdf",
        "cic_letter_pdf_name",
        "cic_letter_sha256",
        "cic_letter_signature",
        "cic_letter_signer",
    }
)


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

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
    # Extension (OG 27 art. 9; Law 544 art. 7(1); GDPR art. 12(3))
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

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("cic_closure_reason")
    def _compute_cic_kpi_excluded(self):
        for ticket in self:
            ticket.cic_kpi_excluded = ticket.cic_closure_reason in KPI_EXCLUDED_REASONS

    # ------------------------------------------------------------------
    # Workflow results: written by the actions only
    # ------------------------------------------------------------------
    @api.model
    def _cic_protected_fields(self):
        """Fields that only the workflow actions write (see PROTECTED_FIELDS)."""
        return set(PROTECTED_FIELDS)

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
        self._cic_record_resolution(reason)

    def _cic_number_label(self):
        self.ensure_one()
        return self.cic_registration_number or self.number or ""

    def _cic_format_date(self, day):
        return day.strftime("%d.%m.%Y") if day else ""

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
