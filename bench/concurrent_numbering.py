# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Concurrent numbering: C parallel clients (default 8) register N documents in
total (default 2,000) over JSON-RPC (``/web/dataset/call_kw``) as CIC clerks against
``bin/odoo --workers=2``; throughput, latency, and a check that the numbers of the
run are unique and contiguous (no duplicate, no missing number: else FAIL, exit 1).

County scale (issue 19 point 4): ``--communes K`` spreads the clients over K communes
(companies ``Bench comuna 1..K``, made once, each with its clerk ``bench_clerk_c<i>``
of that commune only; client i works for commune i mod K); the check then holds in
each commune's own register, and the throughput compares with one commune alone.

    bench/py bench/concurrent_numbering.py -d h_bench [--clients 8] [--total 2000]
        [--port 8510] [--communes 4]
"""

import sys
import threading
import time
import uuid

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
    run_clients,
    stats,
)


def prepare(db, communes=1):
    """(procedure id, partner id, clerk logins: one per commune)."""
    with open_env(db) as env:
        if not installed(env, "cic_registry"):
            return None
        ensure_user(env, "bench_clerk", ["cic_registry.group_cic_clerk"])
        logins = ["bench_clerk"] if communes == 1 else []
        for index in range(1, communes + 1 if communes > 1 else 1):
            logins.append(commune_clerk(env, index))
        procedure = env.ref("cic_registry.procedure_petition")
        partner = env["res.partner"].create(
            {"name": "Maria Ionescu (bench)", "email": "maria.ionescu@bench.example.ro"}
        )
        env.cr.commit()
        return procedure.id, partner.id, logins


def commune_clerk(env, index):
    """The clerk of the bench's commune ``index`` (company and user made once)."""
    Company = env["res.company"]
    name = f"Bench comuna {index}"
    company = Company.search([("name", "=", name)], limit=1) or Company.create(
        {"name": name}
    )
    login = f"bench_clerk_c{index}"
    user = ensure_user(env, login, ["cic_registry.group_cic_clerk"])
    user.write({"company_ids": [(6, 0, company.ids)], "company_id": company.id})
    env.cr.commit()
    return login


def verify(db, ids, settle=30):
    """Per commune (company) of the run's entries: see ``verify_commune``."""
    with open_env(db) as env:
        env.cr.execute(
            "SELECT company_id, array_agg(id) FROM helpdesk_ticket WHERE id = ANY(%s) "
            "GROUP BY company_id ORDER BY company_id",
            [list(ids)],
        )
        groups = env.cr.fetchall()
    if len(groups) <= 1:
        return verify_commune(db, ids, settle)
    duplicates = missing = 0
    details = []
    for company_id, company_ids in groups:
        dup, miss, detail = verify_commune(db, company_ids, settle)
        duplicates += dup
        missing += miss
        details.append(f"commune {company_id}: {detail}")
    return duplicates, missing, "\n       ".join(details)


def verify_commune(db, ids, settle=30):
    """(duplicates, missing, detail) for the tickets ``ids`` of the run.

    Missing: an entry of the run without number, or a number inside the run's range
    that no entry of the register carries (entries registered meanwhile by someone
    else legitimately take numbers inside the range)."""
    deadline = time.time() + settle
    with open_env(db) as env:
        while True:
            env.cr.execute(
                "SELECT id, company_id, cic_registration_year, cic_registration_seq "
                "FROM helpdesk_ticket WHERE id = ANY(%s)",
                [list(ids)],
            )
            rows = env.cr.fetchall()
            unnumbered = [r[0] for r in rows if r[3] is None]
            if not unnumbered or time.time() > deadline:
                break
            time.sleep(1)
            env.cr.rollback()
        seqs = sorted(r[3] for r in rows if r[3] is not None)
        duplicates = len(seqs) - len(set(seqs))
        missing = len(ids) - len(rows) + len(unnumbered)
        holes = 0
        if seqs:
            company, year = rows[0][1], rows[0][2]
            taken = set()
            for model in env.registry.descendants(
                ["cic.registration.mixin"], "_inherit"
            ):
                table = env[model]._table
                if env[model]._abstract:
                    continue
                env.cr.execute(
                    f"SELECT DISTINCT cic_registration_seq FROM {table} "  # noqa: S608
                    "WHERE company_id = %s AND cic_registration_year = %s "
                    "AND cic_registration_seq BETWEEN %s AND %s "
                    "AND cic_registration_shared IS NOT TRUE",
                    [company, year, seqs[0], seqs[-1]],
                )
                taken |= {r[0] for r in env.cr.fetchall()}
            holes = seqs[-1] - seqs[0] + 1 - len(taken)
        detail = (
            f"{len(rows)} entries, numbers {seqs[0] if seqs else '-'}.."
            f"{seqs[-1] if seqs else '-'}, {duplicates} duplicates, "
            f"{len(unnumbered)} unnumbered, {holes} numbers of the range carried by "
            "no entry"
        )
        return duplicates, missing + holes, detail


