# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Gap-free, duplicate-free registration numbers in the general register.

One number space per company and calendar year (Europe/Bucharest), shared by every
model that inherits ``cic.registration.mixin``. A number is taken from the
``cic_register_counter`` row of (company, year), by one mechanism with two paths and
a crash-safety cron (see docs/architecture.md, "Numbering"):

1. **in the transaction** (``_cic_assign_registration_number``): the counter row is
   locked with ``SELECT ... FOR UPDATE NOWAIT`` in a savepoint and incremented; the
   number and the registration date go into the create values when the model can
   tell from them that the record takes a number of its own
   (``_cic_vals_registration_company``: the record is inserted once, numbered), else
   they are written right after. A caller that stores much more in the same request
   (the portal: uploads, fee invoice) creates with ``cic_register_later`` and calls
   ``_cic_assign_registration_number()`` last, so that the counter row stays locked
   for the end of the request and the commit only. If the transaction
   fails, the counter update is rolled back with it: no number is consumed;
2. **after the commit** (``_cic_defer_registration``), when the counter row could not
   be locked at once (locked by, or changed by, a concurrent transaction, which at
   REPEATABLE READ raises a serialization failure): a short READ COMMITTED
   transaction that waits for the lock (``cr.postcommit``);
3. a cron numbers any committed record that is still unnumbered (the server stopped
   between the commit and the post-commit).

