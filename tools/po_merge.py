"""Merge an exported ro.po (fresh msgids from Odoo) with the addon's current i18n/ro.po.

Usage: po_merge.py EXPORTED.po CURRENT.po
Keeps every translation already in CURRENT.po (matched on msgid) and the references
to records of other modules that the addon renames (an export lists only the addon's
own records, e.g. model:ir.ui.menu,name:helpdesk_mgmt.helpdesk_ticket_main_menu);
takes the references and new entries from EXPORTED.po, drops duplicates, and rewrites
CURRENT.po. Prints the msgids that still have no translation, so they can be filled in.
"""

import os
import sys

import polib


def foreign_occurrences(entry, addon):
    """References of ``entry`` to records that belong to another module."""
    found = []
    for ref, line in entry.occurrences:
        kind, _sep, xmlid = ref.rpartition(":")
        if kind.startswith("model") and "." in xmlid:
            if xmlid.split(".", 1)[0] != addon:
                found.append((ref, line))
    return found


def main(exported_path, current_path):
    addon = os.path.basename(os.path.dirname(os.path.dirname(current_path)))
    exported = polib.pofile(exported_path)
    try:
        current = polib.pofile(current_path)
    except (OSError, ValueError):
        current = []
    known = {e.msgid: e.msgstr for e in current if e.msgstr}
    foreign = {e.msgid: foreign_occurrences(e, addon) for e in current}
    seen = set()
    merged = polib.POFile()
    merged.metadata = exported.metadata
    merged.header = exported.header
    for entry in exported:
        if entry.msgid in seen:
            continue
        seen.add(entry.msgid)
        entry.msgstr = known.get(entry.msgid, entry.msgstr)
        entry.flags = [f for f in entry.flags if f != "fuzzy"]
        entry.occurrences += foreign.pop(entry.msgid, [])
        merged.append(entry)
    for entry in current:
        if foreign.get(entry.msgid) and entry.msgid not in seen:
            seen.add(entry.msgid)
            entry.occurrences = foreign[entry.msgid]
            merged.append(entry)
    merged.save(current_path)
    missing = [e.msgid for e in merged if not e.msgstr]
    for msgid in missing:
        print("untranslated:", msgid.replace("\n", "\\n")[:120])
    print(f"{len(merged)} entries, {len(missing)} untranslated")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
