# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Fixtures of the report tests: a company of their own (so that demo data and other
tests never change the figures), two departments with their heads, entries
registered on chosen dates and brought to their state by the workflow actions, as
the role allowed to take them, on a fixed "today"."""

import datetime

from freezegun import freeze_time

from odoo.tests import Form, TransactionCase, new_test_user


class CicReportCase(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env["res.company"].create(
            {"name": "Primăria Test Rapoarte", "city": "Exemplu"}
        )
        cls.procedure = {
            code: cls.env.ref(f"cic_registry.procedure_{code}")
            for code in ("petition", "foi_request", "foi_complaint", "outgoing")
        }
        cls.head_a = cls._user(
            "cic_rep_head_a", "cic_registry.group_cic_department_head"
        )
        cls.head_b = cls._user(
            "cic_rep_head_b", "cic_registry.group_cic_department_head"
        )
        cls.clerk = cls._user("cic_rep_clerk", "cic_registry.group_cic_clerk")
        cls.secretary = cls._user(
            "cic_rep_secretary", "cic_registry.group_cic_secretary"
        )
        cls.team_a = cls._team("Urbanism", cls.head_a)
        cls.team_b = cls._team("Taxe locale", cls.head_b)
        cls.channel_email = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_email")
        cls.channel_web = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_web")
        category = cls.env["helpdesk.ticket.category"]
        cls.topic_1 = category.create({"name": "Drumuri", "company_id": cls.company.id})
        cls.topic_2 = category.create(
            {"name": "Salubrizare", "company_id": cls.company.id}
        )
        partner = cls.env["res.partner"]
        cls.natural = partner.create(
            {
                "name": "Ion Popescu",
                "street": "Str. Florilor 1",
                "city": "Exemplu",
                "email": "ion.popescu@example.com",
            }
        )
        cls.legal = partner.create(
            {
                "name": "SC Exemplu SRL",
                "is_company": True,
                "street": "Str. Morii 2",
                "city": "Exemplu",
                "email": "office@exemplu.example.com",
            }
        )
        cls.institution = partner.create(
            {
                "name": "Prefectura Exemplu",
                "is_company": True,
                "street": "Piața Centrală 1",
                "city": "Exemplu",
                "email": "prefectura@example.com",
                "category_id": [
                    (4, cls.env.ref("cic_registry.partner_category_institution").id)
                ],
            }
        )

    @classmethod
    def _user(cls, login, group):
        return new_test_user(
            cls.env,
            login=login,
            groups=group,
            company_id=cls.company.id,
            company_ids=[(6, 0, [cls.company.id])],
        )

    @classmethod
    def _team(cls, name, head):
        return cls.env["helpdesk.ticket.team"].create(
            {
                "name": name,
                "company_id": cls.company.id,
                "cic_head_id": head.id,
                "user_ids": [(6, 0, head.ids)],
            }
        )

    @classmethod
    def entry(cls, procedure, day, **vals):
        """A registry entry of ``procedure`` registered on ``day`` (9:00 UTC)."""
        values = {
            "name": "Test",
            "description": "<p>Test</p>",
            "company_id": cls.company.id,
            "team_id": cls.team_a.id,
            "partner_id": cls.natural.id,
            "cic_procedure_id": cls.procedure[procedure].id,
        }
        values.update(vals)
        ticket = cls.env["helpdesk.ticket"].create(values)
        ticket._cic_assign_registration_number()
        ticket.sudo().with_context(cic_registration_write=True).write(
            {"cic_registration_date": datetime.datetime.combine(day, datetime.time(9))}
        )
        return ticket

    @staticmethod
    def on(day):
        """Fix the server's clock (and so "today") at 09:00 UTC on ``day``."""
        return freeze_time(datetime.datetime.combine(day, datetime.time(9)))

    @classmethod
    def act(cls, day, user, ticket, model, **values):
        """Open the action wizard ``model`` on ``ticket`` as ``user`` on ``day``,
        fill it with ``values`` and confirm it."""
        with cls.on(day):
            form = Form(
                cls.env[model].with_user(user).with_context(default_ticket_id=ticket.id)
            )
            for name, value in values.items():
                setattr(form, name, value)
            form.save().action_confirm()
        return ticket

    @classmethod
    def answer(cls, day, ticket, basis="Legea 544/2001 art. 7(1)"):
        """The department writes the answer, the heads approve it when the
        procedure asks for it, the CIC dispatches it on ``day``."""
        with cls.on(day):
            ticket.with_user(ticket.team_id.cic_head_id).write(
                {
                    "cic_answer_body": "<p>Vă comunicăm informațiile solicitate.</p>",
                    "cic_answer_legal_basis": basis,
                }
            )
            if ticket._cic_answer_requires_approvals():
                ticket.with_user(
                    ticket.team_id.cic_head_id
                ).action_cic_approve_department()
                ticket.with_user(cls.secretary).action_cic_approve_head()
            ticket.with_user(cls.clerk).action_cic_dispatch_answer()
        return ticket

    def wizard(self, user=None, **vals):
        model = self.env["cic.report.wizard"]
        if user:
            model = model.with_user(user)
        return model.with_company(self.company).create(
            dict({"company_id": self.company.id}, **vals)
        )
