# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Bulk insertion of many simple records for the legacy import (documented SQL path).

``create()`` costs several milliseconds per record on ``helpdesk.ticket`` and
``res.partner`` whatever the batch size: ``default_get`` over every field of the model
for each record, HTML sanitising, precomputation on new records, the cache filled
field by field. A 100,000-row register needs less than 0.5 ms per row, so the legacy
import writes its rows with ``INSERT ... VALUES`` in pages of ``PAGE_SIZE`` and keeps
what ``create()`` guarantees:

* access: ``check_access('create')`` on the model, and on the new records (rules);
* defaults: ``default_get`` is asked once for the missing stored fields; a default
  that differs between two evaluations (random tokens such as access codes) is
  evaluated again for every row;
* log access columns (``create_uid``/``create_date``/``write_uid``/``write_date``);
* stored computed fields: the ones the caller does not give are marked with
  ``modified(create=True)`` exactly as ``create()`` does, then recomputed by the ORM
  in batch when the caller flushes; the ones given are protected (the caller gives
  their final value: the legacy import gives the values the computes would give,
  and a test compares both);
* Python constraints of the given fields (``_validate_fields``) and the company
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

from markupsafe import Markup

from odoo.models import LOG_ACCESS_COLUMNS
from odoo.tools import SQL

PAGE_SIZE = 1000
_AFTER_INSERT = object()


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


def _computed_columns(model, fields_to_compute, count, known, value_of, cache):
    """{name: [column value of each row]} of the stored computed fields that are
    not given. As ``create()`` does for ``precompute=True`` fields, the values are
    computed on new records; here one new record per distinct value of the fields
    the computation depends on (not one per row), shared by the fields that depend
    on the same ones, and remembered in ``cache`` from one call to the next."""
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
        groups = {}
        for index in range(count):
            key = tuple(_hashable(value_of(index, name)) for name in keys)
            groups.setdefault(key, []).append(index)
        todo = [
            key
            for key in groups
            if any((field.name, key) not in cache for field in fields)
        ]
        samples = model.browse().concat(
            *(
                model.new(
                    {name: value_of(groups[key][0], name) for name in (*keys, *filled)}
                )
                for key in todo
            )
        )
        for sample, key in zip(samples, todo, strict=True):
            vals = {name: value_of(groups[key][0], name) for name in keys}
            for field in fields:
                value = sample[field.name]
                if field.relational and not all(value._ids):
                    # A new record (e.g. the partner as its own commercial
                    # partner): computed by the ORM once the rows exist.
                    cache[(field.name, key)] = _AFTER_INSERT
                    continue
                value = field.convert_to_write(value, sample)
                cache[(field.name, key)] = field.convert_to_column_insert(
                    value, model, vals
                )
        for field in fields:
            if any(cache[(field.name, key)] is _AFTER_INSERT for key in groups):
                continue
            column = [None] * count
            for key, indexes in groups.items():
                value = cache[(field.name, key)]
                for index in indexes:
                    column[index] = value
            result[field.name] = column
    return result


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
    # Defaults that differ per row (random tokens), as column values.
    varying = {
        name: [
            _converter(model, field)(
                field.convert_to_write(field.default(model), model), None
            )
            for _index in range(count)
        ]
        for name, field in per_row.items()
    }

    def value_of(index, name):
        vals = vals_list[index]
        if name in vals:
            return vals[name]
        if name in varying:
            return varying[name][index]
        return common.get(name)

    computed = _computed_columns(
        model,
        [
            field
            for name, field in columns.items()
            if field.compute
            and name not in common
            and name not in varying
            and name not in vals_list[0]
        ],
        count,
        set(given) | set(common) | set(varying),
        value_of,
        {} if cache is None else cache,
    )
    names = given + list(common) + list(varying) + list(computed)
    converters = [_converter(model, model._fields[name]) for name in given]
    constant = [
        _converter(model, model._fields[name])(value, common)
        for name, value in common.items()
    ]
    extra_columns = list(varying.values()) + list(computed.values())
    ids = []
    header = SQL(", ").join(SQL.identifier(name) for name in names)
    # One placeholder per value (psycopg2 quotes them in C), not one tuple per row.
    placeholders = "(" + ", ".join(["%s"] * len(names)) + ")"
    for start in range(0, count, PAGE_SIZE):
        params = []
        for index in range(start, min(start + PAGE_SIZE, count)):
            vals = vals_list[index]
            params += [
                convert(vals[name], vals)
                for convert, name in zip(converters, given, strict=True)
            ]
            params += constant
            params += [column[index] for column in extra_columns]
        size = min(PAGE_SIZE, count - start)
        env.cr.execute(
            SQL(
                "INSERT INTO %s (%s) VALUES %s RETURNING id",
                SQL.identifier(model._table),
                header,
                SQL(", ".join([placeholders] * size), *params),
            )
        )
        ids.extend(row[0] for row in env.cr.fetchall())
    records = model.browse(ids)
    written = [model._fields[name] for name in names]
    with env.protecting(written, records):
        records.modified(list(model._fields), create=True)
    records._validate_fields(names)
    records.check_access("create")
    if model._check_company_auto:
        records._check_company()
    return records
