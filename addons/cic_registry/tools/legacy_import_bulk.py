# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Bulk insertion of many simple records for the legacy import (documented SQL path).

``create()`` costs several milliseconds per record on ``helpdesk.ticket`` and
``res.partner`` whatever the batch size: ``default_get`` over every field of the model
for each record, HTML sanitising, precomputation on new records, the cache filled
field by field. A 100,000-row register needs less than 0.5 ms per row, so the legacy
import writes its rows with one ``COPY ... FROM STDIN`` per batch (ids taken from the
table's sequence first; PostgreSQL applies the same triggers, foreign keys, unique and
check constraints as to an ``INSERT``, and reads the values with the same input
functions) and keeps what ``create()`` guarantees:

* access: ``check_access('create')`` on the model, and on the new records (rules);
* defaults: ``default_get`` is asked once for the missing stored fields; a default
  that differs between two evaluations (random tokens such as access codes) is
  evaluated again for every row;
* log access columns (``create_uid``/``create_date``/``write_uid``/``write_date``);
* stored computed fields: the ones the caller does not give are computed on new
  records as ``create()`` does for ``precompute=True`` fields, once per distinct
  value of their dependencies, and written with the row; those that need the id of
  the new record (a partner's ``commercial_partner_id``) are marked with
  ``modified(create=True)`` as ``create()`` does and recomputed by the ORM when the
  caller flushes; the given ones are protected (a test compares the stored values
  with those of ``create()``);
* the cache of the new records as ``create()`` leaves it for what the checks read:
  empty one2many/many2many, empty related fields without column (the resized images
  of a partner, which are not recomputed: they would only search attachments), no
  value for the stored fields not written, and the written values of the fields the
  Python constraints are declared on;
* Python constraints of the written fields (``_validate_fields``) and the company
  consistency check; the database constraints (unique legacy number per company and
  year) apply as for any INSERT.

What it skips, on purpose: the model's ``create()`` overrides. Callers use it only for
records whose overrides have nothing to do (the legacy import: no number, no mail, no
tracking, no followers; partners without parent, user or website) and prepare the
values as those overrides would (e.g. ``res.partner._cic_prepare_vals``). It creates
no ``ir.model.data`` (neither does ``create()`` outside module loading), no chatter
message and no follower. The caller flushes, and invalidates the cache afterwards.

HTML values given as ``Markup`` are written as they are: the caller built them by
escaping text; any other HTML value is sanitised by the field as usual.
"""

import datetime
import io
import itertools

import psycopg2
from markupsafe import Markup
from psycopg2.extras import Json

from odoo.models import LOG_ACCESS_COLUMNS
from odoo.tools import SQL

_AFTER_INSERT = object()
# COPY's text format: backslash, tab, newline and carriage return are escaped.
_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _column_fields(model):
    """Stored fields with a column, written by INSERT (not id, parent_path, log
    access columns, nor fields of _inherits parents)."""
    skip = {"id", "parent_path", *LOG_ACCESS_COLUMNS}
    return {
        name: field
        for name, field in model._fields.items()
        if field.store
        and field.column_type
        and not field.inherited
        and name not in skip
    }


def _defaults(model, names):
    """(constant defaults, {name: field} of the defaults to evaluate per row)."""
    defaults = model.default_get(names)
    again = model.default_get([name for name in names if name in defaults])
    per_row = {
        name: model._fields[name]
        for name in defaults
        if again.get(name) != defaults[name]
    }
    return defaults, per_row


def _converter(model, field):
    """Function value -> SQL parameter for ``field``."""
    if field.type == "html":

        def convert(value, vals):
            if isinstance(value, Markup):
                return str(value)
            return field.convert_to_column_insert(value, model, vals)

        return convert
    return lambda value, vals: field.convert_to_column_insert(value, model, vals)


def _copy_text(value):
    """An SQL parameter (as ``convert_to_column_insert`` gives it) in the text
    format of ``COPY``, which PostgreSQL reads with the same input functions as
    the literals of an ``INSERT``."""
    if value is None:
        return "\\N"
    kind = type(value)
    if kind is bool:
        return "t" if value else "f"
    if kind is int or kind is float:
        return repr(value)
    if isinstance(value, str):
        text = value
    elif isinstance(value, datetime.datetime):
        text = value.isoformat(sep=" ")
    elif isinstance(value, datetime.date):
        text = value.isoformat()
    elif isinstance(value, Json):
        text = value.dumps(value.adapted)
    elif isinstance(value, psycopg2.Binary):
        text = "\\x" + bytes(value.adapted).hex()
    else:
        raise TypeError(f"no COPY text for {kind.__name__} values")
    return text.translate(_COPY_ESCAPES)


def _column_texts(model, field, values, vals_list):
    """COPY texts of the values of ``field`` in the rows ``vals_list``, converted
    once per distinct value and type, unless the conversion reads the other values
    of the row (monetary, properties) or a value cannot be hashed."""
    convert = _converter(model, field)
    pairs = list(zip(values, map(type, values), strict=True))
    distinct = None
    if field.type not in ("monetary", "properties"):
        try:
            distinct = dict.fromkeys(pairs)
        except TypeError:  # a value that cannot be hashed
            distinct = None
    if distinct is None:
        return [
            _copy_text(convert(value, vals))
            for value, vals in zip(values, vals_list, strict=True)
        ]
    texts = {pair: _copy_text(convert(pair[0], None)) for pair in distinct}
    return list(map(texts.__getitem__, pairs))


def _copy_rows(cr, table, names, lines, count):
    """Insert ``count`` rows with ``COPY ... FROM STDIN`` (triggers, foreign keys,
    unique and check constraints apply as for ``INSERT``); ``lines`` gives the
    text of each row without its id. Return the ids, taken from the table's
    sequence in the order of the rows."""
    cr.execute(
        SQL(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) "
            "FROM generate_series(1, %s)",
            table,
            count,
        )
    )
    ids = sorted(row[0] for row in cr.fetchall())
    buffer = io.StringIO()
    buffer.writelines(
        f"{record_id}\t{line}\n" for record_id, line in zip(ids, lines, strict=True)
    )
    buffer.seek(0)
    columns = SQL(", ").join(SQL.identifier(name) for name in ("id", *names))
    cr.copy_expert(
        SQL("COPY %s (%s) FROM STDIN", SQL.identifier(table), columns).code, buffer
    )
    return ids


def _key_names(model, field, known, seen=()):
    """Fields of the row whose values decide the value of the computed ``field``:
    the first names of its dependencies, through the computed fields that are not
    known themselves. Dependencies without value in the rows (empty one2many of a
    new record, context) are the same for every row."""
    names = set()
    for path in model.pool.field_depends[field]:
        name = path.split(".")[0]
        if name in known:
            names.add(name)
        elif model._fields[name].compute and name not in seen:
            names |= _key_names(model, model._fields[name], known, (*seen, name))
    return names


def _hashable(value):
    try:
        hash(value)
    except TypeError:
        return repr(value)
    return value


def _computed_columns(model, fields_to_compute, count, known, column_of, cache):
    """{name: [(COPY text, write value) of each row]} of the stored computed
    fields that are not given. As ``create()`` does for ``precompute=True`` fields,
    the values are computed on new records; here one new record per distinct value
    of the fields the computation depends on (not one per row), shared by the
    fields that depend on the same ones, and remembered in ``cache`` from one call
    to the next."""
    by_keys = {}
    for field in fields_to_compute:
        keys = tuple(sorted(_key_names(model, field, known)))
        by_keys.setdefault(keys, []).append(field)
    computing = {field.name for field in fields_to_compute}
    result = {}
    for keys, fields in by_keys.items():
        # The new records hold every field the computations read directly (those
        # that are not in the rows get their value of the rows: default or empty),
        # so that reading them asks no default_get per record.
        filled = {
            path.split(".")[0]
            for field in fields
            for path in model.pool.field_depends[field]
        }
        filled = [
            name
            for name in filled
            if name not in computing
            and model._fields[name].store
            and model._fields[name].column_type
        ]
        # The key of each row, and the first row of each key.
        row_keys = [()] * count
        if keys:
            row_keys = list(zip(*map(column_of, keys), strict=True))
        try:
            first = {key: index for index, key in reversed(list(enumerate(row_keys)))}
        except TypeError:  # a value that cannot be hashed
            row_keys = [tuple(map(_hashable, key)) for key in row_keys]
            first = {key: index for index, key in reversed(list(enumerate(row_keys)))}
        todo = [
            key
            for key in first
            if any((field.name, key) not in cache for field in fields)
        ]
        samples = model.browse().concat(
            *(
                model.new(
                    {name: column_of(name)[first[key]] for name in (*keys, *filled)}
                )
                for key in todo
            )
        )
        for sample, key in zip(samples, todo, strict=True):
            vals = {name: column_of(name)[first[key]] for name in keys}
            for field in fields:
                value = sample[field.name]
                if field.relational and not all(value._ids):
                    # A new record (e.g. the partner as its own commercial
                    # partner): computed by the ORM once the rows exist.
                    cache[(field.name, key)] = _AFTER_INSERT
                    continue
                value = field.convert_to_write(value, sample)
                cache[(field.name, key)] = (
                    _copy_text(field.convert_to_column_insert(value, model, vals)),
                    value,
                )
        for field in fields:
            by_key = {key: cache[(field.name, key)] for key in first}
            if _AFTER_INSERT not in by_key.values():
                result[field.name] = list(map(by_key.__getitem__, row_keys))
    return result


def _cache_empty_fields(records, names):
    """Put in cache what ``create()`` knows of new records without reading them
    (``BaseModel._create``): no lines in their one2many/many2many fields, no value in
    the related fields without column (e.g. the resized images of a partner) and
    in the stored fields that were not written. Return the related fields without
    column that only copy such an empty field of the same record (a partner's
    ``image_128`` of its ``image_1920``): their value is the empty value put in
    cache, so that recomputing them could only search their attachments again."""
    records = records.with_context(bin_size=False)  # as create(): binary values
    cache = records.env.cache
    written = {"id", "parent_path", *LOG_ACCESS_COLUMNS, *names}
    empty = set()
    for field in records._fields.values():
        if field.type in ("one2many", "many2many"):
            cache.update(records, field, itertools.repeat(()))
        elif (field.related and not field.column_type) or (
            field.store and field.name not in written and not field.compute
        ):
            value = field.convert_to_cache(None, records)
            cache.update(records, field, itertools.repeat(value))
            if not field.compute:
                empty.add(field.name)
    return [
        field
        for field in records._fields.values()
        if field.store
        and field.related in empty
        and not field.column_type
        and field.type not in ("one2many", "many2many")
    ]


def _to_cache(field, records, values):
    """``field.convert_to_cache`` of each value (once per distinct value and type:
    ``0`` and ``False`` are not converted alike). HTML given as ``Markup`` is not
    sanitised again."""

    def convert(value):
        validate = not (field.type == "html" and isinstance(value, Markup))
        return field.convert_to_cache(value, records, validate=validate)

    keys = list(zip(values, map(type, values), strict=True))
    try:
        converted = {key: convert(key[0]) for key in dict.fromkeys(keys)}
    except TypeError:  # a value that cannot be hashed
        return [convert(value) for value in values]
    return list(map(converted.__getitem__, keys))


def _cache_written(records, columns):
    """Put in cache, as ``create()`` does (``convert_to_cache`` of the values in
    the ``write`` format, inverse fields of the many2one updated), the written
    values of the fields that the Python constraints are declared on, so that
    checking them reads no row back (a field they read besides is read from the
    database, which holds the same value). ``columns``: {name: the values of the
    rows, or one value for all}. HTML given as ``Markup`` is cached as written (not
    sanitised, see the module docstring); the fields whose cache value depends on
    more than the value (translated, company-dependent, monetary, binary,
    properties) are left to the database."""
    records = records.with_context(bin_size=False)
    cache = records.env.cache
    constrained = {
        name for check in records._constraint_methods for name in check._constrains
    }
    for name, values in columns.items():
        field = records._fields[name]
        if (
            name not in constrained
            or field.translate
            or field.company_dependent
            or field.type in ("monetary", "binary", "properties", "json")
        ):
            continue
        if not isinstance(values, list):
            values = [values] * len(records)
        values = _to_cache(field, records, values)
        cache.update(records, field, values)
        if field.type == "many2one" and records.pool.field_inverses[field]:
            by_value = {}
            for record_id, value in zip(records._ids, values, strict=True):
                by_value.setdefault(value, []).append(record_id)
            for value, ids in by_value.items():
                field._update_inverses(records.browse(ids), value)


def bulk_insert(model, vals_list, cache=None):
    """Insert the records of ``vals_list`` (dicts of stored column fields, all with
    the same keys) and return them. See the module docstring. Successive calls of
    one import may share ``cache`` (a dict): the computed values of the rows whose
    dependencies are equal are then computed once."""
    if not vals_list:
        return model.browse()
    model = model.browse()
    model.check_access("create")
    assert not model._inherits and not model._parent_store, model._name
    env = model.env
    columns = _column_fields(model)
    given = list(vals_list[0])
    unknown = [name for name in given if name not in columns]
    if unknown:
        raise ValueError(f"bulk_insert({model._name}): not stored columns {unknown}")
    defaults, per_row = _defaults(
        model, [name for name in columns if name not in given]
    )
    common = {name: value for name, value in defaults.items() if name not in per_row}
    if model._log_access:
        now = env.cr.now()
        common.update(
            create_uid=env.uid, create_date=now, write_uid=env.uid, write_date=now
        )
    count = len(vals_list)
    # The values of the rows in the write format, by field: given, defaults that
    # differ per row (random tokens), then the same value for every row.
    rows = {name: [vals[name] for vals in vals_list] for name in given}
    for name, field in per_row.items():
        rows[name] = [
            field.convert_to_write(field.default(model), model)
            for _index in range(count)
        ]

    def column_of(name):
        if name not in rows:
            rows[name] = [common.get(name)] * count
        return rows[name]

    row_names = list(rows)
    computed = _computed_columns(
        model,
        [
            field
            for name, field in columns.items()
            if field.compute and name not in common and name not in rows
        ],
        count,
        {*rows, *common},
        column_of,
        {} if cache is None else cache,
    )
    texts = [
        _column_texts(model, model._fields[name], rows[name], vals_list)
        for name in row_names
    ] + [[text for text, _value in pairs] for pairs in computed.values()]
    if common:
        # The constant defaults and log access columns: one text for every row.
        constant = "\t".join(
            _copy_text(_converter(model, model._fields[name])(value, common))
            for name, value in common.items()
        )
        texts.append([constant] * count)
    names = row_names + list(computed) + list(common)
    lines = map("\t".join, zip(*texts, strict=True))
    ids = _copy_rows(env.cr, model._table, names, lines, count)
    records = model.browse(ids)
    copies_of_empty = _cache_empty_fields(records, set(names))
    _cache_written(
        records,
        {
            **{name: rows[name] for name in row_names},
            **common,
            **{
                name: [value for _text, value in pairs]
                for name, pairs in computed.items()
            },
        },
    )
    written = [model._fields[name] for name in names] + copies_of_empty
    with env.protecting(written, records):
        records.modified(list(model._fields), create=True)
    records._validate_fields(names)
    records.check_access("create")
    if model._check_company_auto:
        records._check_company()
    return records
