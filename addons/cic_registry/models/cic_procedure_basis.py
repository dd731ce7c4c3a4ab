# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Legal basis of each term of a procedure besides the answer term (R-CAL-6):
forwarding, refusal, extension notice and extension. Shown next to the date each
term gives; filled for the procedures the suite ships, editable by the
administrator (a citation to correct is data, not code)."""

from odoo import api, fields, models

#: procedure code -> {field: citation}
DEFAULT_BASES = {
    "petition": {
        "forward_legal_basis": "OG 27/2002 art. 6^1",
        "extension_legal_basis": "OG 27/2002 art. 9",
    },
    "foi_request": {
        "refusal_legal_basis": "Legea 544/2001 art. 7(2); "
        "HG 123/2002 art. 16(1) lit. d)",
        "notice_legal_basis": "Legea 544/2001 art. 7(1); "
        "HG 123/2002 art. 16(1) lit. b)",
        "extension_legal_basis": "Legea 544/2001 art. 7(1); "
        "HG 123/2002 art. 16(1) lit. c)",
    },
    "gdpr_request": {
        "extension_legal_basis": "Regulamentul (UE) 2016/679 art. 12(3)",
    },
}
BASIS_FIELDS = (
    "forward_legal_basis",
    "refusal_legal_basis",
    "notice_legal_basis",
    "extension_legal_basis",
)


class CicProcedure(models.Model):
    _inherit = "cic.procedure"

    forward_legal_basis = fields.Char(
        string="Legal basis of the forwarding term",
        compute="_compute_term_legal_bases",
        store=True,
        readonly=False,
        help="Shown next to the forward-by date (OG 27/2002 art. 6^1).",
    )
    refusal_legal_basis = fields.Char(
        string="Legal basis of the refusal term",
        compute="_compute_term_legal_bases",
        store=True,
        readonly=False,
        help="Shown next to the refuse-by date (Law 544/2001 art. 7(2)).",
    )
    notice_legal_basis = fields.Char(
        string="Legal basis of the extension notice term",
        compute="_compute_term_legal_bases",
        store=True,
        readonly=False,
        help="Shown next to the date by which the applicant must be told that the "
        "term is extended (Law 544/2001 art. 7(1)).",
    )
    extension_legal_basis = fields.Char(
        string="Legal basis of the extension",
        compute="_compute_term_legal_bases",
        store=True,
        readonly=False,
        help="Named next to the legal due date once the term is extended "
        "(OG 27/2002 art. 9; Law 544/2001 art. 7(1)).",
    )

    @api.depends("code")
    def _compute_term_legal_bases(self):
        """The shipped citation of a known procedure, unless one is set."""
        for procedure in self:
            defaults = DEFAULT_BASES.get(procedure.code, {})
            for name in BASIS_FIELDS:
                procedure[name] = procedure[name] or defaults.get(name, False)
