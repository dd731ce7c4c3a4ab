"""Fail when the Odoo log has a WARNING, ERROR or CRITICAL line that the allow-list
does not explain.

Usage: check_log.py LOGFILE ALLOWLIST
The allow-list has one entry per line: a Python regular expression, then `  # reason`.
"""

import re
import sys

LEVEL = re.compile(r"^\S+ \S+ \d+ (WARNING|ERROR|CRITICAL) ")


def load_allowlist(path):
    patterns = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            pattern, _sep, reason = line.partition("  # ")
            if not reason:
                sys.exit(f"cic: error: allow-list entry without a reason: {line}")
            patterns.append(re.compile(pattern.strip()))
    return patterns


def main(log_path, allow_path):
    allowed = load_allowlist(allow_path)
    bad = []
    with open(log_path, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            if LEVEL.match(line) and not any(p.search(line) for p in allowed):
                bad.append(line.rstrip())
    if bad:
        print(f"cic: {len(bad)} unexpected WARNING/ERROR line(s) in {log_path}:")
        for line in bad[:40]:
            print("  " + line[:400])
        return 1
    print(f"cic: log check clean ({log_path})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
