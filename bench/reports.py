# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Scale of reports on the registry as it is (fill it first with bench/generate.py):
the semestrial petitions report (OG 27), the Law 544 annual report and the KPI
dashboard (target <= 3 s each), and the registry list view's ``web_search_read``
as the web client calls it (target <= 1 s).

    bench/py bench/reports.py -d h_bench [--repeat 3] [--quick]
        [--company "Comuna Bench 001"]

``--company``: the users who run the reports and the list work for that commune only
(county scale: bench/generate.py --communes); default the main company.

A report whose service does not exist yet gives a "not available yet" line.
"""

import datetime
import sys
import time
import traceback

from common import (
    MemorySampler,
    arg_parser,
    banner,
    ensure_user,
    open_env,
    print_table,
    result_line,
)
from lxml import etree

REPORT_TARGET_S = 3.0
LIST_TARGET_S = 1.0


def list_specification(Model):
    """The ``specification`` the web client sends for the model's default list view."""
    arch = Model.get_views([(False, "list")])["views"]["list"]["arch"]
    spec = {}
    for node in etree.fromstring(arch).iter("field"):
        name = node.get("name")
        field = Model._fields.get(name)
        if not field or node.getparent().tag not in ("list", "tree"):
            continue
        spec[name] = (
            {"fields": {"display_name": {}}} if field.type == "many2one" else {}
        )
    return spec


def registry_action_domain(env):
    """Domain of the registry's own list (menu Registratura > Înregistrări), or the
    empty domain. Named, not searched: the first helpdesk.ticket action of the addon
    was once the GDPR list, and the benchmark measured that small list instead."""
    action = env.ref(
        "cic_registry.action_cic_registry_entries", raise_if_not_found=False
    )
    if not action:
        return "no registry action", []
    # An unreadable domain is an error (raised): never a silent empty domain that
    # would measure another list.
    domain = eval(action.sudo().domain or "[]", {"uid": env.uid})  # noqa: S307 - our own DB's action
    return "action_cic_registry_entries", domain


def petition_report(env, today):
    model = env.get("cic.report.petition")
    if model is None:
        return None, "cic.report.petition is not installed in this database"
    semester = 1 if today.month > 6 else 2
    year = today.year if semester == 1 else today.year - 1
    if hasattr(model, "_cic_period"):
        date_from, date_to = model._cic_period(year, semester)
    else:
        date_from = datetime.date(year, 1 if semester == 1 else 7, 1)
        date_to = (
            datetime.date(year, 6, 30) if semester == 1 else datetime.date(year, 12, 31)
        )
    label = f"semester {semester}/{year}"
    return (lambda: model._cic_compute(env.company.id, date_from, date_to)), label


def foi_report(env, today):
    model = env.get("cic.report.foi")
    if model is None:
        return None, "cic.report.foi is not installed in this database"
    year = today.year - 1
    return (lambda: model._cic_compute(env.company.id, year)), f"year {year}"


def kpi_dashboard(env, today):
    service = env.get("cic.kpi.service")
    if service is None:
        return None, "cic.kpi.service is not installed in this database"
    year = today.year - 1
    return (
        lambda: service._cic_figures(
            datetime.date(year, 1, 1), datetime.date(year, 12, 31)
        ),
        f"year {year}",
    )


def work_company(env, name):
    """The company the benchmark users work for: ``name`` or the main company."""
    if not name:
        return env.ref("base.main_company")
    company = env["res.company"].sudo().search([("name", "=", name)], limit=1)
    if not company:
        raise SystemExit(f"bench: no company named {name!r}")
    return company


def time_call(env, func, repeat, warmup=True):
    """Seconds of ``repeat`` calls; caches of records are emptied before each call,
    the registry's caches (views, access rules) stay warm as in a running worker."""
    if warmup:
        func()
        env.cr.rollback()
    samples = []
    for _ in range(repeat):
        env.invalidate_all()
        start = time.perf_counter()
        func()
        samples.append(time.perf_counter() - start)
        env.cr.rollback()
    return samples


