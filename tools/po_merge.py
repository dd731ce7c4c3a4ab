"""Merge an exported ro.po (fresh msgids from Odoo) with the addon's current i18n/ro.po.

Usage: po_merge.py EXPORTED.po CURRENT.po
Keeps every translation already in CURRENT.po (matched on msgid), takes the
references and
new entries from EXPORTED.po, drops duplicates, and rewrites CURRENT.po. Prints the
msgids that still have no translation, so they can be filled in.
"""

import sys

import polib


def main(exported_path, current_path):
    exported = polib.pofile(exported_path)
    try:
        current = polib.pofile(current_path)
        known = {e.msgid: e.msgstr for e in current if e.msgstr}
    except (OSError, ValueError):
        known = {}
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
        merged.append(entry)
    merged.save(current_path)
    missing = [e.msgid for e in merged if not e.msgstr]
    for msgid in missing:
        print("untranslated:", msgid.replace("\n", "\\n")[:120])
    print(f"{len(merged)} entries, {len(missing)} untranslated")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
