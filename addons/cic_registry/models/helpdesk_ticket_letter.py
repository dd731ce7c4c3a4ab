# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Letters and their dispatch (OG 27/2002 art. 6(4), art. 12; R-REG-3).

Every letter (extension notice, forwarding letter, notice to the petitioner, refusal,
answer) is registered as an outgoing entry that reuses the number of the entry it
answers (``cic_answer_to_id``, partidă) and is e-mailed by the CIC with its printable
PDF (signed and archived, ``helpdesk_ticket_esign.py``). The letter that resolves
an incoming entry fills the entry's register columns (Instrucțiuni 1996 art. 9):
dispatch date, recipient and, on closure, the resolution; a value the clerk typed is
kept. The printed letter ends with the signature block of its type.
"""

from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import UserError

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
# Letters signed by the head of the authority on the strength of the recorded approval.
APPROVED_LETTERS = ("answer", "refusal")
#: letters that carry the entry's resolution to its recipient
RESOLVING_LETTERS = ("answer", "refusal", "forward_letter")
# Letters that carry the information asked for (the other letters, such as an
# extension notice or a forwarding notice, release nothing).
RELEASING_LETTERS = ("answer",)


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    # Letters (outgoing entries)
    cic_letter_type = fields.Selection(
        LETTER_TYPES, string="Letter type", readonly=True, copy=False
    )
    cic_answered_in_term = fields.Boolean(
        string="Answered in term",
        compute="_compute_cic_answered_in_term",
        store=True,
    )

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

    # ------------------------------------------------------------------
    # Letters
    # ------------------------------------------------------------------
    def _cic_create_letter(self, letter_type, recipient, subject, body):
        """Register an outgoing letter answering this entry (same number, partidă)."""
        self.ensure_one()
        outgoing = self.env["cic.procedure"]._cic_for_commune(
            "outgoing", self.company_id
        )
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
        """Send the letter with its PDF and record the dispatch (CIC only). The
        e-mail of an answer letter releases the answer of the entry it answers:
        the last release gate (helpdesk_ticket_release.py), whichever action
        sends it."""
        letters = self.filtered(lambda x: x.cic_letter_type in RELEASING_LETTERS)
        letters.cic_answer_to_id._cic_check_release_allowed()
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
        self._cic_fill_register_columns(letter_type, recipient, letter)
        return letter

    def _cic_letter_env(self, recipient):
        """The letter is written in the recipient's language."""
        lang = recipient.lang or self.env.lang
        return self.with_context(lang=lang)

    def _cic_letter_paragraphs(self, *paragraphs):
        return Markup("").join(Markup("<p>%s</p>") % p for p in paragraphs if p)

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

    def _cic_letter_signature_rows(self):
        """Rows of (function, name) printed at the end of this letter.

        The head of the authority signs and the secretary general countersigns
        (with the seal); an answer is also signed by the head of the department
        that resolved it (art. 12); the last signatory is the person who drafted
        the letter (the assignee of the answer, the CIC clerk otherwise). Names
        come from the approvals recorded on the answered entry, otherwise from
        the company's settings.
        """
        self.ensure_one()
        _ = self.env._
        company = self.company_id
        source = self.cic_answer_to_id
        function = company.cic_head_function or _("Mayor")
        head = company.cic_head_name
        approver = source.cic_head_approval_id
        if self.cic_letter_type in APPROVED_LETTERS and approver:
            if head and approver.name != head:
                # approved by another member of the leadership, for the head
                function = _("On behalf of %(function)s", function=function)
            head = approver.name
        authority = [
            (function, head),
            (_("Secretary general"), company.cic_secretary_general_name),
        ]
        if self.cic_letter_type == "answer":
            department = (
                _("Head of department %(department)s", department=source.team_id.name)
                if source.team_id
                else _("Head of department")
            )
            return [
                authority,
                [
                    (department, source.cic_department_approval_id.name),
                    (_("Drafted by"), (source.user_id or self.create_uid).name),
                ],
            ]
        return [authority, [(_("Drafted by"), self.create_uid.name)]]

    # ------------------------------------------------------------------
    # Register columns filled by the resolving letter (R-REG-3)
    # ------------------------------------------------------------------
    def _cic_fill_register_columns(self, letter_type, recipient, letter):
        """Dispatch date and recipient of the letter that resolves this incoming
        entry (answer, refusal, forwarding letter)."""
        if letter_type in RESOLVING_LETTERS and self.cic_direction == "incoming":
            vals = {}
            if not self.cic_recipient_id:
                vals["cic_recipient_id"] = recipient.id
            if not self.cic_dispatch_date:
                vals["cic_dispatch_date"] = letter.cic_dispatch_date
            if vals:
                self._cic_wf().write(vals)

    def _cic_record_resolution(self, reason):
        """The resolution column of the closed incoming entries: the closure."""
        labels = dict(
            self._fields["cic_closure_reason"]._description_selection(self.env)
        )
        for ticket in self.filtered(
            lambda t: t.cic_direction == "incoming" and not t.sudo().cic_resolution
        ):
            ticket._cic_wf().write({"cic_resolution": labels.get(reason, reason)})

    # ------------------------------------------------------------------
    # Answer: dispatch (art. 6(4), art. 12)
    # ------------------------------------------------------------------
    def action_cic_dispatch_answer(self):
        """Send the approved answer; one answer closes all joined petitions."""
        self._cic_check_clerk()
        for ticket in self:
            ticket._cic_dispatch_answer()
        return True

    def _cic_dispatch_answer(self):
        """Send the answer: released (helpdesk_ticket_release.py), approved
        (helpdesk_ticket_approval.py), to the petitioner and, for joined entries,
        to each other petitioner (helpdesk_ticket_join.py)."""
        self.ensure_one()
        joined = self.cic_joined_ids.filtered(lambda t: not t.cic_closure_reason)
        (self | joined)._cic_check_release_allowed()
        self._cic_check_approvers_distinct()
        self._cic_check_open()
        self._cic_check_identified()
        self._cic_check_answer_ready()
        self._cic_check_answer_approved()
        if not self.partner_id:
            raise UserError(self.env._("The entry has no petitioner to answer."))
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
        self._cic_answer_joined_petitioners(joined, letter)
        return letter