def main():
    parser = arg_parser(__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--company", help="name of the commune (company) to report on")
    args = parser.parse_args()
    repeat = 1 if args.quick else args.repeat
    banner("reports and list view at scale", args, repeat=repeat)
    rows, verdicts = [], []
    with open_env(args.db) as admin_env:
        admin_env.cr.execute("SELECT count(*) FROM helpdesk_ticket")
        total = admin_env.cr.fetchone()[0]
        print(f"helpdesk_ticket rows: {total}")
        lang = "ro_RO" if admin_env["res.lang"]._lang_get("ro_RO") else "en_US"
        context = {"lang": lang, "tz": "Europe/Bucharest"}
        manager = ensure_user(
            admin_env,
            "bench_manager",
            [
                (
                    "cic_registry.group_cic_manager",
                    "helpdesk_mgmt.group_helpdesk_manager",
                )
            ],
        )
        clerk = ensure_user(
            admin_env,
            "bench_clerk",
            [("cic_registry.group_cic_clerk", "helpdesk_mgmt.group_helpdesk_user")],
        )
        company = work_company(admin_env, args.company)
        (manager | clerk).sudo().write(
            {"company_ids": [(6, 0, company.ids)], "company_id": company.id}
        )
        admin_env.cr.execute(
            "SELECT count(*) FROM helpdesk_ticket WHERE company_id = %s", [company.id]
        )
        entries = admin_env.cr.fetchone()[0]
        print(f"reporting on {company.name}: {entries} entries")
        admin_env.cr.commit()
    memory = MemorySampler().start()
    with open_env(args.db, uid=manager.id, context=context) as env:
        today = datetime.date.today()
        for name, factory in (
            ("semestrial petitions report", petition_report),
            ("Law 544 annual report", foi_report),
            ("KPI dashboard", kpi_dashboard),
        ):
            func, label = factory(env, today)
            if func is None:
                print(f"{name}: FAILED: {label}", file=sys.stderr)
                verdicts.append((name, "FAIL", label))
                continue
            try:
                samples = time_call(env, func, repeat, warmup=not args.quick)
            except Exception as exc:  # noqa: BLE001 - reported below, exit 1
                env.cr.rollback()
                print(f"{name}: FAILED with an exception:", file=sys.stderr)
                traceback.print_exc()
                verdicts.append((name, "FAIL", f"{type(exc).__name__}: {exc}"[:200]))
                continue
            worst = max(samples)
            rows.append(
                {
                    "case": f"{name} ({label})",
                    "n": len(samples),
                    "median_s": sorted(samples)[len(samples) // 2],
                    "max_s": worst,
                    "target_s": REPORT_TARGET_S,
                }
            )
            verdicts.append((name, worst <= REPORT_TARGET_S, f"{worst:.2f} s"))
    with open_env(args.db, uid=clerk.id, context=context) as env:
        Ticket = env["helpdesk.ticket"].with_context(bin_size=True)
        spec = list_specification(Ticket)
        action, domain = registry_action_domain(env)
        for case, dom in (
            (f"list view ({action})", domain),
            ("list view, open entries", domain + [("closed", "=", False)]),
        ):
            samples = time_call(
                env,
                lambda dom=dom: Ticket.web_search_read(
                    dom, spec, offset=0, limit=80, count_limit=10001
                ),
                repeat,
            )
            worst = max(samples)
            rows.append(
                {
                    "case": f"web_search_read {case}",
                    "n": len(samples),
                    "median_s": sorted(samples)[len(samples) // 2],
                    "max_s": worst,
                    "target_s": LIST_TARGET_S,
                }
            )
            verdicts.append((case, worst <= LIST_TARGET_S, f"{worst:.2f} s"))
        print(f"list specification: {', '.join(spec)}")
    memory.stop()
    for row in rows:
        row["peak_mb"] = memory.label()
    print_table(
        rows,
        [
            ("case", "case", ""),
            ("n", "n", "d"),
            ("median_s", "median s", ".3f"),
            ("max_s", "max s", ".3f"),
            ("target_s", "target s", ".1f"),
            ("peak_mb", "peak RSS MB", ""),
        ],
    )
    for name, ok, detail in verdicts:
        result_line(f"reports/{name}", ok, f"{detail} on {total} entries")
    failed = [name for name, ok, _detail in verdicts if ok == "FAIL"]
    if failed:
        # A report that raises is a failure of the run, never a skipped row.
        print(f"reports.py: {len(failed)} failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
