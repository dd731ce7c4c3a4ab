# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What a council decision and a mayor's disposition share (issue 17 point 3).

Both acts of the local authority (Codul administrativ, OUG 57/2019) go the same
way once drafted:

* a **draft number** per company and year when the draft is registered (register
  of draft decisions / dispositions), and the act's **number** per company and
  year when it is adopted or issued (register of decisions / dispositions). Both
  are gapless: they are taken under a transaction-level advisory lock from the
  highest number issued, so a rolled-back adoption gives its number back;
* the **countersignature** of the secretary general for legality (art. 243(1)
  a)), or his refusal with written reasons, entered in the register of refusals
  (``cic.countersign.refusal``), published in the MOL;
* the **communication to the prefect** within 10 working days (art. 197(1));
* the **publication** in the Monitorul Oficial Local, for normative acts within
  5 days of that communication (art. 198), as a PDF without handwritten
  signatures or personal data: a PDF chosen by the clerk, or one rendered from the
  act's text by a template that prints no signature, after the clerk has checked
  the ``anonymised`` box.

The workflow fields are written by the actions only (``_cic_act_protected_fields``):
no client sets or clears them, whatever its rights.
"""

import base64
import zlib

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

ACT_KINDS = [("normative", "Normative"), ("individual", "Individual")]
COUNTERSIGN_STATES = [
    ("pending", "Not countersigned yet"),
    ("countersigned", "Countersigned"),
    ("refused", "Countersignature refused"),
]


def next_number(env, model, field, company, year, year_field="year"):
    """The next free number of ``field`` for ``company`` and ``year``.

    A transaction-level advisory lock, keyed by the model, the field, the company
    and the year, serialises the callers until commit or rollback: two adoptions
    never take the same number, and a rolled-back one leaves no gap."""
    Model = env[model]
    Model.flush_model([field, year_field, "company_id"])
    key = zlib.crc32(f"{model}.{field}".encode()) & 0x7FFFFFFF
    env.cr.execute(
        SQL("SELECT pg_advisory_xact_lock(%s, %s)", key, company.id * 10000 + year)
    )
    env.cr.execute(
        SQL(
            "SELECT COALESCE(MAX(%s), 0) + 1 FROM %s "
            "WHERE company_id = %s AND %s = %s",
            SQL.identifier(field),
            SQL.identifier(Model._table),
            company.id,
            SQL.identifier(year_field),
            year,
        )
    )
    return env.cr.fetchone()[0]


class CicLocalActMixin(models.AbstractModel):
    _name = "cic.local.act.mixin"
    _description = "Act of the local authority (decision or disposition)"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "year desc, number desc, draft_year desc, draft_number desc, id desc"
    _rec_names_search = ["name", "number_display"]

    name = fields.Char(string="Title", required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    act_kind = fields.Selection(
        ACT_KINDS,
        string="Character",
        required=True,
        default="normative",
        tracking=True,
        help="Normative acts apply to everyone and take effect when published; "
        "individual acts concern named persons and take effect when communicated "
        "to them (Codul administrativ art. 198-199).",
    )
    initiator = fields.Char(help="Who initiated the draft (mayor, councillors, …).")
    content = fields.Html(
        string="Text of the act",
        help="The text printed in the published PDF when no PDF is chosen: write it "
        "without personal data; no signature is ever printed.",
    )
    draft_date = fields.Date(
        string="Draft registered on",
        default=lambda self: self.env["cic.calendar"].today(),
        readonly=True,
        copy=False,
    )
    draft_year = fields.Integer(readonly=True, copy=False, index=True)
    draft_number = fields.Integer(
        readonly=True, copy=False, help="Number in the register of drafts, per year."
    )
    number = fields.Integer(
        string="Number of the year",
        readonly=True,
        copy=False,
        help="Number of the act, per company and year, given when it is adopted "
        "or issued, without gaps.",
    )
    year = fields.Integer(readonly=True, copy=False, index=True)
    act_date = fields.Date(string="Date of the act", readonly=True, copy=False)
    number_display = fields.Char(
        string="Number", compute="_compute_number_display", store=True
    )
    countersign_state = fields.Selection(
        COUNTERSIGN_STATES,
        string="Countersignature",
        default="pending",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    countersigned_by_id = fields.Many2one(
        "res.users", string="Countersigned by", readonly=True, copy=False
    )
    countersign_date = fields.Date(readonly=True, copy=False)
    countersign_refusal_reason = fields.Text(
        string="Reasons for refusing to countersign",
        copy=False,
        help="Written by the secretary general before he refuses to countersign; "
        "entered in the register of refusals.",
    )
    prefect_due_date = fields.Date(
        string="Communication to the prefect due",
        compute="_compute_prefect_due_date",
        store=True,
        help="Working days after the date of the act (Codul administrativ art. "
        "197(1)), from the institution calendar.",
    )
    prefect_communication_date = fields.Date(
        string="Communicated to the prefect on", readonly=True, copy=False
    )
    prefect_reference = fields.Char(
        string="Communication reference",
        copy=False,
        help="Number of the letter or of the special register of communications.",
    )
    publication_due_date = fields.Date(
        compute="_compute_publication_due_date",
        store=True,
        help="Days after the communication to the prefect within which a "
        "normative act is published (Codul administrativ art. 198).",
    )
    is_published = fields.Boolean(
        string="Published in the MOL", readonly=True, copy=False, index=True
    )
    publication_date = fields.Date(readonly=True, copy=False)
    anonymised = fields.Boolean(
        string="Checked: no signatures, no personal data",
        copy=False,
        tracking=True,
        help="Tick after checking that the published PDF carries no handwritten "
        "signature and no personal data (names of private persons, CNP, "
        "addresses). Required before publication.",
    )
    published_file = fields.Binary(
        string="Published PDF",
        attachment=True,
        copy=False,
        help="The PDF shown in the Monitorul Oficial Local. Leave empty to render "
        "it from the text of the act, without signatures.",
    )
    published_file_name = fields.Char(copy=False)

    @api.depends("number", "year", "draft_number", "draft_year")
    def _compute_number_display(self):
        for act in self:
            if act.number:
                act.number_display = f"{act.number}/{act.year}"
            elif act.draft_number:
                act.number_display = self.env._(
                    "draft %(number)s/%(year)s",
                    number=act.draft_number,
                    year=act.draft_year,
                )
            else:
                act.number_display = False

    @api.depends("act_date", "company_id.cic_council_prefect_working_days")
    def _compute_prefect_due_date(self):
        calendar = self.env["cic.calendar"]
        for act in self:
            act.prefect_due_date = act.act_date and calendar.due_date(
                act.act_date,
                act.company_id.cic_council_prefect_working_days,
                "working_days",
                company=act.company_id,
            )

    @api.depends(
        "prefect_communication_date",
        "act_kind",
        "company_id.cic_council_publication_days",
    )
    def _compute_publication_due_date(self):
        calendar = self.env["cic.calendar"]
        for act in self:
            act.publication_due_date = (
                act.prefect_communication_date
                and act.act_kind == "normative"
                and calendar.due_date(
                    act.prefect_communication_date,
                    act.company_id.cic_council_publication_days,
                    "calendar",
                    company=act.company_id,
                )
            )

    # ------------------------------------------------------------------
    # protections
    # ------------------------------------------------------------------
    def _cic_act_protected_fields(self):
        """Fields only the workflow writes (numbers, dates, states, publication)."""
        return {
            "draft_date",
            "draft_year",
            "draft_number",
            "number",
            "year",
            "act_date",
            "state",
            "countersign_state",
            "countersigned_by_id",
            "countersign_date",
            "prefect_communication_date",
            "is_published",
            "publication_date",
        }

    def _cic_act_check_protected(self, vals):
        if self.env.su:
            return
        touched = sorted(set(vals) & self._cic_act_protected_fields())
        if touched:
            raise UserError(
                self.env._(
                    "These fields are set by the workflow buttons only: %(fields)s.",
                    fields=", ".join(self._fields[f].string for f in touched),
                )
            )

    def _cic_act_write(self, vals):
        """Write workflow fields after checking that the user may write the act;
        the sudo keeps the real user for tracking and chatter."""
        self.check_access("write")
        return self.sudo().write(vals)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._cic_act_check_protected(vals)
        acts = super().create(vals_list)
        for act in acts:
            act._cic_assign_draft_number()
        return acts

    def write(self, vals):
        self._cic_act_check_protected(vals)
        if self.filtered("is_published") and {
            "name",
            "content",
            "published_file",
            "act_kind",
        } & set(vals):
            if not self.env.su:
                raise UserError(
                    self.env._(
                        "A published act cannot be changed: withdraw its "
                        "publication first."
                    )
                )
        return super().write(vals)

    # ------------------------------------------------------------------
    # numbering
    # ------------------------------------------------------------------
    def _cic_assign_draft_number(self):
        self.ensure_one()
        if self.draft_number:
            return
        year = (self.draft_date or self.env["cic.calendar"].today()).year
        number = next_number(
            self.env, self._name, "draft_number", self.company_id, year, "draft_year"
        )
        self.sudo().write({"draft_number": number, "draft_year": year})

    def _cic_assign_number(self, act_date):
        """Number the act in its year (the year of ``act_date``), once."""
        self.ensure_one()
        if self.number:
            return
        number = next_number(
            self.env, self._name, "number", self.company_id, act_date.year
        )
        self.sudo().write(
            {"number": number, "year": act_date.year, "act_date": act_date}
        )

    # ------------------------------------------------------------------
    # countersignature, communication, publication
    # ------------------------------------------------------------------
    def _cic_check_secretary(self):
        if not self.env.user.has_group("cic_registry.group_cic_secretary"):
            raise UserError(
                self.env._(
                    "Only the secretary general countersigns or refuses to "
                    "countersign an act."
                )
            )

    def _cic_check_in_force_state(self):
        for act in self:
            if act.state != "adopted" or not act.number:
                raise UserError(
                    self.env._(
                        "%(act)s is not adopted or issued yet.", act=act.display_name
                    )
                )

    def action_countersign(self):
        self._cic_check_secretary()
        self._cic_check_in_force_state()
        for act in self:
            act._cic_check_countersign_pending()
            act._cic_act_write(
                {
                    "countersign_state": "countersigned",
                    "countersigned_by_id": self.env.user.id,
                    "countersign_date": self.env["cic.calendar"].today(),
                }
            )

    def _cic_check_countersign_pending(self):
        self.ensure_one()
        if self.countersign_state != "pending":
            raise UserError(
                self.env._(
                    "%(act)s is already countersigned or refused.",
                    act=self.display_name,
                )
            )

    def action_refuse_countersign(self):
        """Refuse to countersign with the written reasons: the refusal enters the
        register of refusals (published in the MOL, Annex 1 section f))."""
        self._cic_check_secretary()
        self._cic_check_in_force_state()
        Refusal = self.env["cic.countersign.refusal"]
        for act in self:
            act._cic_check_countersign_pending()
            if not (act.countersign_refusal_reason or "").strip():
                raise UserError(
                    self.env._(
                        "Write the reasons for refusing to countersign %(act)s.",
                        act=act.display_name,
                    )
                )
            act._cic_act_write(
                {
                    "countersign_state": "refused",
                    "countersigned_by_id": self.env.user.id,
                    "countersign_date": self.env["cic.calendar"].today(),
                }
            )
            Refusal._cic_register(act)

    def action_communicate_prefect(self):
        """Record the communication to the prefect, dated today."""
        self._cic_check_in_force_state()
        for act in self:
            if act.countersign_state == "pending":
                raise UserError(
                    self.env._(
                        "%(act)s must be countersigned, or the refusal recorded, "
                        "before it is communicated to the prefect.",
                        act=act.display_name,
                    )
                )
            if act.prefect_communication_date:
                continue
            act._cic_act_write(
                {"prefect_communication_date": self.env["cic.calendar"].today()}
            )

    def _cic_publishable(self):
        """Whether this act may appear in the MOL (policy of the subclasses)."""
        self.ensure_one()
        return True

    def _cic_publication_report(self):
        """xml id of the report that renders the act without signatures."""
        raise NotImplementedError()

    def _cic_render_publication(self):
        """Render the act's public text (no signature, no personal data) and
        return ``(content, file name)``; in test mode the report engine returns
        HTML instead of a PDF."""
        self.ensure_one()
        content, _kind = (
            self.env["ir.actions.report"]
            .with_context(lang=self.company_id.partner_id.lang or self.env.lang)
            ._render_qweb_pdf(self._cic_publication_report(), self.ids)
        )
        return content, f"{self.number_display.replace('/', '-')}.pdf"

    def _cic_check_published_file(self):
        self.ensure_one()
        if self.published_file and not (
            self.published_file_name or ""
        ).lower().endswith(".pdf"):
            raise UserError(
                self.env._(
                    "The published document of %(act)s must be a PDF.",
                    act=self.display_name,
                )
            )

    def action_publish(self):
        self._cic_check_in_force_state()
        for act in self:
            if not act._cic_publishable():
                raise UserError(
                    self.env._(
                        "%(act)s is an individual act: the settings do not publish "
                        "individual acts in the Monitorul Oficial Local.",
                        act=act.display_name,
                    )
                )
            if not act.prefect_communication_date:
                raise UserError(
                    self.env._(
                        "Communicate %(act)s to the prefect before publishing it.",
                        act=act.display_name,
                    )
                )
            if not act.anonymised:
                raise UserError(
                    self.env._(
                        "Check that the document of %(act)s has no handwritten "
                        "signature and no personal data, and tick the box, before "
                        "publishing it.",
                        act=act.display_name,
                    )
                )
            act._cic_check_published_file()
            vals = {
                "is_published": True,
                "publication_date": self.env["cic.calendar"].today(),
            }
            if not act.published_file:
                content, file_name = act._cic_render_publication()
                vals.update(
                    published_file=base64.b64encode(content),
                    published_file_name=file_name,
                )
            act._cic_act_write(vals)

    def action_unpublish(self):
        self._cic_check_secretary()
        self._cic_act_write({"is_published": False})
