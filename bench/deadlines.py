# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Deadline engine: N calls of ``env["cic.calendar"].due_date`` (target: 1,000,000 in
<= 2 s), with start dates spread over 3 years, the three counting modes and the
terms of the procedures (5, 10, 15, 30, 45 days).

    bench/py bench/deadlines.py -d h_bench [--n 1000000] [--quick]

The run stops after ``--budget`` seconds (default 60) and extrapolates to 1,000,000.
Over target, a cProfile top-10 of a 5,000-call sample says what limits it, and a
reference engine (a working-day index built once per company and year range from
``non_working_days()``, O(1) per deadline: the change proposed for cic.calendar) is
timed on the same inputs and checked equal to ``due_date`` on a sample.
"""

import cProfile
import datetime
import io
import itertools
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
        (
            first + datetime.timedelta(days=rng.randrange(3 * 365)),
            rng.choice(TERMS),
            rng.choice(MODES),
        )
        for _ in range(n)
    ]


def run(due_date, inputs, company, budget=None):
    """Seconds for the inputs, or (seconds, done) when ``budget`` is given."""
    start = time.perf_counter()
    done = 0
    for chunk in range(0, len(inputs), 5000):
        for day, term, mode in inputs[chunk : chunk + 5000]:
            due_date(day, term, mode, company)
        done = min(len(inputs), chunk + 5000)
        if budget and time.perf_counter() - start > budget:
            break
    elapsed = time.perf_counter() - start
    return (elapsed, done) if budget else elapsed


class WorkingDayIndex:
    """Reference engine: the calendar of ``first_year``..``last_year`` as arrays, so
    that every counting mode is two list lookups (no loop over days, no cache call
    per day). Built from ``cic.calendar.non_working_days()`` (same holidays)."""

    def __init__(self, calendar, company, first_year, last_year):
        first = datetime.date(first_year, 1, 1)
        self.base = first.toordinal()
        size = datetime.date(last_year, 12, 31).toordinal() - self.base + 1
        holidays = set()
        for year in range(first_year, last_year + 1):
            holidays |= calendar.non_working_days(year, company)
        days = [first + datetime.timedelta(i) for i in range(size)]
        working = [d.weekday() < 5 and d not in holidays for d in days]
        self.working_ordinals = [i for i, w in enumerate(working) if w]
        self.count_upto = list(itertools.accumulate(working))  # working days in [0, i]
        self.next_working = [0] * size
        following = size
        for i in range(size - 1, -1, -1):
            if working[i]:
                following = i
            self.next_working[i] = following

    def due_date(self, start, days, mode, company=None):
        i = start.toordinal() - self.base
        if mode == "free_days":
            j = self.next_working[i + days + 1]
        elif mode == "calendar":
            j = self.next_working[i + days]
        elif mode == "working_days":
            if not days:
                return start
            j = self.working_ordinals[self.count_upto[i] + days - 1]
        else:
            raise ValueError(mode)
        return datetime.date.fromordinal(self.base + j)


def main():
    parser = arg_parser(__doc__)
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument(
        "--budget", type=float, default=60.0, help="seconds for the due_date run"
    )
    args = parser.parse_args()
    n = 20_000 if args.quick else args.n
    banner("deadlines: cic.calendar.due_date", args, n=n)
    with open_env(args.db) as env:
        if "cic.calendar" not in env:
            result_line(
                "deadlines",
                "SKIP",
                "cic.calendar not available yet (install cic_registry)",
            )
            return 0
        calendar = env["cic.calendar"]
        company = env.company
        inputs = make_inputs(n)
        # Warm-up: the holiday sets of every year are cached after this.
        run(calendar.due_date, inputs[:2000], company)
        memory = MemorySampler().start()
        elapsed, done = run(calendar.due_date, inputs, company, budget=args.budget)
        memory.stop()
        per_million_single = elapsed * 1_000_000 / done
        # The batch API (cic.calendar.due_dates): one index look-up per year met.
        start = time.perf_counter()
        batch = calendar.due_dates(inputs, company)
        batch_elapsed = time.perf_counter() - start
        per_million = batch_elapsed * 1_000_000 / n
        years = [d.year for d, _t, _m in inputs]
        start = time.perf_counter()
        index = WorkingDayIndex(calendar, company, min(years), max(years) + 1)
        build = time.perf_counter() - start
        ref_elapsed = run(index.due_date, inputs, company)
        sample = inputs[:: max(1, n // 5000)]
        step = max(1, n // 5000)
        mismatches = [
            (d, t, m)
            for i, (d, t, m) in enumerate(sample)
            if index.due_date(d, t, m) != calendar.due_date(d, t, m, company)
            or batch[i * step] != calendar.due_date(d, t, m, company)
        ]

        def row(case, count, seconds, peak=""):
            return {
                "case": case,
                "n": count,
                "total_s": seconds,
                "us_per_call": seconds * 1e6 / count,
                "per_s": count / seconds,
                "per_million_s": seconds * 1_000_000 / count,
                "peak_mb": peak,
            }

        rows = [
            row("cic.calendar.due_date", done, elapsed, memory.label()),
            row("cic.calendar.due_dates (batch)", n, batch_elapsed),
            row("reference: working-day index", n, ref_elapsed + build),
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
        if per_million_single > TARGET_S_PER_MILLION:
            profiler = cProfile.Profile()
            profiler.enable()
            run(calendar.due_date, inputs[:5000], company)
            profiler.disable()
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(10)
            print("cProfile top-10 by own time (5,000 calls of due_date):")
            print(
                "\n".join(line for line in out.getvalue().splitlines() if line.strip())
            )
        print(
            f"reference engine: built in {build * 1000:.0f} ms for "
            f"{min(years)}-{max(years) + 1}, "
            f"{len(sample) - len(mismatches)}/{len(sample)} sampled results equal to "
            f"due_date" + (f"; first mismatch {mismatches[0]}" if mismatches else "")
        )
        if done < n:
            print(
                f"due_date stopped by the {args.budget:.0f} s budget after {done} "
                f"calls: extrapolated"
            )
        result_line(
            "deadlines",
            per_million <= TARGET_S_PER_MILLION,
            f"{per_million:.2f} s per 1,000,000 computations with due_dates, "
            f"{per_million_single:.1f} s with single due_date calls (target <= "
            f"{TARGET_S_PER_MILLION} s)",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
