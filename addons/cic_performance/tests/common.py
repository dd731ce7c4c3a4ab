# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Fixtures of the cic_performance tests: two departments and a controlled data set
of registry entries whose dates are written through cic_registry's documented hook
(``sudo().with_context(cic_registration_write=True)``)."""

import datetime

from odoo.tests import TransactionCase, new_test_user


def d(year, month, day):
    return datetime.date(year, month, day)


class CicPerformanceCase(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(
            context=dict(cls.env.context, tracking_disable=True, mail_notrack=True)
        )
        cls.service = cls.env["cic.kpi.service"]
        cls.petition = cls.env.ref("cic_registry.procedure_petition")
        cls.staff_a = new_test_user(
            cls.env, login="perf_staff_a", groups="cic_registry.group_cic_department"
        )
        cls.staff_b = new_test_user(
            cls.env, login="perf_staff_b", groups="cic_registry.group_cic_department"
        )
        cls.team_a = cls.env["helpdesk.ticket.team"].create(
            {"name": "Perf dept A", "user_ids": [(6, 0, cls.staff_a.ids)]}
        )
        cls.team_b = cls.env["helpdesk.ticket.team"].create(
            {"name": "Perf dept B", "user_ids": [(6, 0, cls.staff_b.ids)]}
        )
        cls.channel_counter = cls.env["helpdesk.ticket.channel"].create(
            {"name": "Perf counter"}
        )
        cls.channel_email = cls.env["helpdesk.ticket.channel"].create(
            {"name": "Perf e-mail"}
        )
        cls.partner = cls.env["res.partner"].create(
            {
                "name": "Maria Testescu",
                "email": "maria.testescu@example.com",
                "street": "Str. Testului 2",
                "city": "Exemplu",
            }
        )
        cls.closed_stage = cls.env["helpdesk.ticket.stage"].search(
            [("closed", "=", True)], limit=1
        )

    @classmethod
    def entry(cls, registered, due, target=None, answered=None, team=None, **vals):
        """A petition registered on ``registered`` (local noon), with the given
        legal and internal due dates, answered (dispatched) on ``answered``."""
        values = {
            "name": "Perf entry",
            "description": "<p>Perf</p>",
            "team_id": (team or cls.team_a).id,
            "partner_id": cls.partner.id,
            "channel_id": cls.channel_counter.id,
            "cic_procedure_id": cls.petition.id,
        }
        values.update(vals)
        ticket = cls.env["helpdesk.ticket"].create(values)
        ticket.sudo().with_context(cic_registration_write=True).write(
            {
                "cic_registration_date": datetime.datetime.combine(
                    registered, datetime.time(10)
                )
            }
        )
        ticket.write({"cic_legal_due_date": due, "cic_internal_due_date": target})
        if answered:
            ticket.write({"cic_dispatch_date": answered})
        return ticket

    def kpi(self, date_from, date_to, **filters):
        filters.setdefault("team_ids", (self.team_a | self.team_b).ids)
        return self.service._cic_figures(date_from, date_to, **filters)
