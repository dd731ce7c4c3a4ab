# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Fixtures of the legal-workflow tests: the head of the authority, a second
department head, an identified petitioner, and helpers to back-date a registration."""

import datetime

from odoo.tests import new_test_user

from .common import CicRegistryCase


class CicWorkflowCase(CicRegistryCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.secretary = new_test_user(
            cls.env, login="cic_wf_secretary", groups="cic_registry.group_cic_secretary"
        )
        cls.other_head = new_test_user(
            cls.env,
            login="cic_wf_other_head",
            groups="cic_registry.group_cic_department_head",
        )
        cls.petitioner = cls.env["res.partner"].create(
            {
                "name": "Maria Popescu",
                "email": "maria.popescu@example.com",
                "street": "Str. Libertății nr. 10",
                "city": "Exemplu",
                "lang": "en_US",
            }
        )
        cls.authority = cls.env["res.partner"].create(
            {
                "name": "Consiliul Județean Exemplu",
                "is_company": True,
                "email": "registratura@cj-exemplu.example.com",
                "street": "Piața Centrală 1",
                "city": "Exemplu",
            }
        )

    @classmethod
    def today(cls):
        return cls.env["cic.calendar"].today()

    @classmethod
    def petition(cls, **vals):
        vals.setdefault("partner_id", cls.petitioner.id)
        vals.setdefault("cic_petition_type", "complaint")
        return cls.create_entry("petition", **vals)

    @classmethod
    def set_registration_date(cls, ticket, day):
        """Back-date a registration to ``day`` (09:00 UTC, same local date)."""
        ticket.sudo().with_context(cic_registration_write=True).write(
            {"cic_registration_date": datetime.datetime.combine(day, datetime.time(9))}
        )
        return ticket

    def prepare_answer(self, ticket, basis="OG 27/2002 art. 8; HCL 12/2026"):
        ticket.write(
            {
                "cic_answer_body": "<p>Solicitarea dumneavoastră a fost rezolvată.</p>",
                "cic_answer_legal_basis": basis,
            }
        )

    def approve(self, ticket):
        ticket.with_user(self.head).action_cic_approve_department()
        ticket.with_user(self.secretary).action_cic_approve_head()

    def letters(self, ticket, letter_type=None):
        letters = ticket.cic_answer_ids
        if letter_type:
            letters = letters.filtered(lambda x: x.cic_letter_type == letter_type)
        return letters
