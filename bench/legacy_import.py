# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Legacy import: a 100,000-row register in .xls (written with xlwt) through the
legacy import wizard ``cic.legacy.import`` (read, validate, import), as an
administrator, in this process. Target: >= 2,000 rows/s end to end.

    bench/py bench/legacy_import.py -d h_bench [--rows 100000] [--quick]

An .xls sheet holds at most 65,536 rows (BIFF8) and the wizard reads the first sheet:
100,000 rows are sent as two files of 50,000 rows (the figure is for both). The same
rows in one .xlsx file (openpyxl) are timed too with ``--xlsx``.
"""

import base64
import datetime
import io
import random
import sys
import time

from common import MemorySampler, arg_parser, banner, open_env, print_table, result_line
from generate import FIRST, LAST

TARGET_ROWS_PER_S = 2000
XLS_MAX_ROWS = 65_535
HEADERS = [
    "Nr. înregistrare",
    "Data înregistrării",
    "Emitent",
    "Adresa",
    "Conținutul pe scurt",
    "Compartiment",
    "Nr. file",
    "Data expedierii",
    "Destinatar",
    "Indicativ dosar",
]
SUBJECTS = [
    "Cerere autorizație",
    "Sesizare iluminat",
    "Cerere certificat",
    "Reclamație",
    "Adeverință",
]
DEPARTMENTS = ["Urbanism", "Taxe și impozite", "Stare civilă", "Patrimoniu", "Juridic"]


def register_rows(count, first_number, seed=1996):
    """Rows of a legacy register: numbers from ``first_number``, dates in 2015-2019,
    senders from a pool of 5,000 people."""
    rng = random.Random(seed + first_number)
    start = datetime.date(2015, 1, 5)
    for i in range(count):
        number = first_number + i
        day = start + datetime.timedelta(days=number * 1826 // 200_000)
        person = rng.randrange(5000)
        yield [
            number,
            datetime.datetime.combine(day, datetime.time()),
            f"{FIRST[person % 10]} {LAST[person // 10 % 10]} {person}",
            f"Str. Lalelelor nr. {person % 120 + 1}, Exemplu",
            f"{rng.choice(SUBJECTS)} {number}",
            rng.choice(DEPARTMENTS),
            rng.randrange(1, 12),
            datetime.datetime.combine(
                day + datetime.timedelta(days=rng.randrange(1, 30)), datetime.time()
            ),
            "Primăria Municipiului Exemplu",
            f"II-{rng.randrange(1, 40)}",
        ]


def xls_bytes(rows):
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Registru")
    date_style = xlwt.easyxf(num_format_str="DD.MM.YYYY")
    for col, header in enumerate(HEADERS):
        sheet.write(0, col, header)
    for r, row in enumerate(rows, start=1):
        for col, value in enumerate(row):
            if isinstance(value, datetime.datetime):
                sheet.write(r, col, value, date_style)
            else:
                sheet.write(r, col, value)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def xlsx_bytes(rows):
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Registru")
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def import_file(env, data, name, profile=False):
    """Run the wizard on one file; return {phase: seconds} and the counts."""
    Wizard = env["cic.legacy.import"]
    timings = {}
    start = time.perf_counter()
    wizard = Wizard.create({"file": base64.b64encode(data), "file_name": name})
    wizard.action_read()
    timings["read"] = time.perf_counter() - start
    mark = time.perf_counter()
    wizard.action_validate()
    timings["validate"] = time.perf_counter() - mark
    if wizard.error_count:
        wizard.skip_invalid = True
    mark = time.perf_counter()
    if profile:
        import cProfile
        import io
        import pstats

        profiler = cProfile.Profile()
        profiler.enable()
    wizard.action_import()
    env.cr.commit()
    if profile:
        profiler.disable()
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(45)
        print(f"cProfile of the import step of {name} (cumulative, top 45):")
        print("\n".join(x for x in out.getvalue().splitlines() if x.strip()))
    timings["import"] = time.perf_counter() - mark
    timings["total"] = time.perf_counter() - start
    return (
        timings,
        wizard.created_count,
        wizard.error_count,
        wizard.partner_created_count,
    )


def main():
    parser = arg_parser(__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument(
        "--profile", action="store_true", help="cProfile the import step (top 45)"
    )
    parser.add_argument(
        "--xlsx", action="store_true", help="also one .xlsx file of all rows"
    )
    args = parser.parse_args()
    rows_total = 4_000 if args.quick else args.rows
    banner("legacy register import (.xls)", args, rows=rows_total)
    try:
        import xlwt  # noqa: F401
    except ImportError:
        result_line(
            "legacy_import",
            "SKIP",
            "xlwt is not installed (bench/py installs it on first use)",
        )
        return 0
    with open_env(args.db) as env:
        if "cic.legacy.import" not in env:
            result_line("legacy_import", "SKIP", "cic.legacy.import not available yet")
            return 0
        # A new run continues after the legacy entries already imported, so that
        # the wizard does not skip its rows as already imported.
        env.cr.execute("SELECT count(*) FROM helpdesk_ticket WHERE cic_is_legacy")
        base_number = env.cr.fetchone()[0] + 1
        files, offset = [], base_number
        per_file = min(
            XLS_MAX_ROWS,
            (rows_total + 1) // 2 if rows_total > XLS_MAX_ROWS else rows_total,
        )
        mark = time.perf_counter()
        while offset < base_number + rows_total:
            count = min(per_file, base_number + rows_total - offset)
            files.append(
                (
                    f"registru_{offset}.xls",
                    xls_bytes(register_rows(count, offset)),
                    count,
                )
            )
            offset += count
        if args.xlsx:
            files.append(
                (
                    f"registru_{offset}.xlsx",
                    xlsx_bytes(register_rows(rows_total, offset)),
                    rows_total,
                )
            )
        print(
            f"generated {len(files)} files in {time.perf_counter() - mark:.1f} s "
            f"({', '.join(f'{n}: {len(d) / 1048576:.1f} MB' for n, d, _c in files)})"
        )
        rows_out, xls_rows, xls_seconds, created_all, errors_all = [], 0, 0.0, 0, 0
        memory = MemorySampler().start()
        for name, data, count in files:
            timings, created, errors, partners = import_file(
                env, data, name, profile=args.profile
            )
            rows_out.append(
                {
                    "case": name,
                    "n": count,
                    **timings,
                    "per_s": count / timings["total"],
                    "created": created,
                    "errors": errors,
                    "partners": partners,
                    "peak_mb": memory.label(),
                }
            )
            if name.endswith(".xls"):
                xls_rows += count
                xls_seconds += timings["total"]
                created_all += created
                errors_all += errors
        memory.stop()
        print_table(
            rows_out,
            [
                ("case", "file", ""),
                ("n", "rows", "d"),
                ("read", "read s", ".1f"),
                ("validate", "validate s", ".1f"),
                ("import", "import s", ".1f"),
                ("total", "total s", ".1f"),
                ("per_s", "rows/s", ".0f"),
                ("created", "created", "d"),
                ("errors", "bad rows", "d"),
                ("partners", "new partners", "d"),
                ("peak_mb", "peak RSS MB", ""),
            ],
        )
    rate = xls_rows / xls_seconds
    if created_all != xls_rows:
        result_line(
            "legacy_import",
            "FAIL",
            f"{created_all} entries created for {xls_rows} rows ({errors_all} bad "
            f"rows)",
        )
        return 1
    result_line(
        "legacy_import",
        rate >= TARGET_ROWS_PER_S,
        f"{rate:.0f} rows/s for {xls_rows} .xls rows (target >= {TARGET_ROWS_PER_S})",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
