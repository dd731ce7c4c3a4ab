# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Per-institution settings of the legal workflows (OG 27, Law 544, Law 52).

These are the POLICY choices of the legal spec: kept as company fields so that an
administrator can change them without touching code.
"""

from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    cic_td_notice_rule = fields.Selection(
        selection=[
            ("calendar", "At least N calendar days before the meeting"),
            ("free_days", "N free days (zile libere) before the meeting"),
        ],
        string="Public meeting notice rule",
        default="calendar",
        required=True,
        help="Law 52/2003 art. 8(1): the notice of a public meeting is published at "
        "least 3 days before it. The strict 'free days' reading excludes the meeting "
        "day and the publication day and moves a non-working last day backwards.",
    )
    cic_td_notice_days = fields.Integer(
        string="Public meeting notice (days)",
        default=3,
    )
    cic_td_debate_term_days = fields.Integer(
        string="Public debate organising term (days)",
        default=10,
        help="Calendar days from a written debate request to the debate.",
    )
    cic_td_consultation_working_days = fields.Integer(
        string="Consultation before submission (working days)",
        default=30,
        help="Law 52/2003 art. 7(2): the draft is published at least this many "
        "working days before it is submitted for approval.",
    )
    cic_td_recommendation_min_days = fields.Integer(
        string="Minimum recommendations period (calendar days)",
        default=10,
        help="Law 52/2003 art. 7(4).",
    )
