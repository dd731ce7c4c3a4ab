# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Whether an entry is closed, searched with the stage ids written out.

helpdesk_mgmt defines ``closed`` as ``related="stage_id.closed"``. Odoo searches a
related field with a sub-query on the stages (``stage_id IN (SELECT id FROM
helpdesk_ticket_stage WHERE ...)``), which PostgreSQL joins against all of a
commune's entries: the *Open* filter of a commune of 100,000 entries took 0.6-1.7 s
in a county database of 10 M (README, "County scale"), 72 ms with the stage ids
written out. A related field cannot take its own search method (Odoo replaces it
with the related one), so ``closed`` is redefined here as a non-stored computed
field with the same name, label and values, whose search reads the few stages first.
"""

from odoo import api, fields, models
from odoo.osv import expression


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    closed = fields.Boolean(
        string="Closed",
        related=None,
        compute="_compute_closed",
        search="_search_closed",
        compute_sudo=True,
    )

    @api.depends("stage_id.closed")
    def _compute_closed(self):
        for ticket in self:
            ticket.closed = ticket.stage_id.closed

    def _search_closed(self, operator, value):
        """The entries whose stage matches, as ``stage_id IN (<ids>)``.

        Same results as the related field's search: the stages are read as the
        superuser, archived ones included, and an entry without a stage (not
        closed) matches when ``False`` satisfies the condition.
        """
        stages = (
            self.env["helpdesk.ticket.stage"]
            .sudo()
            .with_context(active_test=False)
            .search([("closed", operator, value)])
        )
        domain = [("stage_id", "in", stages.ids)]
        values = value if isinstance(value, list | tuple) else [value]
        false_is_a_value = any(val is False or val is None for val in values)
        negative = operator in expression.NEGATIVE_TERM_OPERATORS
        if false_is_a_value != negative:
            return expression.OR([domain, [("stage_id", "=", False)]])
        return domain
