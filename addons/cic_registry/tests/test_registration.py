# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Registration numbers (spec R-REG-1, R-REG-2): gap-free, duplicate-free, restarting
every 1 January (Europe/Bucharest), also under concurrency on real PostgreSQL."""

import datetime
import random
import threading
import time
from unittest.mock import patch

import psycopg2
from freezegun import freeze_time

from odoo import SUPERUSER_ID, api, fields
from odoo.exceptions import UserError
from odoo.service.model import PG_CONCURRENCY_ERRORS_TO_RETRY
from odoo.tests import tagged

from ..models.cic_registration_mixin import format_registration_number
from .common import CicCommittedCase, CicRegistryCase


class TestRegistrationNumbers(CicRegistryCase):
    def test_number_date_and_format(self):
        entry = self.create_entry()
        self.assertTrue(entry.cic_registration_seq)
        self.assertTrue(entry.cic_registration_date)
        local = self.calendar.local_date(entry.cic_registration_date)
        self.assertEqual(entry.cic_registration_year, local.year)
        self.assertEqual(
            entry.cic_registration_number,
            f"{entry.cic_registration_seq}/{local.strftime('%d.%m.%Y')}",
        )
        following = self.create_entry()
        self.assertEqual(following.cic_registration_seq, entry.cic_registration_seq + 1)

    def test_register_later_is_not_a_client_key(self):
        """A clerk cannot leave his entry unnumbered by sending the portal's
        ``cic_register_later`` context key (JSON-RPC sends any context)."""
        Ticket = self.env["helpdesk.ticket"].with_user(self.clerk)
        entry = Ticket.with_context(cic_register_later=True).create(
            {
                "name": "Sesizare la ghișeu",
                "description": "<p>Test</p>",
                "team_id": self.team.id,
                "partner_id": self.partner.id,
                "cic_procedure_id": self.procedure["petition"].id,
            }
        )
        self.assertTrue(entry.cic_registration_number)

    def test_format_setting(self):
        self.company.cic_registration_number_format = "CIC-{yyyy}-{seq}"
        entry = self.create_entry()
        self.assertEqual(
            entry.cic_registration_number,
            f"CIC-{entry.cic_registration_year}-{entry.cic_registration_seq}",
        )
        self.assertEqual(
            format_registration_number(
                "Nr. {seq} din {dd}.{mm}.{yyyy}", 7, datetime.date(2026, 3, 2)
            ),
            "Nr. 7 din 02.03.2026",
        )

    def test_without_procedure_not_registered(self):
        entry = self.create_entry(procedure=None)
        self.assertFalse(entry.cic_registration_number)
        self.assertFalse(entry.cic_legal_due_date)
        entry.cic_procedure_id = self.procedure["petition"]
        self.assertTrue(entry.cic_registration_number)
        self.assertTrue(entry.cic_legal_due_date)

    def test_assign_is_idempotent(self):
        entry = self.create_entry()
        number = entry.cic_registration_number
        entry._cic_assign_registration_number()
        self.assertEqual(entry.cic_registration_number, number)

    def test_registration_immutable(self):
        entry = self.create_entry()
        for vals in (
            {"cic_registration_date": "2020-01-01 10:00:00"},
            {"cic_registration_number": "1/01.01.2020"},
            {"cic_registration_seq": 999999},
        ):
            with self.assertRaises(UserError):
                entry.with_user(self.clerk).write(vals)
            with self.assertRaises(UserError):
                entry.sudo().write(vals)

    def test_registration_refused_on_create(self):
        """The clerk cannot choose a number or back-date an entry by sending the
        registration values with the new entry; the honest entry is numbered and
        dated by the server."""
        before = self.env["helpdesk.ticket"].search_count([])
        for vals in (
            {"cic_registration_date": "2020-01-01 10:00:00"},
            {"cic_registration_number": "1/01.01.2020"},
            {"cic_registration_seq": 999999},
            {"cic_registration_year": 2020},
        ):
            with self.assertRaises(UserError):
                self.create_entry(as_user=self.clerk, **vals)
        self.assertEqual(self.env["helpdesk.ticket"].search_count([]), before)
        with freeze_time("2026-04-01 09:00:00"):
            entry = self.create_entry(as_user=self.clerk)
        self.assertEqual(entry.cic_registration_date, datetime.datetime(2026, 4, 1, 9))
        self.assertNotEqual(entry.cic_registration_seq, 999999)

    def test_failed_registration_consumes_no_number(self):
        first = self.create_entry()
        with self.assertRaises(ZeroDivisionError), self.env.cr.savepoint():
            self.create_entry()
            _fail = 1 / 0
        after = self.create_entry()
        self.assertEqual(after.cic_registration_seq, first.cic_registration_seq + 1)

    def test_year_boundary_restarts_at_one(self):
        """31 Dec 23:59 and 1 Jan 00:00 Bucharest time (UTC+2 in winter)."""
        company = self.env["res.company"].create({"name": "Primăria Test An Nou"})
        self.env.user.company_ids |= company

        def register_at(utc):
            with patch.object(fields.Datetime, "now", return_value=utc):
                return self.create_entry(team_id=False, company_id=company.id)

        dec_1 = register_at(datetime.datetime(2026, 12, 31, 21, 58))
        dec_2 = register_at(datetime.datetime(2026, 12, 31, 21, 59, 59))
        jan_1 = register_at(datetime.datetime(2026, 12, 31, 22, 0, 0))
        jan_2 = register_at(datetime.datetime(2027, 1, 1, 8, 0))
        self.assertEqual(
            [(e.cic_registration_year, e.cic_registration_seq) for e in dec_1 | dec_2],
            [(2026, 1), (2026, 2)],
        )
        self.assertEqual(dec_2.cic_registration_number, "2/31.12.2026")
        self.assertEqual(jan_1.cic_registration_number, "1/01.01.2027")
        self.assertEqual(
            (jan_2.cic_registration_year, jan_2.cic_registration_seq), (2027, 2)
        )
        counters = self.env["cic.register.counter"].search(
            [("company_id", "=", company.id)]
        )
        self.assertEqual(
            sorted(counters.mapped(lambda c: (c.year, c.last_seq))),
            [(2026, 2), (2027, 2)],
        )

    def test_answer_reuses_number(self):
        incoming = self.create_entry()
        answer = self.create_entry(
            procedure="outgoing",
            cic_answer_to_id=incoming.id,
            cic_recipient_id=self.partner.id,
        )
        self.assertEqual(answer.cic_direction, "outgoing")
        self.assertTrue(answer.cic_registration_shared)
        self.assertEqual(
            answer.cic_registration_number, incoming.cic_registration_number
        )
        following = self.create_entry()
        self.assertEqual(
            following.cic_registration_seq, incoming.cic_registration_seq + 1
        )

    def test_outgoing_without_answer_gets_own_number(self):
        entry = self.create_entry(procedure="outgoing")
        self.assertFalse(entry.cic_registration_shared)
        self.assertTrue(entry.cic_registration_seq)


@tagged("post_install", "-at_install")
class TestRegistrationConcurrency(CicCommittedCase):
    """Runs committed transactions on real PostgreSQL in a company of its own, and
    removes every committed row at the end."""

    COMPANY_NAME = "Primăria Test Concurență"
    THREADS = 8
    PER_THREAD = 25
    TRIES = 6

    def _register(
        self, cr, name, later=False, tracking=False, identified=False, forget=False
    ):
        """Register an entry in ``cr``; ``later``: as the portal does, created with
        ``cic_register_later`` and numbered at the end of the request (unless
        ``forget``: then the post-commit path numbers it)."""
        context = {"tracking_disable": not tracking, "cic_register_later": later}
        env = api.Environment(cr, SUPERUSER_ID, context)
        vals = {
            "name": name,
            "description": "<p>concurrency</p>",
            "company_id": self.company_id,
            "cic_procedure_id": self.procedure["petition"].id,
        }
        if identified:
            # a named petitioner and an address: the legal term runs (art. 7)
            vals |= {
                "partner_id": env["res.company"].browse(self.company_id).partner_id.id,
                "cic_petitioner_street": "Str. Concurenței 1",
                "cic_petitioner_locality": "Exemplu",
            }
        entry = env["helpdesk.ticket"].create(vals)
        if later and not forget:
            entry._cic_assign_registration_number()
        return entry

    def _register_with_retries(self, name, errors, later=False):
        for attempt in range(self.TRIES):
            try:
                with self.registry.cursor() as cr:
                    self._register(cr, name, later)
                return
            except psycopg2.OperationalError as exc:
                if exc.pgcode not in PG_CONCURRENCY_ERRORS_TO_RETRY:
                    raise
                time.sleep(random.uniform(0.0, 0.01 * 2**attempt))
        errors.append(name)

    def _numbers(self):
        with self.registry.cursor() as cr:
            cr.execute(
                "SELECT cic_registration_seq, cic_registration_date "
                "FROM helpdesk_ticket WHERE company_id = %s ORDER BY id",
                [self.company_id],
            )
            return cr.fetchall()

    def test_parallel_registrations_gap_free(self):
        self._check_parallel_registrations(later=False)

    def test_parallel_registrations_later_gap_free(self):
        """Portal submissions are numbered at the end of the request."""
        self._check_parallel_registrations(later=True)

    def test_numbered_later(self):
        with self.registry.cursor() as cr:
            self._register(cr, "first")
        with self.registry.cursor() as cr:
            entry = self._register(
                cr, "later", later=True, tracking=True, identified=True, forget=True
            )
            self.assertFalse(entry.cic_registration_number, "not at the insert")
            entry._cic_assign_registration_number()
            cr.flush()
            self.assertEqual(entry.cic_registration_seq, 2)
            self.assertTrue(entry.cic_legal_due_date)
            self.assertFalse(
                entry.message_ids.tracking_value_ids,
                "the first due date is part of the registration, not a change",
            )
        self.assertEqual([seq for seq, _date in self._numbers()], [1, 2])

    def test_register_later_forgotten_numbered_after_commit(self):
        """An entry created with ``cic_register_later`` whose caller never numbers
        it gets its number right after the commit (path 2)."""
        with self.registry.cursor() as cr:
            self._register(cr, "first")
        with self.registry.cursor() as cr:
            entry = self._register(cr, "forgotten", later=True, forget=True)
            self.assertFalse(entry.cic_registration_number)
        self.assertEqual([seq for seq, _date in self._numbers()], [1, 2])

    def _check_parallel_registrations(self, later):
        errors, crashes = [], []

        def worker(index):
            try:
                for i in range(self.PER_THREAD):
                    self._register_with_retries(f"T{index}-{i}", errors, later)
            except Exception as exc:  # noqa: BLE001 - reported by the assertion
                crashes.append(repr(exc))

        threads = [
            threading.Thread(target=worker, args=(n,)) for n in range(self.THREADS)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        self.assertFalse(crashes)
        self.assertFalse(errors, "registrations lost after retries")
        rows = self._numbers()
        total = self.THREADS * self.PER_THREAD
        self.assertEqual(len(rows), total)
        seqs = [seq for seq, _date in rows]
        self.assertNotIn(None, seqs, "every committed entry is numbered")
        self.assertEqual(sorted(seqs), list(range(1, total + 1)))
        by_seq = [date for _seq, date in sorted(rows)]
        self.assertEqual(by_seq, sorted(by_seq), "numbers follow registration time")

    def test_deferred_and_cron_registration(self):
        """A locked counter defers the number to the post-commit; if the server
        stops before it (post-commit hooks lost), the cron numbers the entry."""
        with self.registry.cursor() as cr:
            self._register(cr, "first")  # creates the counter row
        locker = self.registry.cursor()
        try:
            locker.execute(
                "SELECT id FROM cic_register_counter WHERE company_id = %s FOR UPDATE",
                [self.company_id],
            )
            with self.registry.cursor() as cr:
                self._register(cr, "deferred")
                cr.flush()
                self.assertEqual(len(cr.postcommit._funcs), 1)
                cr.postcommit.clear()  # simulate a crash right after the commit
        finally:
            locker.rollback()
            locker.close()
        self.assertEqual([seq for seq, _date in self._numbers()], [1, None])
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            env["helpdesk.ticket"]._cron_cic_register_unnumbered()
        self.assertEqual([seq for seq, _date in self._numbers()], [1, 2])

    def test_deferred_postcommit_registration(self):
        with self.registry.cursor() as cr:
            self._register(cr, "first")
        locker = self.registry.cursor()
        try:
            locker.execute(
                "SELECT id FROM cic_register_counter WHERE company_id = %s FOR UPDATE",
                [self.company_id],
            )
            cr = self.registry.cursor()
            self._register(cr, "deferred")
            # The test commits on purpose: the post-commit path is what is tested.
            commit = cr.commit  # pylint: disable=invalid-commit
            done = threading.Thread(target=lambda: (commit(), cr.close()))
            done.start()
            # The post-commit waits for the lock held by ``locker``.
            time.sleep(0.2)
        finally:
            locker.rollback()
            locker.close()
        done.join()
        self.assertEqual([seq for seq, _date in self._numbers()], [1, 2])
