# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Deadline engine: N calls of ``env["cic.calendar"].due_date`` (target: 1,000,000 in
<= 2 s), with start dates spread over 3 years, the three counting modes and the
terms of the procedures (5, 10, 15, 30, 45 days).

    bench/py bench/deadlines.py -d h_bench [--n 1000000] [--quick]

Over target, a cProfile top-10 of a 50,000-call sample says what limits it.
"""

import cProfile
import datetime
import io
import pstats
import random
import sys
import time

from common import MemorySampler, arg_parser, banner, open_env, print_table, result_line

TARGET_S_PER_MILLION = 2.0
MODES = ("free_days", "calendar", "working_days")
TERMS = (5, 10, 15, 30, 45)


def make_inputs(n, seed=544):
    rng = random.Random(seed)
    first = datetime.date.today() - datetime.timedelta(days=3 * 365)
    return [
        (first + datetime.timedelta(days=rng.randrange(3 * 365)), rng.choice(TERMS), rng.choice(MODES))
        for _ in range(n)
    ]


def run(due_date, inputs, company):
    start = time.perf_counter()
    for day, term, mode in inputs:
        due_date(day, term, mode, company)
    return time.perf_counter() - start


def main():
    parser = arg_parser(__doc__)
    parser.add_argument("--n", type=int, default=1_000_000)
    args = parser.parse_args()
    n = 20_000 if args.quick else args.n
    banner("deadlines: cic.calendar.due_date", args, n=n)
    with open_env(args.db) as env:
        if "cic.calendar" not in env:
            result_line("deadlines", "SKIP", "cic.calendar not available yet (install cic_registry)")
            return 0
        calendar = env["cic.calendar"]
        company = env.company
        inputs = make_inputs(n)
        # Warm-up: the holiday sets of every year are cached after this.
        run(calendar.due_date, inputs[:2000], company)
        memory = MemorySampler().start()
        elapsed = run(calendar.due_date, inputs, company)
        elapsed_default = run(calendar.due_date, [(d, t, m) for d, t, m in inputs[: n // 10]], None)
        memory.stop()
        per_million = elapsed * 1_000_000 / n
        rows = [
            {
                "case": "due_date(company=rec)",
                "n": n,
                "total_s": elapsed,
                "us_per_call": elapsed * 1e6 / n,
                "per_s": n / elapsed,
                "per_million_s": per_million,
                "peak_mb": memory.label(),
            },
            {
                "case": "due_date(company=None)",
                "n": n // 10,
                "total_s": elapsed_default,
                "us_per_call": elapsed_default * 1e6 / max(1, n // 10),
                "per_s": (n // 10) / elapsed_default if elapsed_default else 0,
                "per_million_s": elapsed_default * 1_000_000 / max(1, n // 10),
                "peak_mb": "",
            },
        ]
        print_table(
            rows,
            [
                ("case", "case", ""),
                ("n", "n", "d"),
                ("total_s", "total s", ".2f"),
                ("us_per_call", "us/call", ".2f"),
                ("per_s", "calls/s", ".0f"),
                ("per_million_s", "s per 1M", ".2f"),
                ("peak_mb", "peak RSS MB", ""),
            ],
        )
        if per_million > TARGET_S_PER_MILLION:
            profiler = cProfile.Profile()
            sample = inputs[:50_000]
            profiler.enable()
            run(calendar.due_date, sample, company)
            profiler.disable()
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(10)
            print("cProfile top-10 by own time (50,000 calls):")
            print("\n".join(line for line in out.getvalue().splitlines() if line.strip())[-2500:])
        result_line(
            "deadlines",
            per_million <= TARGET_S_PER_MILLION,
            f"{per_million:.2f} s per 1,000,000 computations (target <= {TARGET_S_PER_MILLION} s)",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
