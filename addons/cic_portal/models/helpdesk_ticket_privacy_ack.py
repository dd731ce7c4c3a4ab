# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The privacy notice acknowledged on an online form (GDPR art. 13, R-GDPR-3):
every portal form asks the petitioner to tick that he read the notice; what he
ticked and when are kept on the entry, to show he was informed."""

from odoo import fields, models


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    cic_privacy_ack_date = fields.Datetime(
        string="Privacy notice acknowledged on",
        readonly=True,
        copy=False,
        help="When the petitioner, filing online, ticked that he read the privacy "
        "notice (GDPR art. 13).",
    )
    cic_privacy_ack_text = fields.Text(
        string="Privacy acknowledgement",
        readonly=True,
        copy=False,
        help="The statement the petitioner ticked on the online form, in the "
        "language of the form, with the address of the privacy notice.",
    )
