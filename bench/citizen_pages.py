# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Citizen pages: ``/my/requests`` (first page, sorted by due date, a deep page) and
a request page ``/my/requests/<id>`` for a citizen who has 2,000 requests (made with
bench/generate.py), against ``bin/odoo --workers=2``. Target: p95 <= 300 ms.

    bench/py bench/citizen_pages.py -d h_bench [--requests 2000] [--samples 50]
        [--port 8530] [--communes 4] [--citizen citizen_050]

``--communes K``: the citizen's requests are filed with K communes (the first K of
bench/generate.py --communes), as in a county installation.

``--citizen LOGIN``: measure as that existing portal user with the history the
generator gave him (bench/generate.py --communes makes ``citizen_NNN``, a resident
of "Comuna Bench NNN" who also filed with other communes); nothing is generated.
"""

import random
import sys
import time

from common import (
    STD_COLUMNS,
    OdooServer,
    RpcSession,
    arg_parser,
    banner,
    ensure_user,
    installed,
    open_env,
    print_table,
    result_line,
    stats,
)
from generate import ensure_communes, generate

TARGET_P95_MS = 300


def citizen_requests(env, partner_id):
    """Ids of the citizen's registry entries (what /my/requests lists)."""
    env.cr.execute(
        "SELECT id FROM helpdesk_ticket WHERE partner_id = %s AND "
        "cic_procedure_id IS NOT NULL",
        [partner_id],
    )
    return [r[0] for r in env.cr.fetchall()]


def existing_citizen(db, login):
    """The requests of the existing portal user ``login``, or None when missing."""
    with open_env(db) as env:
        if not installed(env, "cic_portal"):
            return None
        user = env["res.users"].search([("login", "=", login)], limit=1)
        if not user:
            raise SystemExit(
                f"citizen_pages: no user {login!r} (bench/generate.py "
                "--communes makes citizen_NNN)"
            )
        env.cr.execute(
            "SELECT count(DISTINCT company_id) FROM helpdesk_ticket WHERE "
            "partner_id = %s",
            [user.partner_id.id],
        )
        communes = env.cr.fetchone()[0]
        filed = citizen_requests(env, user.partner_id.id)
        # The pages of the communes his account is allowed (his portal lists these).
        ids = env["helpdesk.ticket"].with_user(user).search([("id", "in", filed)]).ids
        print(
            f"{login}: filed {len(filed)} requests with {communes} communes, "
            f"{len(ids)} in the communes of his account"
        )
        return ids


def prepare(db, wanted, communes=0):
    with open_env(db) as env:
        if not installed(env, "cic_portal"):
            return None
        user = ensure_user(env, "bench_citizen", ["base.group_portal"])
        partner_id = user.partner_id.id
        env.cr.execute(
            "SELECT count(*) FROM helpdesk_ticket WHERE partner_id = %s AND "
            "cic_procedure_id IS NOT NULL",
            [partner_id],
        )
        have = env.cr.fetchone()[0]
    if have < wanted:
        companies = ensure_communes(db, communes) if communes else [None]
        inserted = seconds = 0
        for company_id in companies:
            done, took = generate(
                db,
                (wanted - have) // len(companies),
                partner_id=partner_id,
                quiet=True,
                company_id=company_id,
            )
            inserted, seconds = inserted + done, seconds + took
        print(
            f"generated {inserted} requests for the citizen in {seconds:.1f} s "
            f"({len(companies)} commune(s))"
        )
    with open_env(db) as env:
        if communes:
            join_communes(env, ensure_communes(db, communes))
        return citizen_requests(env, partner_id)


def join_communes(env, company_ids):
    """The citizen's account joins the communes he filed with, as filing on each
    commune's website does (``res.users._cic_join_commune``): his /my pages then
    list his requests at all of them."""
    user = env["res.users"].sudo().search([("login", "=", "bench_citizen")])
    for company in env["res.company"].browse(company_ids):
        user._cic_join_commune(company)
    env.cr.commit()


def main():
    parser = arg_parser(__doc__)
    parser.add_argument(
        "--requests", type=int, default=2000, help="requests of the citizen"
    )
    parser.add_argument("--samples", type=int, default=50, help="GETs per page kind")
    parser.add_argument("--communes", type=int, default=0, help="communes filed with")
    parser.add_argument("--citizen", help="measure as this existing portal user")
    parser.set_defaults(port=8530)
    args = parser.parse_args()
    samples_n = 5 if args.quick else args.samples
    wanted = 200 if args.quick else args.requests
    banner("citizen pages", args, requests=wanted, samples=samples_n)
    login = args.citizen or "bench_citizen"
    if args.citizen:
        ids = existing_citizen(args.db, args.citizen)
    else:
        ids = prepare(args.db, wanted, args.communes)
    if ids is None:
        result_line("citizen_pages", "SKIP", "cic_portal not installed")
        return 0
    rng = random.Random(2000)
    deep_page = max(1, len(ids) // 20 // 2)
    cases = [
        ("/my/requests", lambda: "/my/requests"),
        ("/my/requests?sortby=due", lambda: "/my/requests?sortby=due"),
        (f"/my/requests/page/{deep_page}", lambda: f"/my/requests/page/{deep_page}"),
        ("/my/requests/<id>", lambda: f"/my/requests/{rng.choice(ids)}"),
    ]
    server = OdooServer(args.db, args.port, workers=2).start()
    rows, errors_total = [], 0
    deadline = time.time() + args.max_seconds
    try:
        citizen = RpcSession(server.url, args.db).authenticate(login)
        server.warm([path() for _name, path in cases], sessions=[citizen.http])
        for name, path in cases:
            server.memory.reset()
            samples, errors = [], 0
            start_case = time.perf_counter()
            for _ in range(samples_n):
                if time.time() > deadline:
                    break
                start = time.perf_counter()
                response = citizen.http.get(
                    server.url + path(), timeout=120, allow_redirects=False
                )
                elapsed = time.perf_counter() - start
                if response.status_code != 200:
                    errors += 1
                else:
                    samples.append(elapsed)
            wall = time.perf_counter() - start_case
            rows.append(
                {
                    "case": name,
                    **stats(samples, wall=wall),
                    "errors": errors,
                    "ratio": float("nan"),
                    "peak_mb": server.memory.label(),
                }
            )
            errors_total += errors
    finally:
        server.stop()
    print_table(rows, STD_COLUMNS)
    if errors_total:
        result_line("citizen_pages", "FAIL", f"{errors_total} pages did not answer 200")
        return 1
    worst = max(r["p95_ms"] for r in rows)
    result_line(
        "citizen_pages",
        worst <= TARGET_P95_MS,
        f"worst p95 {worst:.0f} ms for {login} with {len(ids)} requests (target <= "
        f"{TARGET_P95_MS} ms)",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
