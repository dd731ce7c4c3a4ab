# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

TRACKING_TEXTS = (
    "old_value_char",
    "new_value_char",
    "old_value_text",
    "new_value_text",
)


def quoting(records, fnames, personal):
    """The records whose fields ``fnames`` contain one of the texts ``personal``
    (case-insensitive)."""
    needles = [value.lower() for value in personal]
    if not needles:
        return records.browse()
    return records.filtered(
        lambda rec: any(
            needle in str(rec[fname] or "").lower()
            for fname in fnames
            for needle in needles
        )
    )


def anonymise_chatter(records, partners, personal=()):
    """Remove the persons ``partners`` from the chatter of ``records``:
    followers, authors, bodies and attachments of messages they wrote, of
    e-mails and comments, and of every message (notification, acknowledgement,
    log) or tracking value that quotes their data (``personal``)."""
    if not records:
        return
    env = records.env
    records.sudo().message_unsubscribe(partner_ids=partners.ids)
    Message = env["mail.message"].sudo()
    on_records = [("model", "=", records._name), ("res_id", "in", records.ids)]
    messages = Message.search(
        [
            *on_records,
            "|",
            ("author_id", "in", partners.ids),
            ("message_type", "in", ("email", "comment")),
        ]
    )
    messages |= quoting(
        Message.search(on_records), ("body", "subject", "email_from"), personal
    )
    messages.attachment_ids.unlink()
    env["mail.mail"].sudo().search([("mail_message_id", "in", messages.ids)]).unlink()
    messages.write(
        {
            "body": False,
            "subject": False,
            "author_id": False,
            "email_from": False,
            "reply_to": False,
            "partner_ids": [fields.Command.clear()],
        }
    )
    quoting(
        Message.search(on_records).tracking_value_ids, TRACKING_TEXTS, personal
    ).unlink()


