# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Fees gate the release of the answer and documents, in the back office too.

A request that owes a fee (a paid service, R-POR-3; copies of public information,
Law 544/2001 art. 9(1), R-544-4) has its answer dispatched and its issued documents
or copies released only once the fee is invoiced and paid (Codul fiscal art. 473),
or once a department head (or the secretary general) records an exemption with its
reason. The registry asks ``_cic_release_blocker`` before every dispatch of an
answer; the portal asks it before showing an issued document.

The exemption (who, when, why) is a protected workflow field: only
``_cic_exempt_fee`` writes it, audited in the chatter and the audit log.
"""

from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_amount

EXEMPTION_GROUP = "cic_registry.group_cic_department_head"
EXEMPTION_FIELDS = frozenset(
    {"cic_fee_exempt_by_id", "cic_fee_exempt_date", "cic_fee_exempt_reason"}
)
EXEMPTION_EVENT = "fee_exemption"
COPY_FIELDS = ("cic_foi_copy_tariff_id", "cic_foi_copy_pages")


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    cic_fee_state = fields.Selection(
        [
            ("none", "No fee"),
            ("unpaid", "Fee not paid"),
            ("paid", "Fee paid"),
            ("exempt", "Fee exempted"),
        ],
        string="Fee",
        compute="_compute_cic_fee_state",
        store=True,
    )
    cic_fee_exempt_by_id = fields.Many2one(
        "res.users",
        string="Fee exempted by",
        readonly=True,
        copy=False,
        tracking=True,
        help="Department head or secretary general who exempted the request from "
        "its fee, so that its answer and documents are released without payment.",
    )
    cic_fee_exempt_date = fields.Datetime(
        string="Fee exempted on", readonly=True, copy=False
    )
    cic_fee_exempt_reason = fields.Text(
        string="Reason for the fee exemption",
        readonly=True,
        copy=False,
        help="The legal ground or decision that exempts the request from its fee "
        "(e.g. Codul fiscal art. 476, an HCL, a waived copy fee).",
    )

    @api.depends(
        "cic_invoice_id.payment_state", "cic_invoice_id.state", "cic_fee_exempt_by_id"
    )
    def _compute_cic_fee_state(self):
        """The fee invoice's state; an exempted fee is 'exempt': nothing left to
        pay."""
        for ticket in self:
            invoice = ticket.cic_invoice_id
            if not invoice or invoice.state == "cancel":
                ticket.cic_fee_state = "none"
            elif invoice.payment_state in ("paid", "in_payment"):
                ticket.cic_fee_state = "paid"
            else:
                ticket.cic_fee_state = "unpaid"
            # Only an unpaid fee can be exempted; its invoice is then settled by a
            # credit note, which Odoo counts as paid or reversed.
            if ticket.cic_fee_exempt_by_id:
                ticket.cic_fee_state = "exempt"

    @api.model
    def _cic_protected_fields(self):
        """Only the exemption action records an exemption."""
        return super()._cic_protected_fields() | EXEMPTION_FIELDS

    def write(self, vals):
        if set(COPY_FIELDS) & set(vals):
            self._cic_copies_changed(vals)._cic_check_copies_not_invoiced()
        return super().write(vals)

    # ------------------------------------------------------------------
    # The gate
    # ------------------------------------------------------------------
    def _cic_copies_requested(self):
        """A public-information request whose copies carry a fee (R-544-4);
        access without copies stays free."""
        self.ensure_one()
        return self.cic_procedure_id.code == "foi_request" and self.cic_foi_copy_fee > 0

    def _cic_fee_owed(self):
        """The request owes a fee: its service charges one, or copies."""
        self.ensure_one()
        return bool(self.cic_service_id.has_fee or self._cic_copies_requested())

    def _cic_fee_blocker(self):
        """Why the fee stops the release (unpaid, or owed and not invoiced), as a
        translated message; empty when paid, exempted or nothing is owed."""
        self.ensure_one()
        # sudo: the invoice's number and amount only, also for the petitioner or
        # a visitor with the link, who may not read the invoice itself.
        ticket = self.sudo()
        number = ticket._cic_number_label()
        if ticket.cic_fee_state == "unpaid":
            invoice = ticket.cic_invoice_id
            return self.env._(
                "The fee of %(number)s is not paid (invoice %(invoice)s, "
                "%(amount)s left to pay): its answer and documents are released "
                "once it is paid, or once a department head records an exemption "
                "with its reason (Codul fiscal art. 473).",
                number=number,
                invoice=invoice.name or invoice.display_name,
                amount=format_amount(
                    self.env, invoice.amount_residual, invoice.currency_id
                ),
            )
        if ticket.cic_fee_state != "none" or not ticket._cic_fee_owed():
            return ""
        if ticket._cic_copies_requested():
            return self.env._(
                "The copies of %(number)s (%(pages)s pages, %(amount)s) are released "
                "only after their fee is invoiced to the requester and paid (Law "
                "544/2001 art. 9(1)): use 'Invoice the fee' first, or have a "
                "department head record an exemption.",
                number=number,
                pages=ticket.cic_foi_copy_pages,
                amount=format_amount(
                    self.env, ticket.cic_foi_copy_fee, ticket.cic_currency_id
                ),
            )
        return self.env._(
            "The fee of %(number)s (%(service)s) is not invoiced yet: use 'Invoice "
            "the fee', and the answer and documents are released once it is paid, "
            "or have a department head record an exemption.",
            number=number,
            service=ticket.cic_service_id.name,
        )

    def _cic_release_blocker(self):
        return super()._cic_release_blocker() or self._cic_fee_blocker()

    def message_post(self, **kwargs):
        self._cic_check_sent_documents(kwargs)
        return super().message_post(**kwargs)

    def _cic_check_sent_documents(self, kwargs):
        """A document sent through the chatter (a message, not an internal note) is
        a release too: not before the fee is paid or exempted (Codul fiscal art.
        473), or the petitioner would receive by e-mail what the portal and the
        dispatch withhold. Internal notes keep their attachments."""
        if self.env.su or not (
            kwargs.get("attachment_ids") or kwargs.get("attachments")
        ):
            return
        subtype_id = kwargs.get("subtype_id") or (
            kwargs.get("subtype_xmlid") and self.env.ref(kwargs["subtype_xmlid"]).id
        )
        if subtype_id != self.env.ref("mail.mt_comment").id:
            return  # an internal note (Odoo's default subtype)
        for ticket in self:
            blocker = ticket._cic_fee_blocker()
            if blocker:
                raise UserError(
                    self.env._(
                        "Documents are not sent before the fee is settled: %(why)s "
                        "Post them as an internal note meanwhile.",
                        why=blocker,
                    )
                )

    def _cic_documents_released(self):
        """Codul fiscal art. 473, Law 544/2001 art. 9(1): issued documents and
        copies only once the fee owed is paid or exempted."""
        return self.cic_fee_state != "unpaid" and super()._cic_documents_released()

    def _cic_copies_changed(self, vals):
        """The entries whose copies (pages or tariff) ``vals`` changes."""
        return self.filtered(
            lambda t: (
                "cic_foi_copy_pages" in vals
                and t.cic_foi_copy_pages != (vals["cic_foi_copy_pages"] or 0)
            )
            or (
                "cic_foi_copy_tariff_id" in vals
                and t.cic_foi_copy_tariff_id.id
                != (vals["cic_foi_copy_tariff_id"] or False)
            )
        )

    def _cic_check_copies_not_invoiced(self):
        """The invoice says pages x tariff: the copies are not changed after it."""
        for ticket in self:
            invoice = ticket.sudo().cic_invoice_id
            if ticket.cic_procedure_id.code == "foi_request" and (
                invoice and invoice.state != "cancel"
            ):
                raise UserError(
                    self.env._(
                        "The copies of %(number)s are invoiced (%(invoice)s): ask "
                        "finance to cancel the invoice before changing the pages or "
                        "the tariff.",
                        number=ticket._cic_number_label(),
                        invoice=invoice.name,
                    )
                )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_cic_invoice_fee(self):
        """CIC clerk: issue the fee invoice (service fee or Law 544 copies, pages
        x tariff) to the petitioner, who pays it on the portal or at the counter
        before the release (R-544-4)."""
        self._cic_check_clerk()
        self.check_access("write")
        for ticket in self:
            if ticket.cic_fee_state != "none":
                raise UserError(
                    self.env._(
                        "The fee of %(number)s is already invoiced.",
                        number=ticket._cic_number_label(),
                    )
                )
            if not ticket._cic_fee_owed():
                raise UserError(
                    self.env._(
                        "%(number)s owes no fee: access to public information is "
                        "free, only copies are paid (Law 544/2001 art. 9(1)).",
                        number=ticket._cic_number_label(),
                    )
                )
        # Narrow sudo: the clerk need not be an accountant; the invoice is the
        # petitioner's, built from the entry's own service, copies and tariff. An
        # invoice finance cancelled (to correct the copies) is replaced.
        tickets = self.sudo()
        tickets.filtered(lambda t: t.cic_invoice_id.state == "cancel").write(
            {"cic_invoice_id": False}
        )
        tickets._cic_create_fee_invoice()
        for ticket in self:
            invoice = ticket.sudo().cic_invoice_id
            ticket.message_post(
                body=self.env._(
                    "Fee invoice %(invoice)s issued to %(partner)s: %(amount)s.",
                    invoice=invoice.name or invoice.display_name,
                    partner=ticket.partner_id.display_name,
                    amount=format_amount(
                        self.env, invoice.amount_total, invoice.currency_id
                    ),
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def action_cic_open_fee_exempt(self):
        return self._cic_open_wizard("cic.fee.exempt", self.env._("Exempt the fee"))

    def _cic_exempt_fee(self, reason):
        """A department head (or the secretary general) exempts the request from
        its fee: the answer and documents are released without payment. Who, when
        and why are recorded, in the chatter and in the audit log."""
        self.ensure_one()
        self._cic_check_group(
            EXEMPTION_GROUP,
            self.env._(
                "Only a department head or the secretary general may exempt a "
                "request from its fee."
            ),
        )
        reason = (reason or "").strip()
        if not reason:
            raise UserError(
                self.env._(
                    "Give the reason for the fee exemption (its legal ground or "
                    "decision)."
                )
            )
        if self.cic_fee_exempt_by_id:
            raise UserError(
                self.env._(
                    "%(number)s is already exempted from its fee.",
                    number=self._cic_number_label(),
                )
            )
        blocker = self._cic_fee_blocker()
        if not blocker:
            raise UserError(
                self.env._(
                    "%(number)s has no unpaid fee to exempt.",
                    number=self._cic_number_label(),
                )
            )
        invoice = self.sudo().cic_invoice_id
        self._cic_wf().write(
            {
                "cic_fee_exempt_by_id": self.env.user.id,
                "cic_fee_exempt_date": fields.Datetime.now(),
                "cic_fee_exempt_reason": reason,
            }
        )
        refund = self._cic_settle_exempted_invoice(invoice, reason)
        self.env["cic.audit.log"].log(
            self,
            EXEMPTION_EVENT,
            field_name=self._fields["cic_fee_exempt_reason"].get_description(self.env)[
                "string"
            ],
            old=invoice.name or "",
            new=reason,
            note=blocker,
        )
        self.message_post(
            body=Markup("%s<br/>%s")
            % (
                self.env._(
                    "Fee exemption recorded by %(user)s: the answer and documents "
                    "are released without payment.",
                    user=self.env.user.name,
                ),
                self.env._("Reason: %(reason)s", reason=reason),
            )
            + (
                Markup("<br/>%s")
                % self.env._(
                    "Credit note %(refund)s settles what was left to pay on the "
                    "invoice %(invoice)s.",
                    refund=refund.name,
                    invoice=invoice.name,
                )
                if refund
                else Markup("")
            ),
            subtype_xmlid="mail.mt_note",
        )
        return True

    def _cic_settle_exempted_invoice(self, invoice, reason):
        """Nothing stays owed after an exemption, so that finance's receivables,
        the citizen's portal and the fee report agree: a draft invoice is
        cancelled; a posted one gets a credit note for what is left to pay,
        reconciled with it. Returns the credit note, if any."""
        self.ensure_one()
        # sudo: the head who exempts need not be an accountant; only this
        # request's own invoice is settled, for exactly its residual amount.
        invoice = invoice.sudo()
        Move = invoice.env["account.move"]
        if not invoice or invoice.state == "cancel":
            return Move
        if invoice.state == "draft":
            invoice.button_cancel()
            return Move
        residual = invoice.amount_residual
        if invoice.currency_id.is_zero(residual):
            return Move
        line = invoice.invoice_line_ids[:1]
        refund = Move.create(
            {
                "move_type": "out_refund",
                "partner_id": invoice.partner_id.id,
                "journal_id": invoice.journal_id.id,
                "currency_id": invoice.currency_id.id,
                "invoice_origin": invoice.name,
                "reversed_entry_id": invoice.id,
                "ref": reason[:200],
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": self.env._(
                                "Fee exemption of %(number)s",
                                number=self._cic_number_label(),
                            ),
                            "product_id": line.product_id.id,
                            "account_id": line.account_id.id,
                            "quantity": 1,
                            "price_unit": residual,
                            "tax_ids": [Command.clear()],
                        }
                    )
                ],
            }
        )
        refund.action_post()
        (invoice.line_ids | refund.line_ids).filtered(
            lambda aml: aml.account_type == "asset_receivable" and not aml.reconciled
        ).reconcile()
        return refund