The registration date is written together with the number, so numbers follow the
order of registration dates.
"""

import logging
import random
import time

import psycopg2
from psycopg2 import errors

from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

_logger = logging.getLogger(__name__)

CONCURRENCY_ERRORS = (
    errors.LockNotAvailable,
    errors.SerializationFailure,
    errors.DeadlockDetected,
)
REGISTRATION_FIELDS = (
    "cic_registration_seq",
    "cic_registration_number",
    "cic_registration_date",
    "cic_registration_year",
)
PROTECTED_FIELDS = (*REGISTRATION_FIELDS, "cic_registration_shared")
POSTCOMMIT_KEY = "cic_registration_pending"
# Context key: create() leaves the numbering to the caller, later in the same
# transaction (``_cic_assign_registration_number``); the post-commit path numbers
# what the caller forgets.
REGISTER_LATER_KEY = "cic_register_later"
# Cursor-cache key of the registration values the server put into create values
# before the insert in this transaction (``_cic_number_vals_before_insert``).
ISSUED_KEY = "cic_registration_issued"
DEFAULT_NUMBER_FORMAT = "{seq}/{dd.mm.yyyy}"


def format_registration_number(fmt, seq, day):
    """Render ``fmt`` with the tokens {seq}, {dd.mm.yyyy}, {yyyy}, {mm}, {dd}."""
    tokens = {
        "{dd.mm.yyyy}": day.strftime("%d.%m.%Y"),
        "{yyyy}": day.strftime("%Y"),
        "{mm}": day.strftime("%m"),
        "{dd}": day.strftime("%d"),
        "{seq}": str(seq),
    }
    result = fmt or DEFAULT_NUMBER_FORMAT
    for token, value in tokens.items():
        result = result.replace(token, value)
    return result


class CicRegistrationMixin(models.AbstractModel):
    _name = "cic.registration.mixin"
    _description = "Entry of the general register"

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    cic_registration_seq = fields.Integer(
        string="Registration sequence", readonly=True, copy=False, index=True
    )
    cic_registration_number = fields.Char(
        string="Registration number", readonly=True, copy=False, index="trigram"
    )
    cic_registration_date = fields.Datetime(
        string="Registration date", readonly=True, copy=False, index=True
    )
    cic_registration_year = fields.Integer(
        string="Registration year", readonly=True, copy=False
    )
    cic_registration_shared = fields.Boolean(
        string="Number of another entry",
        readonly=True,
        copy=False,
        help="The entry carries the number of the entry it answers (partidă) instead "
        "of a number of its own.",
    )

    def init(self):
        super().init()
        if self._abstract:
            return
        index = f"{self._table}_cic_registration_uniq"
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS %s ON %s "
                "(company_id, cic_registration_year, cic_registration_seq) "
                "WHERE cic_registration_seq IS NOT NULL "
                "AND cic_registration_shared IS NOT TRUE",
                SQL.identifier(index),
                SQL.identifier(self._table),
            )
        )

    # ------------------------------------------------------------------
    # Hooks for the inheriting models
    # ------------------------------------------------------------------
    def _cic_needs_registration(self):
        """Whether this record takes a number of the general register."""
        self.ensure_one()
        return True

    def _cic_number_source(self):
        """The registered record whose number this one reuses (partidă), or empty."""
        return self.browse()

    def _cic_after_registration(self):
        """Called once the records got their numbers (acknowledgements...)."""

    # ------------------------------------------------------------------
    # Immutability
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._cic_check_registration_create(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._cic_check_registration_write(vals)
        return super().write(vals)

    def _cic_registration_privileged(self):
        """Whether the registration fields may be written: only by the server's
        numbering (and the tests that back-date it), as superuser with the
        ``cic_registration_write`` key. The key alone, which any client can put in
        its context, is not enough."""
        return bool(self.env.su and self.env.context.get("cic_registration_write"))

    def _cic_refuse_registration_values(self):
        raise UserError(
            self.env._(
                "The registration number and date are set by the server and "
                "cannot be changed."
            )
        )

    @api.model
    def _cic_check_registration_create(self, vals):
        """A new record gets its number from the server only: registration values
        in the create values are refused, unless the numbering put them there
        before the insert (``_cic_number_vals_before_insert``) in this
        transaction."""
        if self._cic_registration_privileged() or not any(
            name in vals for name in PROTECTED_FIELDS
        ):
            return
        issued = self.env.cr.cache.get(ISSUED_KEY, set())
        key = self._cic_issued_key(vals)
        if key not in issued or "cic_registration_shared" in vals:
            self._cic_refuse_registration_values()
        issued.discard(key)

    @api.model
    def _cic_issued_key(self, vals):
        return (self._name, *(vals.get(name) for name in REGISTRATION_FIELDS))

    def _cic_check_registration_write(self, vals):
        if self._cic_registration_privileged():
            return
        if any(name in vals for name in PROTECTED_FIELDS):
            self._cic_refuse_registration_values()
        if "company_id" in vals and any(
            rec.cic_registration_seq and rec.company_id.id != vals["company_id"]
            for rec in self
        ):
            raise UserError(
                self.env._("The company of a registered entry cannot be changed.")
            )

    # ------------------------------------------------------------------
    # Numbering
    # ------------------------------------------------------------------
    def _cic_to_register(self):
        return self.filtered(
            lambda rec: not rec.cic_registration_number
            and rec._cic_needs_registration()
        ).sorted("id")

    def _cic_assign_registration_number(self):
        """Path 1: register the records that need a number, in the current
        transaction (idempotent). A record whose counter row cannot be locked at
        once is numbered right after the commit (path 2)."""
        deferred = self.browse()
        registered = self.browse()
        for record in self._cic_to_register():
            source = record._cic_number_source()
            if source:
                record._cic_share_number(source)
                registered |= record
                continue
            try:
                with self.env.cr.savepoint():
                    record._cic_take_number(nowait=True)
                registered |= record
            except CONCURRENCY_ERRORS:
                deferred |= record
        if deferred:
            deferred._cic_defer_registration()
        if registered:
            registered._cic_after_registration()
        return True

    @api.model
    def _cic_create_registered(self, vals_list, create):
        """Create the records with ``create`` (the model's ``super().create``) and
        register them in the transaction (path 1): the records whose create values
        say they take a number of their own are inserted numbered, the others are
        numbered right after the insert. With ``cic_register_later`` in the
        context, the caller numbers them later in the transaction, and the
        post-commit path numbers any it forgot. The key counts only in sudo (the
        portal, the demo): a client may send any context over JSON-RPC."""
        if self.env.context.get(REGISTER_LATER_KEY) and self.env.su:
            records = create(vals_list)
            records._cic_defer_registration()
            return records
        numbered, locked = self._cic_number_vals_before_insert(vals_list)
        records = create(vals_list)
        registered = self.browse([records.ids[index] for index in numbered])
        deferred = self.browse([records.ids[index] for index in locked])
        if deferred:
            deferred._cic_defer_registration()
        if any(
            record.company_id.id != company_id
            for record, company_id in zip(registered, numbered.values(), strict=True)
        ):
            # The numbered company must be the record's; never expected.
            raise ValidationError(
                self.env._("The entry was numbered in another company's register.")
            )
        (records - registered - deferred)._cic_assign_registration_number()
        if registered:
            registered._cic_after_registration()
        return records

    def _cic_share_number(self, source, when=None):
        """Give this record the number of ``source`` (answer in the same partidă)."""
        self.ensure_one()
        self.sudo().with_context(cic_registration_write=True).write(
            {
                "cic_registration_shared": True,
                "cic_registration_seq": source.cic_registration_seq,
                "cic_registration_year": source.cic_registration_year,
                "cic_registration_number": source.cic_registration_number,
                "cic_registration_date": when or fields.Datetime.now(),
            }
        )

    def _cic_increment_counter(self, company_id, year, nowait):
        """Lock the counter row of (company, year) and increment it, in one
        statement (``FOR UPDATE NOWAIT`` in the sub-select when ``nowait``); the
        row is created the first time. Return (counter id, new last number)."""
        cr = self.env.cr
        increment = SQL(
            "UPDATE cic_register_counter SET last_seq = last_seq + 1, "
            "write_date = now() at time zone 'UTC' "
            "WHERE id = (SELECT id FROM cic_register_counter "
            "WHERE company_id = %s AND year = %s FOR UPDATE%s) "
            "RETURNING id, last_seq",
            company_id,
            year,
            SQL(" NOWAIT") if nowait else SQL(),
        )
        # Lock conflicts are expected and handled by the callers: not logged.
        cr.execute(increment, log_exceptions=False)
        row = cr.fetchone()
        if row is None:  # the first number of the year
            cr.execute(
                SQL(
                    "INSERT INTO cic_register_counter "
                    "(company_id, year, last_seq, create_date, write_date) "
                    "VALUES (%s, %s, 0, now() at time zone 'UTC', "
                    "now() at time zone 'UTC') "
                    "ON CONFLICT (company_id, year) DO NOTHING",
                    company_id,
                    year,
                ),
                log_exceptions=False,
            )
            cr.execute(increment, log_exceptions=False)
            row = cr.fetchone()
        return row

    @api.model
    def _cic_next_number(self, company, nowait, when=None):
        """Increment the counter of ``company`` for the year of the registration
        time (now, or ``when``: only the demo data is back-dated) and return the
        registration values (seq, year, date, number)."""
        calendar = self.env["cic.calendar"]
        year = calendar.local_date(when or fields.Datetime.now()).year
        counter_id, seq = self._cic_increment_counter(company.id, year, nowait)
        # The lock may have been waited for: take the time once it is held.
        now = when or fields.Datetime.now()
        if calendar.local_date(now).year != year:
            # The year ended meanwhile: give the number back (the row is still
            # locked by this transaction) and take one in the new year's counter.
            self.env.cr.execute(
                SQL(
                    "UPDATE cic_register_counter SET last_seq = last_seq - 1 "
                    "WHERE id = %s",
                    counter_id,
                )
            )
            return self._cic_next_number(company, nowait)
        self.env["cic.register.counter"].invalidate_model(["last_seq"])
        return {
            "cic_registration_seq": seq,
            "cic_registration_year": year,
            "cic_registration_date": now,
            "cic_registration_number": format_registration_number(
                company.cic_registration_number_format,
                seq,
                calendar.local_date(now),
            ),
        }

    def _cic_take_number(self, nowait, when=None):
        """Increment the counter of this record's company and year and write the
        number and the registration date on the record. The values computed from
        the registration date (the legal due date...) get their first value here,
        as they do when the number is taken at the insert: not a change to track."""
        self.ensure_one()
        values = self._cic_next_number(
            self.company_id or self.env.company, nowait, when=when
        )
        record = self.sudo().with_context(
            cic_registration_write=True, tracking_disable=True
        )
        record.write(values)
        record.flush_recordset()

    # ------------------------------------------------------------------
    # Numbering at insert
    # ------------------------------------------------------------------
    @api.model
    def _cic_vals_registration_company(self, vals):
        """The company whose register numbers the record created from ``vals``,
        when it is known before the insert and the record surely takes a number
        of its own; else None (the record is numbered after the insert). Models
        that number at insert override this (default: never)."""
        return None

    @api.model
    def _cic_number_vals_before_insert(self, vals_list):
        """Put the registration values into the create values of the records that
        take a number of their own, when the counter row locks at once: the record
        is inserted once, numbered and dated, and its computed deadline is computed
        at the insert (no second write, no tracked change). The counter update is
        part of the transaction: if the insert fails, no number is consumed. Return
        {index of the numbered values: company id}, and the indexes of the values
        whose counter row was locked (numbered after the commit)."""
        numbered, locked = {}, []
        for index, vals in enumerate(vals_list):
            if any(vals.get(name) for name in PROTECTED_FIELDS):
                continue
            company = self._cic_vals_registration_company(vals)
            if not company:
                continue
            try:
                with self.env.cr.savepoint():
                    vals.update(self._cic_next_number(company, nowait=True))
            except CONCURRENCY_ERRORS:
                locked.append(index)
                continue
            # Server-issued: create() accepts these values (and only these).
            self.env.cr.cache.setdefault(ISSUED_KEY, set()).add(
                self._cic_issued_key(vals)
            )
            numbered[index] = company.id
        return numbered, locked

    def _cic_defer_registration(self):
        """Number these records right after the current transaction commits."""
        postcommit = self.env.cr.postcommit
        pending = postcommit.data.get(POSTCOMMIT_KEY)
        if pending is None:
            pending = postcommit.data[POSTCOMMIT_KEY] = []
            registry = self.env.registry
            postcommit.add(lambda: self._cic_register_pending(registry, pending))
        pending.extend((self._name, rec_id) for rec_id in self.ids)

    @classmethod
    def _cic_register_pending(cls, registry, pending):
        """Post-commit: number ``pending`` [(model, id)] in separate transactions."""
        for model, rec_id in pending:
            registry[model]._cic_register_in_new_cursor(registry, model, rec_id)

    @classmethod
    def _cic_register_in_new_cursor(cls, registry, model, rec_id, tries=8):
        """Number one record in its own short READ COMMITTED transaction.

        The record row, then the counter row, are locked waiting (no NOWAIT): at
        READ COMMITTED, waiting for a lock raises no serialization failure.
        Deadlocks and other concurrency errors are retried a few times; whatever
        still fails is left for the cron.
        """
        for attempt in range(tries):
            try:
                with registry.cursor() as cr:
                    cr.execute("SET TRANSACTION ISOLATION LEVEL READ COMMITTED")
                    env = api.Environment(cr, SUPERUSER_ID, {})
                    record = env[model].browse(rec_id)
                    cr.execute(
                        SQL(
                            "SELECT id FROM %s WHERE id = %s "
                            "AND cic_registration_number IS NULL FOR UPDATE",
                            SQL.identifier(record._table),
                            rec_id,
                        )
                    )
                    if not cr.fetchone() or not record._cic_to_register():
                        return False
                    source = record._cic_number_source()
                    if source:
                        record._cic_share_number(source)
                    else:
                        record._cic_take_number(nowait=False)
                    record._cic_after_registration()
                return True
            except (*CONCURRENCY_ERRORS, psycopg2.OperationalError) as exc:
                if attempt == tries - 1:
                    _logger.warning(
                        "Registration of %s(%s) postponed to the cron: %s",
                        model,
                        rec_id,
                        exc,
                    )
                    return False
                time.sleep(random.uniform(0.0, 0.05 * 2**attempt))
        return False

    @api.model
    def _cic_registration_domain(self):
        """Domain of the records of this model that take a number."""
        return []

    @api.model
    def _cron_cic_register_unnumbered(self):
        """Number every committed record of every registering model that still has
        no number (e.g. the server stopped between the commit and the post-commit)."""
        mixin = self.env.registry["cic.registration.mixin"]
        for model_name in sorted(mixin._inherit_children):
            model = self.env[model_name]
            if model._abstract:
                continue
            domain = [("cic_registration_number", "=", False)]
            records = model.with_context(active_test=False).search(
                domain + model._cic_registration_domain(), order="id"
            )
            for record in records._cic_to_register():
                model._cic_register_in_new_cursor(
                    self.env.registry, model_name, record.id
                )

    def _cic_registration_line(self, day=None):
        """The registration line of an official document as Romanian institutions
        write it: "Nr. 1234 din 06.12.2026" (sequence in the year, dd.mm.yyyy).
        ``day`` replaces the registration date (e.g. the date of a letter)."""
        self.ensure_one()
        day = day or self.env["cic.calendar"].local_date(self.cic_registration_date)
        return self.env._(
            "No. %(number)s of %(date)s",
            number=self.cic_registration_seq or self.cic_registration_number or "",
            date=day.strftime("%d.%m.%Y") if day else "",
        )
