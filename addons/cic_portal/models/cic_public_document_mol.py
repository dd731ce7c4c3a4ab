# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CicPublicDocument(models.Model):
    """Documents of the Monitorul Oficial Local that are not acts of the council or
    the mayor (issue 17 point 3, Codul administrativ Annex 1): the UAT's statute
    (section a)), the rules on administrative procedures (section b)), financial
    documents besides the budget (section e)) and other documents (section f)).
    They are listed on /cic/mol in their section."""

    _inherit = "cic.public.document"

    category = fields.Selection(
        selection_add=[
            ("uat_statute", "Statute of the administrative-territorial unit"),
            ("procedure_rules", "Rules on administrative procedures"),
            ("financial", "Financial document or information"),
            ("mol_other", "Other document of the Local Official Gazette"),
        ],
        ondelete={
            "uat_statute": "set default",
            "procedure_rules": "set default",
            "financial": "set default",
            "mol_other": "set default",
        },
    )
