# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Shared fixtures of the cic_registry tests: procedures, a department, role users;
a company of its own for the tests that commit."""

import datetime

from odoo import SUPERUSER_ID, api
from odoo.tests import TransactionCase, new_test_user


def d(year, month, day):
    return datetime.date(year, month, day)


class CicRegistryCase(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.calendar = cls.env["cic.calendar"]
        cls.company = cls.env.company
        cls.procedure = {
            code: cls.env.ref(f"cic_registry.procedure_{code}")
            for code in (
                "petition",
                "foi_request",
                "foi_complaint",
                "transparency_recommendation",
                "service_request",
                "gdpr_request",
                "audience_request",
                "outgoing",
                "internal",
            )
        }
        cls.clerk = new_test_user(
            cls.env, login="cic_test_clerk", groups="cic_registry.group_cic_clerk"
        )
        cls.head = new_test_user(
            cls.env,
            login="cic_test_head",
            groups="cic_registry.group_cic_department_head",
        )
        cls.staff = new_test_user(
            cls.env, login="cic_test_staff", groups="cic_registry.group_cic_department"
        )
        cls.team = cls.env["helpdesk.ticket.team"].create(
            {
                "name": "CIC test department",
                "cic_head_id": cls.head.id,
                "user_ids": [(6, 0, (cls.head | cls.staff | cls.clerk).ids)],
            }
        )
        cls.partner = cls.env["res.partner"].create(
            {
                "name": "Ion Testescu",
                "email": "ion.testescu@example.com",
                # identified (OG 27/2002 art. 7): his petitions run their term
                "street": "Str. Testului 1",
                "city": "Exemplu",
            }
        )

    @classmethod
    def create_entry(cls, procedure="petition", as_user=None, **vals):
        values = {
            "name": "Test entry",
            "description": "<p>Test</p>",
            "team_id": cls.team.id,
            "partner_id": cls.partner.id,
            "cic_procedure_id": cls.procedure[procedure].id if procedure else False,
        }
        values.update(vals)
        env = cls.env(user=as_user) if as_user else cls.env
        return env["helpdesk.ticket"].create(values).sudo()


class CicCommittedCase(CicRegistryCase):
    """For tests that commit (cursors of their own, on real PostgreSQL): their
    entries are registered in a company of its own, whose entries, register counter
    and company are removed at the end. A committed entry of the main company could
    be removed, but not the number it took: the test database's register would keep
    a number without its entry (a gap), and every later test of the register's
    continuity on that database would see it."""

    COMPANY_NAME = "Primăria Test Tranzacții"

    def setUp(self):
        super().setUp()
        self.registry = self.env.registry
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            self.company_id = env["res.company"].create({"name": self.COMPANY_NAME}).id
        self.addCleanup(self._cleanup)

    def _cleanup(self):
        """Remove the company's entries, register counter and the company."""
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            env["helpdesk.ticket"].with_context(active_test=False).search(
                [("company_id", "=", self.company_id)]
            ).unlink()
            env["cic.register.counter"].search(
                [("company_id", "=", self.company_id)]
            ).unlink()
            env["res.company"].browse(self.company_id).unlink()