class HelpdeskTicket(models.Model):
    """Archive side of registry entries: nomenclator file and retention only.

    This is a second `_inherit = "helpdesk.ticket"` class, kept apart from the core
    registry class in `helpdesk_ticket.py`. It holds only the nomenclator file
    indicator (R-REG-3, R-REG-5), the retention date (R-REG-6) and the
    anonymisation done after a selection commission decision (R-GDPR-2).
    """

    _inherit = "helpdesk.ticket"

    cic_nomenclator_entry_id = fields.Many2one(
        "cic.nomenclator.entry",
        string="Nomenclator file",
        compute="_compute_cic_nomenclator_entry_id",
        store=True,
        readonly=False,
        index=True,
        tracking=True,
        domain="[('company_id', '=', company_id)]",
        help="File of the archive nomenclator the document goes into. Defaults "
        "from the procedure and department.",
    )
    # Declared in helpdesk_ticket.py as a plain register column; here it follows
    # the nomenclator file when one is chosen and stays free text otherwise
    # (legacy registers).
    cic_file_indicator = fields.Char(
        compute="_compute_cic_file_indicator", store=True, readonly=False
    )
    cic_file_year = fields.Integer(
        string="File year",
        compute="_compute_cic_file_year",
        store=True,
        help="Year of registration: files are created per calendar year.",
    )
    cic_destroy_eligible_date = fields.Date(
        string="Retention expires",
        compute="_compute_cic_destroy_eligible_date",
        store=True,
        help="31 December of the file year plus the retention term; empty for "
        "permanent files. Nothing is deleted automatically.",
    )
    cic_archive_selection_id = fields.Many2one(
        "cic.archive.selection",
        string="Selection decision",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )
    cic_anonymised_date = fields.Datetime(
        string="Anonymised on", readonly=True, copy=False
    )

    @api.depends("cic_registration_date", "create_date", "cic_legacy_date")
    def _compute_cic_file_year(self):
        calendar = self.env["cic.calendar"]
        for ticket in self:
            if ticket.cic_legacy_date:
                # files of legacy entries belong to the year of their original date
                ticket.cic_file_year = ticket.cic_legacy_date.year
                continue
            moment = ticket.cic_registration_date or ticket.create_date
            # local (Bucharest) year: 1 January 00:30 belongs to the new year
            day = calendar.local_date(moment) if moment else calendar.today()
            ticket.cic_file_year = day.year

    @api.depends("cic_procedure_id", "team_id", "company_id", "cic_file_year")
    def _compute_cic_nomenclator_entry_id(self):
        entry_model = self.env["cic.nomenclator.entry"]
        for ticket in self:
            if ticket.cic_nomenclator_entry_id:
                continue
            ticket.cic_nomenclator_entry_id = entry_model._cic_default_entry(
                ticket.cic_file_year or self.env["cic.calendar"].today().year,
                ticket.company_id or self.env.company,
                procedure=ticket.cic_procedure_id,
                team=ticket.team_id,
            )

    @api.depends("cic_nomenclator_entry_id")
    def _compute_cic_file_indicator(self):
        entries = self.env["cic.nomenclator.entry"]
        for ticket in self:
            if ticket.cic_nomenclator_entry_id:
                ticket.cic_file_indicator = entries._cic_file_values(
                    ticket.cic_nomenclator_entry_id.id
                )[0]

    @api.depends(
        "cic_nomenclator_entry_id.retention_type",
        "cic_nomenclator_entry_id.retention_years",
        "cic_file_year",
    )
    def _compute_cic_destroy_eligible_date(self):
        for ticket in self:
            entry = ticket.cic_nomenclator_entry_id
            ticket.cic_destroy_eligible_date = (
                entry._cic_destroy_eligible_date(ticket.cic_file_year)
                if entry
                else False
            )

    # ------------------------------------------------------------ anonymisation
    def _cic_anonymise_vals(self):
        """Values that erase the petitioner's data from the entry. Other modules
        extend this with their own personal-data fields."""
        vals = {
            "partner_id": False,
            "partner_name": self.env._("Anonymised petitioner"),
            "partner_email": False,
            "description": Markup("<p>%s</p>")
            % self.env._("Content removed after the selection commission's decision."),
            "notes": False,
            "cic_answer_body": False,
            "cic_foi_reply_address": False,
            # The sent PDF (helpdesk_ticket_esign.py) names the petitioner: it goes
            # with his data; its hash stays.
            "cic_letter_pdf": False,
            "cic_letter_pdf_name": False,
        }
        if self.cic_recipient_id and not self.cic_recipient_id.is_company:
            vals["cic_recipient_id"] = False
        return vals

    def _cic_anonymise_partners(self):
        """Persons whose data the entries hold: the petitioner and, on outgoing
        entries, the recipient. Other modules add theirs."""
        return self.partner_id | self.cic_recipient_id

    def _cic_personal_values(self, partners):
        """Texts that identify the persons (name, e-mail, phones, CNP, street),
        looked for in the copies (audit log, chatter, tracking values). Values
        shorter than 4 characters would match anything and are left out."""
        values = set()
        for partner in partners.sudo().filtered(lambda p: not p.is_company):
            values.update(
                (
                    partner.name,
                    partner.email,
                    partner.phone,
                    partner.mobile,
                    partner.cic_cnp,
                    partner.street,
                )
            )
        for ticket in self.sudo():
            values.update((ticket.partner_name, ticket.partner_email))
        return {value.strip() for value in values if value and len(value.strip()) >= 4}

    def _cic_anonymise(self, selection):
        """Erase personal data of these entries after the commission decision
        `selection` (R-GDPR-2): the entry's fields, the chatter, the tracking
        values, the audit log values and, through the partners, the CNP access
        log. The registry columns (number, date, summary, department, file) stay,
        as the register itself is kept. Outgoing answers sharing the entry's
        number are anonymised with it."""
        if selection.state != "decided":
            raise UserError(
                self.env._(
                    "Personal data can be anonymised only after a recorded "
                    "decision of the selection commission."
                )
            )
        tickets = self.sudo().filtered(lambda t: not t.cic_anonymised_date)
        tickets |= tickets.cic_answer_ids.filtered(lambda t: not t.cic_anonymised_date)
        partners = tickets._cic_anonymise_partners()
        personal = tickets._cic_personal_values(partners)
        for ticket in tickets.with_context(tracking_disable=True):
            ticket.write(
                dict(
                    ticket._cic_anonymise_vals(),
                    cic_anonymised_date=fields.Datetime.now(),
                    cic_archive_selection_id=selection.id,
                )
            )
        # After the writes: they log their own corrections (old petitioner).
        tickets._cic_anonymise_copies(partners, personal)
        partners._cic_anonymise_if_unused()
        return tickets

    def _cic_anonymise_copies(self, partners, personal):
        """Erase the copies of the persons' data kept outside the entries' own
        fields. Other modules extend this (audiences' calendar events)."""
        self._cic_anonymise_messages(partners, personal)
        self.env["cic.audit.log"].sudo()._cic_anonymise_values(
            self._name, self.ids, personal
        )

    def _cic_anonymise_messages(self, partners, personal=()):
        anonymise_chatter(self, partners, personal)
        self.env["ir.attachment"].sudo().search(
            [("res_model", "=", self._name), ("res_id", "in", self.ids)]
        ).unlink()