def register(sessions, total, procedure_id, partner_id, budget):
    """Register ``total`` petitions over JSON-RPC, one thread per session, as fast
    as they go; returns (samples, ids, errors, wall, timed_out). Also used by
    bench/cluster.py through a load balancer."""
    run_tag = uuid.uuid4().hex[:8]
    lock = threading.Lock()
    issued = [0]
    samples, ids, errors = [], [], []

    def client(index, stop):
        session = sessions[index]
        while not stop.is_set():
            with lock:
                if issued[0] >= total:
                    return
                issued[0] += 1
                number = issued[0]
            vals = {
                "name": f"Bench {run_tag} #{number}: cerere client {index}",
                "description": "<p>Petiție depusă de benchmark.</p>",
                "partner_id": partner_id,
                "cic_procedure_id": procedure_id,
            }
            start = time.perf_counter()
            try:
                result = session.call_kw("helpdesk.ticket", "create", [[vals]])
            except Exception as exc:  # noqa: BLE001 - counted and reported
                with lock:
                    errors.append(str(exc)[:200])
                continue
            elapsed = time.perf_counter() - start
            with lock:
                samples.append(elapsed)
                ids.extend(result if isinstance(result, list) else [result])

    wall, timed_out = run_clients(len(sessions), client, budget)
    return samples, ids, errors, wall, timed_out


def main():
    parser = arg_parser(__doc__)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--total", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--communes", type=int, default=1, help="spread the clients over K communes"
    )
    parser.set_defaults(port=8510)
    args = parser.parse_args()
    total = 80 if args.quick else args.total
    banner(
        "concurrent numbering over JSON-RPC",
        args,
        clients=args.clients,
        total=total,
        workers=args.workers,
        communes=args.communes,
    )
    prepared = prepare(args.db, args.communes)
    if not prepared:
        result_line("concurrent_numbering", "SKIP", "cic_registry not installed")
        return 0
    procedure_id, partner_id, logins = prepared
    server = OdooServer(args.db, args.port, workers=args.workers).start()
    try:
        sessions = [
            RpcSession(server.url, args.db).authenticate(logins[index % len(logins)])
            for index in range(args.clients)
        ]
        # Warm-up: each worker loads its registry; not counted in the check.
        for session in sessions[: args.workers * 2]:
            session.call_kw("helpdesk.ticket", "search_count", [[]])
        server.memory.reset()
        samples, ids, errors, wall, timed_out = register(
            sessions, total, procedure_id, partner_id, args.max_seconds
        )
        peak = server.memory.label()
    finally:
        server.stop()
    row = {
        "case": f"create petition x{args.clients} clients"
        + (f", {args.communes} communes" if args.communes > 1 else ""),
        **stats(samples, wall=wall),
        "errors": len(errors),
        "ratio": float("nan"),
        "peak_mb": peak,
    }
    print_table([row], STD_COLUMNS)
    for message in sorted(set(errors))[:5]:
        print(f"error: {message}")
    duplicates, missing, detail = verify(args.db, ids)
    print(f"check: {detail}")
    if timed_out:
        print(
            f"time budget of {args.max_seconds}s reached: {len(ids)} of {total} "
            f"registered"
        )
    if duplicates or missing or errors:
        result_line(
            "concurrent_numbering",
            "FAIL",
            f"{duplicates} duplicate, {missing} missing numbers, {len(errors)} "
            f"failed requests",
        )
        return 1
    result_line(
        "concurrent_numbering",
        "INFO" if not timed_out else "MISS",
        f"{len(ids)} registered by {args.clients} clients at {row['per_s']:.1f}/s, "
        f"p95 {row['p95_ms']:.0f} ms; no duplicate, no missing number",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
