# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Joining (conexare, OG 27/2002 art. 10(1)) and identical petitions (art. 10(2)).

OG 27/2002 art. 10(1) joins several petitions *of the same petitioner* on the same
problem; the petitioner gets one answer. Joining another person's petition would close
his entry with an answer sent to somebody else, so it is refused unless a head
(department head or secretary general) overrides it with a reason, written to the
audit log; the answer is then also sent to every joined entry's own petitioner.

A petition with the same content as one already answered is classed with a note
(art. 10(2), ``_cic_class_identical``).
"""

import re

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .helpdesk_ticket_workflow import CLERK_GROUP, DEPARTMENT_HEAD_GROUP

JOIN_OVERRIDE_EVENT = "join_override"
SUBJECT_WORD = re.compile(r"\w{4,}", re.UNICODE)


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

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
    # Same petitioner, same subject (R-PET-7)
    # ------------------------------------------------------------------
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

    def _cic_same_petitioner(self, other):
        """Same identity key (CNP, CUI, or normalised name + address)."""
        self.ensure_one()
        return bool(
            self._cic_identity_keys(self.partner_id)
            & self._cic_identity_keys(other.partner_id)
        )

    # ------------------------------------------------------------------
    # Joining (art. 10(1))
    # ------------------------------------------------------------------
    def _cic_check_join_allowed(self, target, override_reason=None):
        """A clerk joins the same petitioner's petitions; a head may join other
        petitioners' with a reason. Returns True when it is an override."""
        self.ensure_one()
        user = self.env.user
        if not (user.has_group(CLERK_GROUP) or user.has_group(DEPARTMENT_HEAD_GROUP)):
            raise AccessError(self.env._("Only the CIC or a head may join petitions."))
        if not (self.partner_id and target.partner_id):
            raise UserError(
                self.env._(
                    "A petition without a petitioner cannot be joined: nobody would "
                    "receive its answer."
                )
            )
        if self._cic_same_petitioner(target):
            return False
        if not user.has_group(DEPARTMENT_HEAD_GROUP):
            raise UserError(
                self.env._(
                    "Only the petitions of the same petitioner (same CNP/CUI or same "
                    "name and address) can be joined (OG 27/2002 art. 10(1)). A "
                    "department head or the secretary general may override this "
                    "with a reason."
                )
            )
        if not (override_reason or "").strip():
            raise UserError(
                self.env._(
                    "Give the reason for joining the petitions of different "
                    "petitioners."
                )
            )
        return True

    def _cic_join_to(self, target, override_reason=None):
        """Join this petition to the first registered one on the same matter. A
        head's override (other petitioners) is written to the audit log."""
        override = self._cic_check_join_allowed(target, override_reason)
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
        if override:
            self.env["cic.audit.log"].log(
                self | target,
                JOIN_OVERRIDE_EVENT,
                field_name=self._fields["cic_joined_to_id"].get_description(self.env)[
                    "string"
                ],
                new=first.display_name,
                note=override_reason.strip(),
            )
        return first

    def _cic_answer_joined_petitioners(self, joined, letter):
        """The answer (``letter``) also reaches the petitioner of every joined entry:
        one letter per other petitioner, registered as the answer to his own entry."""
        answered = self
        for entry in joined:
            if any(entry._cic_same_petitioner(other) for other in answered):
                continue
            answered |= entry
            entry._cic_send_letter(
                "answer", entry.partner_id, letter.name, letter.description
            )

    # ------------------------------------------------------------------
    # Identical content (art. 10(2))
    # ------------------------------------------------------------------
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
    # Wizard openers
    # ------------------------------------------------------------------
    def action_cic_open_join(self):
        return self._cic_open_wizard("cic.petition.join", self.env._("Join"))

    def action_cic_open_class_identical(self):
        return self._cic_open_wizard(
            "cic.petition.class.identical", self.env._("Class - identical content")
        )
