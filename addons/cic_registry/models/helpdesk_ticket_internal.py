# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Back-office fields of a registry entry that the citizen never reads.

A portal user may read his own entries (helpdesk_mgmt's ACL and record rule), so
without a field restriction JSON-RPC (``read``, ``search_read``, ``web_read``,
``read_group``, domains) returned the draft answer before its dispatch, the
internal notes and deadline, the approvals and the criticised employees. These
fields are restricted here to internal users, in one place. The portal pages
render the entry in sudo after their own access check and do not show them.
"""

from odoo import fields, models

INTERNAL = "base.group_user"


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    notes = fields.Html(groups=INTERNAL)
    cic_resolution = fields.Text(groups=INTERNAL)
    cic_internal_due_date = fields.Date(groups=INTERNAL)
    cic_answer_body = fields.Html(groups=INTERNAL)
    cic_answer_legal_basis = fields.Text(groups=INTERNAL)
    cic_department_approval_id = fields.Many2one(groups=INTERNAL)
    cic_department_approval_date = fields.Datetime(groups=INTERNAL)
    cic_head_approval_id = fields.Many2one(groups=INTERNAL)
    cic_head_approval_date = fields.Datetime(groups=INTERNAL)
    cic_criticised_user_ids = fields.Many2many(groups=INTERNAL)
    cic_criticised_override_id = fields.Many2one(groups=INTERNAL)
    cic_extended_by_id = fields.Many2one(groups=INTERNAL)
    cic_kpi_excluded = fields.Boolean(groups=INTERNAL)
    cic_complaint_disciplinary = fields.Text(groups=INTERNAL)
