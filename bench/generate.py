# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""TEST-DATA GENERATOR ONLY: builds N registry entries (default 1,000,000) straight
into ``helpdesk_ticket`` with ``INSERT ... SELECT generate_series`` (raw SQL is fine
here, in bench/, and never in the addons). Never run it on a real database.

    bench/py bench/generate.py -d h_bench [--n 1000000] [--partners 50000]
        [--communes 100]

County scale (``--communes K``): the N entries are spread evenly over K communes,
companies named "Comuna Bench 001".., created when missing, each with its own ten
departments and its own register numbers; the petitioners' pool is shared (a citizen
files with several communes).

Distributions: procedures (petitions 45 %, service requests 25 %, Law 544 requests
12 %, outgoing 8 %, internal 5 %, complaints, recommendations, GDPR), registration
dates uniform over the last 3 years on working hours, 10 departments, a pool of
partners (1 per 20 entries), stages: entries older than 60 days 95 % closed, newer
ones 35 %; answers (dispatch date) within the term for 88 % of closed entries.
Numbers continue each year's counter of the general register (``cic_register_counter``
is moved to the last generated number), legal due dates are ``D + term + 1`` moved
off weekends (holidays are not applied: test data). No chatter, followers or mails.
"""

import sys
import time

import psycopg2
import psycopg2.extras
from common import arg_parser, banner, open_env, result_line

DEPARTMENTS = [
    "Direcția Urbanism",
    "Direcția Taxe și Impozite Locale",
    "Serviciul Stare Civilă",
    "Direcția Patrimoniu",
    "Serviciul Juridic",
    "Direcția Asistență Socială",
    "Serviciul Registru Agricol",
    "Direcția Tehnică și Investiții",
    "Poliția Locală",
    "Compartimentul Relații cu Publicul",
]
# (procedure code, weight in %)
PROCEDURE_WEIGHTS = [
    ("petition", 45),
    ("service_request", 25),
    ("foi_request", 12),
    ("outgoing", 8),
    ("internal", 5),
    ("foi_complaint", 2),
    ("transparency_recommendation", 1),
    ("gdpr_request", 2),
]
CHANNEL_WEIGHTS = [("web", 35), ("email", 25), ("other", 40)]
SUBJECTS = [
    "Cerere autorizație de construire",
    "Sesizare iluminat public",
    "Solicitare informații de interes public",
    "Reclamație salubrizare",
    "Certificat de urbanism",
    "Cerere scutire impozit",
    "Sesizare groapă carosabil",
    "Adeverință registru agricol",
    "Cerere ajutor social",
    "Solicitare audiență",
]
FIRST = [
    "Ion",
    "Maria",
    "Andrei",
    "Elena",
    "Mihai",
    "Ioana",
    "Gheorghe",
    "Ana",
    "Vasile",
    "Cristina",
]
LAST = [
    "Popescu",
    "Ionescu",
    "Popa",
    "Dumitru",
    "Stan",
    "Stoica",
    "Gheorghe",
    "Rusu",
    "Munteanu",
    "Matei",
]


def fit_columns(table, values, cols):
    """Keep the ``values`` whose column exists; stop if a required column has no
    value (the schema changed and the generator must be extended)."""
    values = {k: v for k, v in values.items() if k in cols}
    required = [
        c
        for c, (nullable, default) in cols.items()
        if not nullable and default is None and c not in values and c != "id"
    ]
    if required:
        raise SystemExit(
            f"generate: {table} has new required columns {required}: extend "
            f"generate.py"
        )
    return values


def weighted_array(pairs):
    """A 100-slot array where each value appears ``weight`` times."""
    slots = []
    for value, weight in pairs:
        slots += [value] * weight
    return slots


def columns_of(cr, table):
    cr.execute(
        "SELECT column_name, is_nullable, column_default FROM "
        "information_schema.columns "
        "WHERE table_name = %s",
        [table],
    )
    return {
        name: (nullable == "YES", default) for name, nullable, default in cr.fetchall()
    }


def ensure_departments(env, company_id=None):
    company_id = company_id or env.company.id
    Team = env["helpdesk.ticket.team"].sudo()
    teams = Team.search(
        [("name", "in", DEPARTMENTS), ("company_id", "in", [company_id, False])]
    )
    missing = set(DEPARTMENTS) - set(teams.mapped("name"))
    if missing:
        teams |= Team.create(
            [{"name": name, "company_id": company_id} for name in sorted(missing)]
        )
    env.cr.commit()
    return teams.ids


def ensure_communes(db, count):
    """Ids of ``count`` companies "Comuna Bench NNN" (created through the ORM, so
    each gets what Odoo gives a new company)."""
    with open_env(db) as env:
        Company = env["res.company"].sudo()
        names = [f"Comuna Bench {i:03d}" for i in range(1, count + 1)]
        found = Company.search([("name", "in", names)])
        missing = [name for name in names if name not in set(found.mapped("name"))]
        for name in missing:
            found |= Company.create({"name": name, "city": name[7:]})
            env.cr.commit()
        return found.sorted("name").ids


def ensure_partners(cr, count):
    """``count`` generated partners (SQL); returns their ids."""
    cr.execute("SELECT id FROM res_partner WHERE ref LIKE 'BENCHGEN-%%' ORDER BY id")
    ids = [r[0] for r in cr.fetchall()]
    if len(ids) >= count:
        return ids[:count]
    todo = count - len(ids)
    cols = columns_of(cr, "res_partner")
    values = {
        "name": "(%(first)s::text[])[1 + (g %% 10)] || ' ' || (%(last)s::text[])[1 + "
        "((g / 10) %% 10)] || ' ' || g",
        "complete_name": "(%(first)s::text[])[1 + (g %% 10)] || ' ' || "
        "(%(last)s::text[])[1 + ((g / 10) %% 10)] || ' ' || g",
        "ref": "'BENCHGEN-' || g",
        "email": "'cetatean' || g || '@bench.example.ro'",
        "active": "true",
        "type": "'contact'",
        "is_company": "false",
        "lang": "'ro_RO'",
        "city": "'Exemplu'",
        "create_date": "now() at time zone 'UTC'",
        "write_date": "now() at time zone 'UTC'",
        "create_uid": "1",
        "write_uid": "1",
        "partner_share": "true",
        "autopost_bills": "'ask'",
        "cic_person_type": "'natural'",
    }
    values = fit_columns("res_partner", values, cols)
    start = len(ids) + 1
    cr.execute(
        f"INSERT INTO res_partner ({', '.join(values)}) "
        f"SELECT {', '.join(values.values())} FROM generate_series(%(a)s, %(b)s) g",
        {"first": FIRST, "last": LAST, "a": start, "b": start + todo - 1},
    )
    cr.execute(
        "UPDATE res_partner SET commercial_partner_id = id "
        "WHERE ref LIKE 'BENCHGEN-%%' AND commercial_partner_id IS NULL"
    )
    return ensure_partners(cr, count)


def lookups(cr, env):
    """Ids the generator picks from: procedures, stages, channels, company."""
    found = {"company": env.company.id}
    procs = {}
    if "cic.procedure" in env:
        for code, _weight in PROCEDURE_WEIGHTS:
            proc = env["cic.procedure"].sudo().search([("code", "=", code)], limit=1)
            if proc:
                procs[code] = (
                    proc.id,
                    proc.term_days or 0,
                    proc.direction or "incoming",
                )
    found["procedures"] = procs
    Stage = env["helpdesk.ticket.stage"].sudo()
    found["open_stages"] = Stage.search([("closed", "=", False)]).ids
    found["closed_stages"] = Stage.search([("closed", "=", True)]).ids
    channels = {}
    for key, xmlid in (
        ("web", "helpdesk_mgmt.helpdesk_ticket_channel_web"),
        ("email", "helpdesk_mgmt.helpdesk_ticket_channel_email"),
        ("other", "helpdesk_mgmt.helpdesk_ticket_channel_other"),
    ):
        rec = env.ref(xmlid, raise_if_not_found=False)
        channels[key] = rec.id if rec else None
    found["channels"] = channels
    return found


def generate(
    db,
    n,
    partners=None,
    partner_id=None,
    team_ids=None,
    days=3 * 365,
    quiet=False,
    company_id=None,
):
    """Insert ``n`` entries (in ``company_id``, default the main company); with
    ``partner_id`` they all belong to that partner. Returns (inserted, seconds)."""
    started = time.time()
    with open_env(db) as env:
        teams = team_ids or ensure_departments(env, company_id)
        cr = env.cr
        info = lookups(cr, env)
        info["company"] = company_id or info["company"]
        partner_ids = (
            [partner_id]
            if partner_id
            else ensure_partners(cr, partners or max(10, n // 20))
        )
        cr.commit()
        cols = columns_of(cr, "helpdesk_ticket")
        has_cic = "cic_registration_seq" in cols
        procs = info["procedures"]
        proc_slots = weighted_array(
            [(code, w) for code, w in PROCEDURE_WEIGHTS if code in procs]
        ) or [None]
        proc_ids = [procs[c][0] if c else None for c in proc_slots]
        proc_terms = [procs[c][1] if c else 0 for c in proc_slots]
        proc_dirs = [procs[c][2] if c else "incoming" for c in proc_slots]
        chan_slots = [info["channels"][c] for c in weighted_array(CHANNEL_WEIGHTS)]
        params = {
            "n": n,
            "days": days,
            "partners": partner_ids,
            "teams": teams,
            "proc_ids": proc_ids,
            "proc_terms": proc_terms,
            "proc_dirs": proc_dirs,
            "chans": chan_slots,
            "open": info["open_stages"],
            "closed": info["closed_stages"] or info["open_stages"],
            "subjects": SUBJECTS,
            "company": info["company"],
        }
        # 1. Random draws per row, in a temporary table.
        cr.execute("DROP TABLE IF EXISTS bench_gen")
        cr.execute(
            """
            CREATE TEMP TABLE bench_gen AS
            SELECT g,
                   1 + floor(random() * 100)::int AS p,
                   (date_trunc('day', now() at time zone 'UTC')
                     - make_interval(days => floor(random() * %(days)s)::int)
                     + make_interval(mins => 360 + floor(random() * 540)::int)) AS reg,
                   random() AS r_state, random() AS r_term
              FROM generate_series(1, %(n)s) g
            """,
            params,
        )
        cr.execute(
            """
            ALTER TABLE bench_gen ADD COLUMN year int, ADD COLUMN closed bool,
                ADD COLUMN seq int, ADD COLUMN due date, ADD COLUMN answered timestamp;
            UPDATE bench_gen SET
                year = extract(year FROM (reg AT TIME ZONE 'UTC') AT TIME ZONE
                    'Europe/Bucharest'),
                closed = CASE WHEN reg < now() at time zone 'UTC' - interval '60 days'
                              THEN r_state < 0.95 ELSE r_state < 0.35 END;
            """
        )
        # 2. Numbers: each year continues the register's counter.
        offsets = {}
        if has_cic:
            cr.execute("SELECT DISTINCT year FROM bench_gen")
            for (year,) in cr.fetchall():
                cr.execute(
                    "SELECT GREATEST("
                    " (SELECT max(last_seq) FROM cic_register_counter WHERE "
                    "company_id=%s AND year=%s),"
                    " (SELECT max(cic_registration_seq) FROM helpdesk_ticket"
                    "   WHERE company_id=%s AND cic_registration_year=%s))",
                    [info["company"], year, info["company"], year],
                )
                offsets[year] = cr.fetchone()[0] or 0
            cr.execute(
                "UPDATE bench_gen b SET seq = s.rn + (%s::jsonb ->> b.year::text)::int "
                "FROM (SELECT g, row_number() OVER (PARTITION BY year ORDER BY reg, "
                "g) rn "
                "FROM bench_gen) s WHERE s.g = b.g",
                [psycopg2.extras.Json({str(k): v for k, v in offsets.items()})],
            )
        cr.execute(
            """
            UPDATE bench_gen SET due = (reg::date + (%(proc_terms)s::int[])[p] + 1)
                + CASE extract(isodow FROM reg::date + (%(proc_terms)s::int[])[p] + 1)
                  WHEN 6 THEN 2 WHEN 7 THEN 1 ELSE 0 END
             WHERE (%(proc_terms)s::int[])[p] > 0
            """,
            params,
        )
        cr.execute(
            """
            UPDATE bench_gen SET answered = reg + make_interval(
                days => floor(CASE WHEN r_term < 0.88 THEN r_term / 0.88 *
                    greatest((%(proc_terms)s::int[])[p], 10)
                                   ELSE greatest((%(proc_terms)s::int[])[p], 10) +
                                       r_term * 30 END)::int)
             WHERE closed
            """,
            params,
        )
        # 3. The entries.
        values = {
            "number": "'GEN' || lpad(b.g::text, 8, '0') || '-' || %(tag)s",
            "name": "(%(subjects)s::text[])[1 + b.g %% 10] || ' #' || b.g",
            "description": "'<p>Document generat pentru test de performanță.</p>'",
            "company_id": "%(company)s",
            "partner_id": "(%(partners)s::int[])[1 + b.g %% "
            "cardinality(%(partners)s::int[])]",
            "commercial_partner_id": "(%(partners)s::int[])[1 + b.g %% "
            "cardinality(%(partners)s::int[])]",
            "team_id": "(%(teams)s::int[])[1 + (b.g / 7) %% "
            "cardinality(%(teams)s::int[])]",
            "channel_id": "(%(chans)s::int[])[b.p]",
            "stage_id": "CASE WHEN b.closed THEN (%(closed)s::int[])[1 + b.g %% "
            "cardinality(%(closed)s::int[])]"
            " ELSE (%(open)s::int[])[1 + b.g %% cardinality(%(open)s::int[])] END",
            "priority": "'1'",
            "kanban_state": "'normal'",
            "active": "true",
            "unattended": "NOT b.closed",
            "create_date": "b.reg",
            "write_date": "coalesce(b.answered, b.reg)",
            "last_stage_update": "coalesce(b.answered, b.reg)",
            "closed_date": "b.answered",
            "create_uid": "1",
            "write_uid": "1",
            "cic_procedure_id": "(%(proc_ids)s::int[])[b.p]",
            "cic_direction": "(%(proc_dirs)s::text[])[b.p]",
            "cic_registration_seq": "b.seq",
            "cic_registration_year": "b.year",
            "cic_registration_date": "b.reg",
            "cic_registration_number": "b.seq || '/' || to_char((b.reg AT TIME ZONE "
            "'UTC') AT TIME ZONE 'Europe/Bucharest', 'DD.MM.YYYY')",
            "cic_registration_shared": "false",
            "cic_book_date": "((b.reg AT TIME ZONE 'UTC') AT TIME ZONE "
            "'Europe/Bucharest')::date",
            "cic_is_legacy": "false",
            "cic_legal_due_date": "b.due",
            "cic_internal_due_date": "b.due - 2",
            "cic_dispatch_date": "b.answered::date",
            "cic_page_count": "1 + b.g %% 9",
            "cic_annex_count": "b.g %% 3",
        }
        values = fit_columns("helpdesk_ticket", values, cols)
        params["tag"] = hex(int(time.time()))[2:]
        cr.execute(
            f"INSERT INTO helpdesk_ticket ({', '.join(values)}) "
            f"SELECT {', '.join(values.values())} FROM bench_gen b ORDER BY b.reg",
            params,
        )
        inserted = cr.rowcount
        if has_cic:
            cr.execute(
                """
                INSERT INTO cic_register_counter (company_id, year, last_seq,
                    create_date, write_date)
                SELECT %s, year, max(seq), now() at time zone 'UTC', now() at time
                    zone 'UTC'
                  FROM bench_gen GROUP BY year
                ON CONFLICT (company_id, year)
                DO UPDATE SET last_seq = GREATEST(cic_register_counter.last_seq,
                    EXCLUDED.last_seq)
                """,
                [info["company"]],
            )
        cr.execute("DROP TABLE bench_gen")
        cr.commit()
        cr.execute("ANALYZE helpdesk_ticket")
        cr.execute("ANALYZE res_partner")
        cr.commit()
    elapsed = time.time() - started
    if not quiet:
        print(
            f"inserted {inserted} entries in {elapsed:.1f} s "
            f"({inserted / elapsed:.0f} rows/s)"
        )
    return inserted, elapsed


def main():
    parser = arg_parser(__doc__)
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--partners", type=int, help="pool of partners (default n/20)")
    parser.add_argument("--partner-id", type=int, help="all entries for this partner")
    parser.add_argument(
        "--communes", type=int, default=0, help="spread over K communes (companies)"
    )
    args = parser.parse_args()
    n = 20_000 if args.quick else args.n
    banner(
        "generate: registry entries through SQL (test data only)",
        args,
        n=n,
        communes=args.communes or 1,
    )
    with open_env(args.db) as env:
        env.cr.execute("SELECT count(*) FROM helpdesk_ticket")
        before = env.cr.fetchone()[0]
    if args.communes:
        started = time.time()
        companies = ensure_communes(args.db, args.communes)
        print(f"{len(companies)} communes ready in {time.time() - started:.0f} s")
        partners = args.partners or max(10, n // 20)
        inserted = 0
        for company_id in companies:
            inserted += generate(
                args.db,
                n // len(companies),
                partners,
                args.partner_id,
                quiet=True,
                company_id=company_id,
            )[0]
        elapsed = time.time() - started
    else:
        inserted, elapsed = generate(args.db, n, args.partners, args.partner_id)
    result_line(
        "generate",
        "INFO",
        f"{inserted} entries in {elapsed:.0f} s ({inserted / elapsed:.0f}/s); table "
        f"had {before}",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
