# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Fields of the online forms, edited by the administrator.

Every online form has a frame the law requires and the code always asks:
the petitioner's name and e-mail (answer address), the postal address where
the procedure needs it (OG 27/2002 art. 7), the subject and the text of the
request (Law 544/2001 art. 6(3): the information requested). Below the frame
come the fields of the procedure (e.g. the answer format of a Law 544 request)
and the fields of the service, records of this model. The fields a procedure's
legal minimum names (``LEGAL_MINIMUM``) are required by the code whatever their
record says, and their records can be relabelled but not removed or made optional.
"""

import datetime
import math
import re

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.misc import format_date

IDENTITY = ("first_name", "last_name", "email")
ADDRESS = ("street", "street_number", "locality", "county")
REQUEST = ("subject", "message")
# The legal minimum of each procedure (by its code): the frame fields and the
# procedure's own fields the law requires. A procedure not listed here (a
# service's own procedure) is a request under OG 27/2002: name and postal address.
LEGAL_MINIMUM = {
    # OG 27/2002 art. 7 (R-PET-2, R-POR-1): name and postal address.
    "petition": IDENTITY + ADDRESS + REQUEST,
    "service_request": IDENTITY + ADDRESS + REQUEST,
    # Law 544/2001 art. 6(3) (R-544-1): name, information requested, the
    # address and the form of the answer.
    "foi_request": (*IDENTITY, *REQUEST, "answer_format"),
    # Law 544/2001 art. 21 (R-544-7): against a refusal or a missing answer.
    "foi_complaint": (*IDENTITY, *REQUEST, "complaint_type"),
    # Law 52/2003: the author of a recommendation and its text.
    "transparency_recommendation": IDENTITY + REQUEST,
    # GDPR art. 15-21: the right exercised; no postal address, the identity is
    # confirmed only when in doubt (art. 12(6)).
    "gdpr_request": (*IDENTITY, *REQUEST, "gdpr_right"),
}
DEFAULT_PROCEDURE = "service_request"
# Names the form frame, its guards and the other blocks of the form already use.
RESERVED_KEYS = frozenset(
    IDENTITY
    + ADDRESS
    + REQUEST
    + (
        "phone",
        "zip",
        "attachments",
        "consent",
        "csrf_token",
        "form_token",
        "cic_website",
        "draft_id",
        "surface_m2",
        "urgency",
        "person_type",
        "org_name",
        "org_cui",
        "represented_collective",
        "recaptcha_token_response",
        "turnstile_captcha",
        "gdpr_right",
    )
)
KEY_RE = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
MAX_TEXT = 1000
DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y")
FIELD_TYPES = [
    ("text", "Text"),
    ("number", "Number"),
    ("date", "Date"),
    ("choice", "Choice"),
    ("file", "File"),
]


class CicServiceField(models.Model):
    _name = "cic.service.field"
    _description = "CIC online form field"
    _order = "sequence, id"

    service_id = fields.Many2one(
        "cic.service", string="Service", ondelete="cascade", index=True
    )
    procedure_id = fields.Many2one(
        "cic.procedure",
        string="Procedure",
        ondelete="cascade",
        index=True,
        help="A field of the procedure is asked on its own online form and on "
        "the form of every service of the procedure.",
    )
    company_id = fields.Many2one(
        "res.company",
        compute="_compute_company_id",
        store=True,
        index=True,
        help="The commune of the service; empty for a procedure shared by all.",
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Label", required=True, translate=True)
    key = fields.Char(
        string="Technical name",
        compute="_compute_key",
        store=True,
        readonly=False,
        help="Name of the answer in the form (lowercase letters, digits and _), "
        "unique on the form.",
    )
    field_type = fields.Selection(
        FIELD_TYPES, string="Type", required=True, default="text"
    )
    required = fields.Boolean()
    help = fields.Char(
        string="Help", translate=True, help="Shown under the field on the portal."
    )
    options = fields.Text(
        translate=True,
        help="Choice: one option per line. A line 'code|Label' stores the code "
        "and shows the label.",
    )
    default = fields.Char(
        string="Default answer",
        help="Choice: the code of the option selected when the form opens.",
    )
    legal = fields.Boolean(
        string="Legal minimum",
        compute="_compute_legal",
        help="Required by law for this procedure: it cannot be removed, made "
        "optional or given another type.",
    )

    @api.depends("name")
    def _compute_key(self):
        for field in self:
            if not field.key and field.name:
                slug = self.env["ir.http"]._slugify(field.name).replace("-", "_")
                slug = re.sub(r"[^a-z0-9_]", "", slug).lstrip("_0123456789")
                field.key = (slug or "field")[:30]

    @api.depends("service_id.company_id", "procedure_id.company_id")
    def _compute_company_id(self):
        for field in self:
            field.company_id = (
                field.service_id.company_id or field.procedure_id.company_id
            )

    @api.depends("key", "procedure_id.code")
    def _compute_legal(self):
        for field in self:
            # sudo: visitors read the form, not the procedures.
            code = field.sudo().procedure_id.code
            field.legal = bool(code and field.key in LEGAL_MINIMUM.get(code, ()))

    # ------------------------------------------------------------------
    # Legal minimum
    # ------------------------------------------------------------------
    @api.model
    def _cic_legal_minimum(self, procedure_code):
        """Names the form must always require for the procedure (code)."""
        return LEGAL_MINIMUM.get(procedure_code, LEGAL_MINIMUM[DEFAULT_PROCEDURE])

    @api.constrains("service_id", "procedure_id")
    def _check_owner(self):
        for field in self:
            if bool(field.service_id) == bool(field.procedure_id):
                raise ValidationError(
                    self.env._(
                        "The form field %s belongs either to a service or to a "
                        "procedure.",
                        field.name,
                    )
                )

    @api.constrains("key", "service_id", "procedure_id")
    def _check_key(self):
        for field in self:
            if not KEY_RE.match(field.key or "") or field.key in RESERVED_KEYS:
                raise ValidationError(
                    self.env._(
                        "The technical name of the form field %(label)s must start "
                        "with a letter, use only lowercase letters, digits and _, "
                        "and not be one of the names the form already uses "
                        "(%(reserved)s).",
                        label=field.name,
                        reserved=", ".join(sorted(RESERVED_KEYS)),
                    )
                )
            others = field._cic_form_siblings() - field
            if field.key in others.mapped("key"):
                raise ValidationError(
                    self.env._("The form already has a field named %s.", field.key)
                )

    @api.constrains("field_type", "options")
    def _check_options(self):
        for field in self.filtered(lambda f: f.field_type == "choice"):
            codes = [code for code, _label in field._cic_options()]
            if not codes or len(codes) != len(set(codes)):
                raise ValidationError(
                    self.env._(
                        "The choice %s needs its options, one per line, each "
                        "different.",
                        field.name,
                    )
                )

    @api.constrains("required", "field_type", "key", "procedure_id")
    def _check_legal(self):
        for field in self.filtered("legal"):
            if not field.required or field.field_type != "choice":
                raise ValidationError(
                    self.env._(
                        "%s is required by law on this form: it stays a "
                        "required choice.",
                        field.name,
                    )
                )

    def write(self, vals):
        for field in self.filtered("legal"):
            if (
                ("key" in vals and vals["key"] != field.key)
                or (
                    "procedure_id" in vals
                    and vals["procedure_id"] != field.procedure_id.id
                )
                or vals.get("service_id")
            ):
                raise UserError(self._cic_legal_message(field))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_legal(self):
        for field in self.filtered("legal"):
            raise UserError(self._cic_legal_message(field))

    def _cic_legal_message(self, field):
        return self.env._(
            "%s is required by law on the form of its procedure: it cannot be "
            "removed or moved.",
            field.name,
        )

    # ------------------------------------------------------------------
    # The form
    # ------------------------------------------------------------------
    def _cic_form_siblings(self):
        """The other fields shown on the same forms as this one."""
        self.ensure_one()
        domain = [("procedure_id", "=", self.procedure_id.id)]
        if self.service_id:
            domain = [
                "|",
                ("service_id", "=", self.service_id.id),
                ("procedure_id", "=", self.service_id.procedure_id.id),
            ]
        elif self.procedure_id:
            domain = [
                "|",
                ("procedure_id", "=", self.procedure_id.id),
                ("service_id.procedure_id", "=", self.procedure_id.id),
            ]
        return self.sudo().search(domain)

    @api.model
    def _cic_form_fields(self, procedure, service=None):
        """Fields of the online form of a procedure, or of a service: its
        procedure's fields, then its own, in the order set by the administrator.
        Searched as the visitor: a service's fields are read only while it is
        published (record rule)."""
        if service:
            return self.search(
                [
                    "|",
                    ("service_id", "=", service.id),
                    ("procedure_id", "=", service.procedure_id.id),
                ]
            )
        if not procedure:
            return self.browse()
        return self.search([("procedure_id", "=", procedure.id)])

    def _cic_options(self):
        """[(code, label)] of a choice, from its lines 'code|Label' or 'Label'."""
        self.ensure_one()
        options = []
        for line in (self.options or "").splitlines():
            code, _sep, label = line.partition("|")
            code, label = code.strip(), label.strip()
            if code:
                options.append((code, label or code))
        return options

    def _cic_parse_form(self, post, files):
        """Parse the answers to these fields of a submitted form.

        Return (answers, errors): answers is a list of answer values (see
        ``cic.request.form.answer``), with ``upload`` (name, bytes, mimetype) for
        a file; errors is {key: message}. The legal minimum is enforced by the
        caller's frame and by ``_cic_legal_minimum``.
        """
        answers, errors = [], {}
        for field in self:
            try:
                answer = field._cic_parse_answer(
                    post.get(field.key), files.get(field.key)
                )
            except ValidationError as exc:
                errors[field.key] = exc.args[0]
                continue
            if answer:
                answers.append(answer)
        return answers, errors

    def _cic_parse_answer(self, raw, upload=None):
        """Answer values of this field, None when left empty (and optional)."""
        self.ensure_one()
        if self.field_type == "file":
            if not upload or not upload.filename:
                return self._cic_empty()
            name, data, mimetype = self.env["ir.attachment"]._cic_portal_read_upload(
                upload
            )
            return self._cic_answer(name, upload=(name, data, mimetype))
        raw = (raw or "").strip() if isinstance(raw, str) else ""
        if not raw:
            return self._cic_empty()
        parser = getattr(self, f"_cic_parse_{self.field_type}")
        return parser(raw)

    def _cic_empty(self):
        if self.required or self.legal:
            raise ValidationError(self.env._("%s is required.", self.name))
        return None

    def _cic_answer(self, value, **extra):
        return {
            "field_id": self.id,
            "sequence": self.sequence,
            "name": self.name,
            "field_type": self.field_type,
            "value": value,
            **extra,
        }

    def _cic_parse_text(self, raw):
        if len(raw) > MAX_TEXT:
            raise ValidationError(
                self.env._(
                    "%(label)s: at most %(count)s characters.",
                    label=self.name,
                    count=MAX_TEXT,
                )
            )
        return self._cic_answer(raw)

    def _cic_parse_number(self, raw):
        text = raw.replace(" ", "").replace("\u00a0", "")
        if "," in text:  # Romanian decimal comma, dots as thousands separators
            text = text.replace(".", "").replace(",", ".")
        try:
            number = float(text)
        except ValueError:
            number = math.nan
        if not math.isfinite(number):
            raise ValidationError(
                self.env._("%s must be a number, for example 12,5.", self.name)
            )
        return self._cic_answer(f"{number:.15g}", value_number=number)

    def _cic_parse_date(self, raw):
        for date_format in DATE_FORMATS:
            try:
                day = datetime.datetime.strptime(raw, date_format).date()
            except ValueError:
                continue
            if 1900 <= day.year <= 2200:
                return self._cic_answer(
                    format_date(self.env, day, date_format="dd.MM.yyyy"),
                    value_date=day,
                )
        raise ValidationError(
            self.env._("%s must be a date, for example 31.01.2026.", self.name)
        )

    def _cic_parse_choice(self, raw):
        labels = dict(self._cic_options())
        if raw not in labels:
            raise ValidationError(
                self.env._("Please choose one of the options of %s.", self.name)
            )
        return self._cic_answer(labels[raw], value_code=raw)
