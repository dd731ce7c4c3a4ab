# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Decisions of the local council (hotărâri, issue 17 point 3).

A draft decision (proiect de hotărâre) is registered with its draft number in the
register of draft decisions, put on the agenda of a session (often from a Law 52
draft, ``cic.transparency.draft``) and voted there. The vote is recorded with the
majority the item needs (Codul administrativ art. 139): reaching it adopts the
decision and gives it the next number of the year (``cic.local.act.mixin``); not
reaching it records the decision as rejected, without a number.
"""

from odoo import api, fields, models
from odoo.exceptions import UserError

MAJORITIES = [
    ("simple", "Simple majority (of the councillors present)"),
    ("absolute", "Absolute majority (of the councillors in office)"),
    ("two_thirds", "Two thirds of the councillors in office"),
]


def votes_needed(majority, in_office, present):
    """Votes "for" a decision needs (Codul administrativ art. 5 lit. cc)-ff),
    art. 139): the first whole number strictly above half of the councillors
    present (simple) or in office (absolute), or at least two thirds of those in
    office (two_thirds)."""
    if majority == "simple":
        return present // 2 + 1
    if majority == "absolute":
        return in_office // 2 + 1
    if majority == "two_thirds":
        return -(-2 * in_office // 3)
    raise ValueError(majority)


class CicCouncilDecision(models.Model):
    _name = "cic.council.decision"
    _description = "Local council decision (HCL)"
    _inherit = "cic.local.act.mixin"

    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("adopted", "Adopted"),
            ("rejected", "Rejected"),
            ("withdrawn", "Withdrawn"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    session_id = fields.Many2one(
        "cic.council.session",
        string="Session",
        tracking=True,
        index=True,
        domain="[('company_id', '=', company_id)]",
    )
    transparency_draft_id = fields.Many2one(
        "cic.transparency.draft",
        string="Law 52 draft",
        domain="[('act_type', '=', 'hcl'), ('company_id', '=', company_id)]",
        help="The draft normative act put under public consultation (Law "
        "52/2003), when the decision is normative.",
    )
    majority = fields.Selection(
        MAJORITIES,
        string="Majority required",
        required=True,
        default="simple",
        tracking=True,
        help="Simple majority by default; absolute majority of the councillors in "
        "office for the budget, loans, local taxes, development programmes, urban "
        "planning, associations and the administration of property; two thirds of "
        "the councillors in office for buying or selling immovable property "
        "(Codul administrativ art. 139).",
    )
    members_in_office = fields.Integer(
        string="Councillors in office",
        help="Serving councillors at the time of the vote (the mayor is not "
        "counted unless the council's rules say so).",
    )
    members_present = fields.Integer(string="Councillors present")
    votes_for = fields.Integer(string="For")
    votes_against = fields.Integer(string="Against")
    votes_abstain = fields.Integer(string="Abstentions")
    votes_needed = fields.Integer(
        compute="_compute_votes_needed",
        help="Votes 'for' the majority required needs, from the councillors in "
        "office and present.",
    )

    _sql_constraints = [
        (
            "number_unique",
            "unique(company_id, year, number)",
            "A decision number is used once per year.",
        ),
        (
            "draft_number_unique",
            "unique(company_id, draft_year, draft_number)",
            "A draft number is used once per year.",
        ),
    ]

    @api.depends("majority", "members_in_office", "members_present")
    def _compute_votes_needed(self):
        for decision in self:
            decision.votes_needed = votes_needed(
                decision.majority,
                decision.members_in_office,
                decision.members_present,
            )

    @api.depends("name", "number_display")
    def _compute_display_name(self):
        for decision in self:
            if decision.number:
                decision.display_name = self.env._(
                    "HCL no. %(number)s - %(title)s",
                    number=decision.number_display,
                    title=decision.name,
                )
            else:
                decision.display_name = decision.name

    @api.onchange("session_id")
    def _onchange_session_id(self):
        if self.session_id:
            self.members_in_office = self.session_id.members_in_office
            self.members_present = self.session_id.members_present

    @api.onchange("transparency_draft_id")
    def _onchange_transparency_draft_id(self):
        if self.transparency_draft_id and not self.name:
            self.name = self.transparency_draft_id.name

    def write(self, vals):
        vote_fields = {
            "majority",
            "members_in_office",
            "members_present",
            "votes_for",
            "votes_against",
            "votes_abstain",
        }
        if (
            vote_fields & set(vals)
            and not self.env.su
            and self.filtered(lambda d: d.state != "draft")
        ):
            raise UserError(
                self.env._("The vote of a decision is not changed once recorded.")
            )
        return super().write(vals)

    def _cic_check_vote(self):
        """The figures must be possible and the council in quorum."""
        self.ensure_one()
        in_office, present = self.members_in_office, self.members_present
        cast = self.votes_for + self.votes_against + self.votes_abstain
        if min(in_office, present, self.votes_for, self.votes_against) < 0 or (
            self.votes_abstain < 0
        ):
            raise UserError(self.env._("The figures of a vote cannot be negative."))
        if in_office <= 0 or present > in_office:
            raise UserError(
                self.env._(
                    "The councillors present (%(present)s) cannot exceed those in "
                    "office (%(office)s), and there must be councillors in office.",
                    present=present,
                    office=in_office,
                )
            )
        if cast > present:
            raise UserError(
                self.env._(
                    "%(cast)s votes were cast by %(present)s councillors present.",
                    cast=cast,
                    present=present,
                )
            )
        if present < in_office // 2 + 1:
            raise UserError(
                self.env._(
                    "No quorum: %(present)s councillors present of %(office)s in "
                    "office; the council sits with the majority of its councillors "
                    "in office (Codul administrativ art. 137).",
                    present=present,
                    office=in_office,
                )
            )

    def action_record_vote(self):
        """Record the vote: adopted (numbered) when the majority is reached,
        rejected otherwise."""
        for decision in self:
            if decision.state != "draft":
                raise UserError(
                    self.env._(
                        "The vote of %(act)s is already recorded.",
                        act=decision.display_name,
                    )
                )
            if not decision.session_id:
                raise UserError(
                    self.env._(
                        "Put %(act)s on the agenda of a session before recording "
                        "its vote.",
                        act=decision.display_name,
                    )
                )
            decision._cic_check_vote()
            if decision.votes_for >= decision.votes_needed:
                decision._cic_act_write({"state": "adopted"})
                decision._cic_assign_number(decision.session_id.session_date)
                decision._cic_adopt_transparency_draft()
            else:
                decision._cic_act_write({"state": "rejected"})
            decision.message_post(
                body=self.env._(
                    "Vote recorded: %(for)s for, %(against)s against, %(abstain)s "
                    "abstentions, %(present)s present of %(office)s in office; "
                    "%(needed)s votes needed: %(result)s.",
                    **{
                        "for": decision.votes_for,
                        "against": decision.votes_against,
                        "abstain": decision.votes_abstain,
                        "present": decision.members_present,
                        "office": decision.members_in_office,
                        "needed": decision.votes_needed,
                        "result": dict(
                            self._fields["state"]._description_selection(self.env)
                        )[decision.state],
                    },
                )
            )

    def _cic_adopt_transparency_draft(self):
        """The Law 52 draft behind an adopted decision is adopted too."""
        draft = self.transparency_draft_id
        if draft.state == "submitted":
            draft.adoption_date = self.act_date
            draft.action_adopt()

    def action_withdraw(self):
        for decision in self:
            if decision.state != "draft":
                raise UserError(self.env._("Only a draft decision can be withdrawn."))
            decision._cic_act_write({"state": "withdrawn"})

    def _cic_publishable(self):
        self.ensure_one()
        return (
            self.act_kind == "normative" or self.company_id.cic_mol_publish_individual
        )

    def _cic_publication_report(self):
        return "cic_registry.action_report_cic_council_decision_public"
