"""The Romanian catalogues as files: every entry parses, belongs to its addon and is
defined once.

Concurrent branches append entries at the end of the same ``ro.po``; a careless
merge glues an entry to the one before (its ``#. module:`` line lost, Odoo's loader
then stops reading the file there) or defines a msgid twice (``msgfmt -c`` refuses
the file). Odoo itself loads such files silently wrong, so they are checked here.
"""

import collections
import glob
import os

import polib

ROOT = os.environ.get("CIC_ROOT") or os.path.dirname(os.path.dirname(__file__))


def _catalogues():
    for pattern in ("addons/cic_*/i18n/ro.po", "addons/cic_*/i18n_extra/ro.po"):
        yield from sorted(glob.glob(os.path.join(ROOT, pattern)))


def test_catalogues_exist():
    addons = glob.glob(os.path.join(ROOT, "addons", "cic_*", "__manifest__.py"))
    found = {path.split(os.sep)[-3] for path in _catalogues()}
    assert found >= {path.split(os.sep)[-2] for path in addons}


def test_every_entry_names_its_module_and_is_translated():
    problems = []
    for path in _catalogues():
        for entry in polib.pofile(path):
            where = (
                f"{os.path.relpath(path, ROOT)}:{entry.linenum} {entry.msgid[:50]!r}"
            )
            if "module:" not in (entry.comment or ""):
                problems.append(f"{where}: no '#. module:' line (glued entry?)")
            if not entry.occurrences:
                problems.append(f"{where}: no '#:' reference")
            if not entry.msgstr and not entry.msgstr_plural:
                problems.append(f"{where}: not translated")
    assert not problems, "\n".join(problems)


def test_no_message_defined_twice():
    problems = []
    for path in _catalogues():
        seen = collections.Counter(
            (entry.msgctxt, entry.msgid) for entry in polib.pofile(path)
        )
        problems += [
            f"{os.path.relpath(path, ROOT)}: {msgid[:60]!r} defined {count} times"
            for (_ctxt, msgid), count in seen.items()
            if count > 1
        ]
    assert not problems, "\n".join(problems)
