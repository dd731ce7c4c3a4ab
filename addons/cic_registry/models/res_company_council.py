# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Settings of the Local Council and the Monitorul Oficial Local (issue 17 point 3).

The defaults are the terms of the Codul administrativ (OUG 57/2019) as read in
R-TD-7 and R-TD-9 (docs/requirements.md): the convocation is sent 5 days
(ordinary session) or 3 days (extraordinary session) ahead, counted as CPC
art. 181 (art. 134); acts are communicated to the prefect within 10 working days
(art. 197(1)); normative acts are published within 5 days of that communication
(art. 198).
"""

from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    cic_council_ordinary_notice_days = fields.Integer(
        string="Convocation term, ordinary session (days)",
        default=5,
        help="Free days between the convocation and an ordinary session, counted "
        "as CPC art. 181: neither the day of the convocation nor the day of the "
        "session counts, and a term ending on a non-working day moves to the next "
        "working day (Codul administrativ art. 134(3) a)). Default 5.",
    )
    cic_council_extraordinary_notice_days = fields.Integer(
        string="Convocation term, extraordinary session (days)",
        default=3,
        help="Free days between the convocation and an extraordinary session, "
        "counted as CPC art. 181 (Codul administrativ art. 134(3) b)). Default 3. "
        "A session convened 'de îndată' has no term.",
    )
    cic_council_prefect_working_days = fields.Integer(
        string="Communication to the prefect (working days)",
        default=10,
        help="Working days after the adoption of a decision or the issue of a "
        "disposition within which it is communicated to the prefect (Codul "
        "administrativ art. 197(1)). Default 10.",
    )
    cic_council_publication_days = fields.Integer(
        string="Publication of normative acts (days)",
        default=5,
        help="Calendar days after the communication to the prefect within which a "
        "normative act is published in the Monitorul Oficial Local (Codul "
        "administrativ art. 198); a term ending on a non-working day moves to the "
        "next working day. Default 5.",
    )
    cic_mol_publish_individual = fields.Boolean(
        string="Publish individual council decisions",
        default=True,
        help="Annex 1 of the Codul administrativ lists the council's individual "
        "decisions in the MOL too. Turn off to publish normative decisions only "
        "(individual ones are then communicated to the persons concerned).",
    )
