# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Petitions (OG 27/2002): identification, anonymous petitions, forwarding,
extension and assignment (R-PET-1..6, R-PET-10).

* identification (art. 7): the name and a postal address, the contact's or the one
  written on the document (R-PET-2); an unidentified petition runs no term (no due
  date, reminder, escalation nor overdue status, ``_cic_runs_term``) until it is
  identified or classed as anonymous;
* a petition received by phone or at an audience is registered once written down;
* forwarding of a misdirected petition (art. 6^1), extension by the head (art. 9),
  assignment with an internal due date and the criticised-employee check (art. 6(2)).

Joining and identical petitions (art. 10) are in ``helpdesk_ticket_join.py``; the
answer, its approvals and its dispatch in ``helpdesk_ticket_approval.py`` and
``helpdesk_ticket_letter.py``.
"""

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import html2plaintext

from .helpdesk_ticket_workflow import SECRETARY_GROUP


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

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
    # The postal address as given on the document (R-PET-2)
    cic_petitioner_street = fields.Char(
        string="Petitioner's street and number",
        help="Postal address of the petitioner as given on the document (OG 27/2002 "
        "art. 7).",
    )
    cic_petitioner_locality = fields.Char(
        string="Petitioner's locality",
        help="Locality of the petitioner as given on the document (OG 27/2002 art. 7).",
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

    # ------------------------------------------------------------------
    # Identification (art. 7)
    # ------------------------------------------------------------------
    @api.depends(
        "partner_id.name",
        "partner_id.street",
        "partner_id.city",
        "partner_id.cic_street",
        "partner_id.cic_street_number",
        "partner_id.cic_locality",
        "cic_petitioner_street",
        "cic_petitioner_locality",
    )
    def _compute_cic_identified(self):
        for ticket in self:
            ticket.cic_identified = (
                ticket._cic_partner_identified(ticket.partner_id)
                or ticket._cic_document_identified()
            )

    @api.model
    def _cic_partner_identified(self, partner):
        """Name and a postal address: OG 27/2002 art. 7 (e-mail alone is not enough)."""
        if not partner or not (partner.name or "").strip():
            return False
        place = partner.city or partner.cic_locality
        street = partner.street or partner.cic_street or partner.cic_street_number
        return bool(place and street)

    def _cic_document_identified(self):
        """A named petitioner and the postal address written on the document."""
        self.ensure_one()
        return bool(
            (self.partner_id.name or "").strip()
            and (self.cic_petitioner_street or "").strip()
            and (self.cic_petitioner_locality or "").strip()
        )

    def _cic_runs_term(self):
        """False for a petition whose petitioner is not identified."""
        self.ensure_one()
        return self.cic_procedure_code != "petition" or self.cic_identified

    @api.constrains("channel_id", "description", "cic_procedure_id")
    def _check_cic_verbal_petition_written(self):
        """A petition received by phone or at an audience is registered only once
        it is written down (R-PET-1). The channel is read last: only for an
        empty petition (reading it for every entry cost one query per
        registration, bench/registration.py)."""
        for ticket in self:
            if (
                ticket.cic_procedure_id.code == "petition"
                and not html2plaintext(ticket.description or "").strip()
                and ticket.channel_id.cic_verbal
            ):
                raise ValidationError(
                    self.env._(
                        "A petition received through %(channel)s is registered only "
                        "after it is written down: fill in its content.",
                        channel=ticket.channel_id.name,
                    )
                )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
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

    # ------------------------------------------------------------------
    # Classing anonymous petitions (art. 7)
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
    # Forwarding (art. 6^1)
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
    # Extension (art. 9)
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

    # ------------------------------------------------------------------
    # Assignment (art. 6(2), R-PET-10)
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
    # Wizard openers
    # ------------------------------------------------------------------
    def action_cic_open_forward(self):
        return self._cic_open_wizard("cic.petition.forward", self.env._("Redirect"))

    def action_cic_open_extend(self):
        return self._cic_open_wizard("cic.petition.extend", self.env._("Extend term"))

    def action_cic_open_assign(self):
        return self._cic_open_wizard("cic.petition.assign", self.env._("Assign"))
