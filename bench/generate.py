# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""TEST-DATA GENERATOR ONLY: builds N registry entries (default 1,000,000) straight
into ``helpdesk_ticket`` with ``INSERT ... SELECT generate_series`` (raw SQL is fine
here, in bench/, and never in the addons). Never run it on a real database.

    bench/py bench/generate.py -d h_bench [--n 1000000] [--partners 50000]
        [--communes 100] [--batch-rows 1000000] [--keep-indexes] [--no-citizens]

County scale (``--communes K``): the N entries are spread evenly over K communes,
companies named "Comuna Bench 001".., created when missing, each with its own ten
departments and its own register numbers. Set-based: one ``INSERT ... SELECT`` per
batch of whole communes (``--batch-rows``, default 1,000,000 entries), numbered per
commune and year in one window function; 10,000,000 entries in about 10 minutes on
2 shared cores. The petitioners' pool is split into one block per commune (its
residents): 90 % of a commune's entries come from its block, 10 % from the whole
pool (a citizen files with several communes). Each commune gets a portal citizen
``citizen_NNN`` (password = login), the first resident of its block, whose account
joins the communes he filed with, for bench/citizen_pages.py --citizen. Run again
to grow the database (the numbers continue; ``--partners`` grows the pool).

A load of more than 200,000 entries drops the non-unique indexes and the foreign
keys of ``helpdesk_ticket`` first and rebuilds them after it from their saved
definitions (same names, same definitions; the unique numbering index stays); an
interrupted run rebuilds them at its next start (table ``bench_saved_ddl``).
``--keep-indexes`` keeps them.

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


def procedure_slots(env, company_id):
    """The 100-slot arrays (procedure id, term, direction) of one commune: its own
    procedure of each code, else the shared one."""
    procs = {}
    if "cic.procedure" in env:
        Procedure = env["cic.procedure"].sudo()
        for code, _weight in PROCEDURE_WEIGHTS:
            proc = Procedure.search(
                [("code", "=", code), ("company_id", "in", [company_id, False])],
                order="company_id",
                limit=1,
            )
            if proc:
                procs[code] = (
                    proc.id,
                    proc.term_days or 0,
                    proc.direction or "incoming",
                )
    slots = weighted_array(
        [(code, w) for code, w in PROCEDURE_WEIGHTS if code in procs]
    ) or [None]
    return (
        [procs[c][0] if c else None for c in slots],
        [procs[c][1] if c else 0 for c in slots],
        [procs[c][2] if c else "incoming" for c in slots],
    )


def lookups(env):
    """Ids the generator picks from for every commune: stages and channels."""
    Stage = env["helpdesk.ticket.stage"].sudo()
    found = {
        "open_stages": Stage.search([("closed", "=", False)]).ids,
        "closed_stages": Stage.search([("closed", "=", True)]).ids,
    }
    channels = {}
    for key, xmlid in (
        ("web", "helpdesk_mgmt.helpdesk_ticket_channel_web"),
        ("email", "helpdesk_mgmt.helpdesk_ticket_channel_email"),
        ("other", "helpdesk_mgmt.helpdesk_ticket_channel_other"),
    ):
        rec = env.ref(xmlid, raise_if_not_found=False)
        channels[key] = rec.id if rec else None
    found["chans"] = [channels[c] for c in weighted_array(CHANNEL_WEIGHTS)]
    return found


# ----------------------------------------------------------------------
# Bulk load: non-unique indexes and foreign keys of helpdesk_ticket are dropped
# during a large load and rebuilt after it, from their saved definitions (the same
# names and definitions: Odoo sees the same schema). The definitions are kept in
# the table bench_saved_ddl until rebuilt, so an interrupted run restores them at
# its next start.
# ----------------------------------------------------------------------
def restore_ddl(cr):
    """Rebuild what an earlier (possibly interrupted) bulk load dropped."""
    cr.execute("SELECT to_regclass('bench_saved_ddl')")
    if not cr.fetchone()[0]:
        return 0
    cr.execute("SET maintenance_work_mem = '512MB'")
    cr.execute("SELECT name, ddl FROM bench_saved_ddl ORDER BY kind, name")
    rows = cr.fetchall()
    for name, ddl in rows:
        mark = time.time()
        cr.execute(ddl)
        cr.execute("DELETE FROM bench_saved_ddl WHERE name = %s", [name])
        cr.commit()
        print(f"  rebuilt {name} in {time.time() - mark:.0f} s", flush=True)
    cr.execute("DROP TABLE bench_saved_ddl")
    cr.commit()
    return len(rows)


def drop_ddl(cr, columns):
    """Drop the non-unique indexes of helpdesk_ticket and its foreign keys on the
    ``columns`` the load fills (the others cost nothing on NULL and a full scan to
    validate again), saving their definitions first (kind 1 = index, rebuilt first;
    2 = foreign key)."""
    cr.execute(
        """
        CREATE TABLE bench_saved_ddl AS
        SELECT 1 AS kind, i.relname::text AS name, pg_get_indexdef(i.oid) AS ddl
          FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
         WHERE x.indrelid = 'helpdesk_ticket'::regclass AND NOT x.indisunique
         UNION ALL
        SELECT 2, conname::text, 'ALTER TABLE helpdesk_ticket ADD CONSTRAINT '
               || quote_ident(conname) || ' ' || pg_get_constraintdef(oid)
          FROM pg_constraint
         WHERE conrelid = 'helpdesk_ticket'::regclass AND contype = 'f'
           AND (SELECT attname FROM pg_attribute
                 WHERE attrelid = conrelid AND attnum = conkey[1]) = ANY(%s)
        """,
        [list(columns)],
    )
    cr.execute("SELECT kind, name FROM bench_saved_ddl")
    dropped = cr.fetchall()
    for kind, name in dropped:
        if kind == 1:
            cr.execute(f'DROP INDEX "{name}"')
        else:
            cr.execute(f'ALTER TABLE helpdesk_ticket DROP CONSTRAINT "{name}"')
    cr.commit()
    return len(dropped)


# ----------------------------------------------------------------------
# The entries, set-based: one INSERT ... SELECT per batch of communes
# ----------------------------------------------------------------------
def entry_values():
    """The SQL expression of each column of a generated entry (``b``: its row in
    ``bench_gen``, ``c``: its commune, ``bp``: its petitioner)."""
    return {
        "number": "'GEN' || b.company_id || '-' || lpad(b.g::text, 8, '0') || '-' "
        "|| %(tag)s",
        "name": "(%(subjects)s::text[])[1 + b.g %% 10] || ' #' || b.g",
        "description": "'<p>Document generat pentru test de performanță.</p>'",
        "company_id": "b.company_id",
        "partner_id": "coalesce(%(partner_id)s::int, bp.id)",
        "commercial_partner_id": "coalesce(%(partner_id)s::int, bp.id)",
        "team_id": "c.teams[1 + (b.g / 7) %% cardinality(c.teams)]",
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
        "cic_procedure_id": "c.proc_ids[b.p]",
        "cic_direction": "c.proc_dirs[b.p]",
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


def load_communes(cr, params):
    """Insert the entries of the communes in ``bench_commune`` (one row each: its
    company, number of entries, departments, procedure slots and home block of
    partners) in one statement, numbered per commune and year after the register's
    counter; move the counters. Returns the rows inserted."""
    cr.execute("SET LOCAL work_mem = '256MB'")
    # Random draws per row (a subquery with volatile functions is computed once per
    # row), the derived columns, then the per-commune numbers.
    cr.execute(
        """
        CREATE TEMP TABLE bench_gen ON COMMIT DROP AS
        WITH draw AS (
            SELECT c.k, c.company_id, g,
                   1 + floor(random() * 100)::int AS p,
                   (date_trunc('day', now() at time zone 'UTC')
                     - make_interval(days => floor(random() * %(days)s)::int)
                     + make_interval(mins => 360 + floor(random() * 540)::int)) AS reg,
                   random() AS r_state, random() AS r_term, random() AS r_home,
                   random() AS r_who
              FROM bench_commune c CROSS JOIN LATERAL generate_series(1, c.n) g
        ), derived AS (
            SELECT d.*, c.proc_terms[d.p] AS term,
                   extract(year FROM (d.reg AT TIME ZONE 'UTC') AT TIME ZONE
                       'Europe/Bucharest')::int AS year,
                   CASE WHEN d.reg < now() at time zone 'UTC' - interval '60 days'
                        THEN d.r_state < 0.95 ELSE d.r_state < 0.35 END AS closed,
                   CASE WHEN %(partner_id)s::int IS NOT NULL THEN NULL
                        WHEN d.r_home < 0.9
                        THEN c.home_lo + floor(d.r_who * c.home_size)::int
                        ELSE floor(d.r_who * %(pool)s)::int END AS who
              FROM draw d JOIN bench_commune c ON c.k = d.k
        )
        SELECT d.*,
               row_number() OVER (PARTITION BY d.company_id, d.year
                                  ORDER BY d.reg, d.g)
                 + coalesce(o.last_seq, 0) AS seq,
               CASE WHEN d.term > 0 THEN (d.reg::date + d.term + 1)
                 + CASE extract(isodow FROM d.reg::date + d.term + 1)
                   WHEN 6 THEN 2 WHEN 7 THEN 1 ELSE 0 END END AS due,
               CASE WHEN d.closed THEN d.reg + make_interval(days => floor(
                   CASE WHEN d.r_term < 0.88
                        THEN d.r_term / 0.88 * greatest(d.term, 10)
                        ELSE greatest(d.term, 10) + d.r_term * 30 END)::int)
               END AS answered
          FROM derived d
          LEFT JOIN bench_offset o ON o.company_id = d.company_id AND o.year = d.year
        """,
        params,
    )
    values = fit_columns("helpdesk_ticket", entry_values(), params["cols"])
    cr.execute(
        f"INSERT INTO helpdesk_ticket ({', '.join(values)}) "
        f"SELECT {', '.join(values.values())} FROM bench_gen b "
        "JOIN bench_commune c ON c.k = b.k "
        "LEFT JOIN bench_partner bp ON bp.i = b.who ORDER BY b.reg",
        params,
    )
    inserted = cr.rowcount
    if params["has_cic"]:
        cr.execute(
            """
            INSERT INTO cic_register_counter (company_id, year, last_seq,
                create_date, write_date)
            SELECT company_id, year, max(seq), now() at time zone 'UTC',
                   now() at time zone 'UTC'
              FROM bench_gen GROUP BY company_id, year
            ON CONFLICT (company_id, year)
            DO UPDATE SET last_seq = GREATEST(cic_register_counter.last_seq,
                EXCLUDED.last_seq)
            """
        )
    return inserted


def prepare_offsets(cr, company_ids, has_cic):
    """``bench_offset``: the last number of each commune's register per year (the
    counter, or the entries' maximum through the unique numbering index)."""
    cr.execute(
        "CREATE TEMP TABLE bench_offset (company_id int, year int, last_seq int, "
        "PRIMARY KEY (company_id, year))"
    )
    if not has_cic:
        return
    cr.execute(
        """
        INSERT INTO bench_offset
        SELECT c.id, y.year, GREATEST(
            (SELECT max(last_seq) FROM cic_register_counter r
              WHERE r.company_id = c.id AND r.year = y.year),
            (SELECT max(cic_registration_seq) FROM helpdesk_ticket t
              WHERE t.company_id = c.id AND t.cic_registration_year = y.year
                AND t.cic_registration_seq IS NOT NULL
                AND t.cic_registration_shared IS NOT TRUE))
          FROM unnest(%s::int[]) c(id),
               generate_series(extract(year FROM now())::int - 5,
                                extract(year FROM now())::int + 1) y(year)
        """,
        [company_ids],
    )


def prepare_partners(cr, partner_ids):
    """``bench_partner``: the pool of petitioners, numbered from 0."""
    cr.execute("CREATE TEMP TABLE bench_partner (i int PRIMARY KEY, id int)")
    psycopg2.extras.execute_values(
        cr._obj,
        "INSERT INTO bench_partner VALUES %s",
        list(enumerate(partner_ids)),
        page_size=10000,
    )


def generate_many(
    db,
    plan,
    partners=None,
    partner_id=None,
    days=3 * 365,
    quiet=False,
    bulk=None,
    batch_rows=1_000_000,
):
    """Insert the entries of ``plan``, a list of (company id or None, count); the
    petitioners are a pool of ``partners`` generated partners, each commune drawing
    90 % from its own block of the pool (its residents) and 10 % from the whole
    pool; with ``partner_id`` all entries belong to that partner. ``bulk`` (default:
    more than 200,000 entries) drops the non-unique indexes and foreign keys during
    the load and rebuilds them after. Returns (inserted, seconds)."""
    started = time.time()
    total = sum(count for _company, count in plan)
    bulk = total > 200_000 if bulk is None else bulk
    with open_env(db) as env:
        cr = env.cr
        restore_ddl(cr)
        plan = [(company or env.company.id, count) for company, count in plan]
        communes = []
        for k, (company_id, count) in enumerate(plan):
            proc_ids, proc_terms, proc_dirs = procedure_slots(env, company_id)
            communes.append(
                {
                    "k": k,
                    "company_id": company_id,
                    "n": count,
                    "teams": ensure_departments(env, company_id),
                    "proc_ids": proc_ids,
                    "proc_terms": proc_terms,
                    "proc_dirs": proc_dirs,
                }
            )
        pool = (
            [partner_id]
            if partner_id
            else ensure_partners(cr, partners or max(10, total // 20))
        )
        block = max(1, len(pool) // len(communes))
        for commune in communes:
            commune["home_lo"] = min(commune["k"] * block, len(pool) - 1)
            commune["home_size"] = min(block, len(pool) - commune["home_lo"])
        cr.commit()
        cols = columns_of(cr, "helpdesk_ticket")
        params = {
            **lookups(env),
            "cols": cols,
            "has_cic": "cic_registration_seq" in cols,
            "days": days,
            "pool": len(pool),
            "partner_id": partner_id,
            "subjects": SUBJECTS,
            "tag": hex(int(time.time()))[2:],
        }
        params["closed"] = params["closed_stages"] or params["open_stages"]
        params["open"] = params["open_stages"]
        prepare_partners(cr, pool)
        prepare_offsets(cr, [c["company_id"] for c in communes], params["has_cic"])
        cr.commit()
        if bulk:
            dropped = drop_ddl(cr, entry_values())
            if not quiet:
                print(f"dropped {dropped} indexes and foreign keys for the load")
        inserted = 0
        batch = []
        for commune in communes + [None]:
            if commune and (
                not batch or sum(c["n"] for c in batch) + commune["n"] <= batch_rows
            ):
                batch.append(commune)
                continue
            mark = time.time()
            cr.execute(
                "CREATE TEMP TABLE bench_commune (k int, company_id int, n int, "
                "teams int[], proc_ids int[], proc_terms int[], proc_dirs text[], "
                "home_lo int, home_size int) ON COMMIT DROP"
            )
            psycopg2.extras.execute_values(
                cr._obj,
                "INSERT INTO bench_commune VALUES %s",
                [
                    (
                        c["k"],
                        c["company_id"],
                        c["n"],
                        c["teams"],
                        c["proc_ids"],
                        c["proc_terms"],
                        c["proc_dirs"],
                        c["home_lo"],
                        c["home_size"],
                    )
                    for c in batch
                ],
            )
            done = load_communes(cr, params)
            cr.commit()
            inserted += done
            if not quiet:
                print(
                    f"  {inserted}/{total} entries ({len(batch)} communes, "
                    f"{done / (time.time() - mark):.0f} rows/s)",
                    flush=True,
                )
            batch = [commune] if commune else []
        if bulk:
            mark = time.time()
            rebuilt = restore_ddl(cr)
            if not quiet:
                print(
                    f"rebuilt {rebuilt} indexes and keys in "
                    f"{time.time() - mark:.0f} s"
                )
        cr.execute("ANALYZE helpdesk_ticket")
        cr.execute("ANALYZE res_partner")
        cr.execute("ANALYZE cic_register_counter")
        cr.commit()
    return inserted, time.time() - started


def generate(
    db,
    n,
    partners=None,
    partner_id=None,
    days=3 * 365,
    quiet=False,
    company_id=None,
):
    """Insert ``n`` entries (in ``company_id``, default the main company) with its
    ten departments; with ``partner_id`` they all belong to that partner. Returns
    (inserted, seconds)."""
    inserted, elapsed = generate_many(
        db, [(company_id, n)], partners, partner_id, days=days, quiet=quiet
    )
    if not quiet:
        print(
            f"inserted {inserted} entries in {elapsed:.1f} s "
            f"({inserted / elapsed:.0f} rows/s)"
        )
    return inserted, elapsed


def ensure_citizens(db, companies, pool_size):
    """One portal user per commune, ``citizen_NNN`` (password = login) for
    "Comuna Bench NNN", on the first partner of the commune's block of the pool (a
    resident who files mostly there): the citizen of bench/citizen_pages.py
    --citizen. Created once; at each run his account joins the communes he has
    filed with, as using their websites does (``res.users._cic_join_commune`` of
    cic_portal, when installed), so his /my pages list all his requests."""
    with open_env(db) as env:
        pool = ensure_partners(env.cr, pool_size)
        block = max(1, len(pool) // len(companies))
        portal = env.ref("base.group_portal")
        Users = (
            env["res.users"]
            .sudo()
            .with_context(active_test=False, no_reset_password=True)
        )
        made = 0
        for k, company_id in enumerate(companies):
            company = env["res.company"].browse(company_id)
            login = f"citizen_{company.name[-3:]}"
            user = Users.search([("login", "=", login)], limit=1)
            if not user:
                user = Users.create(
                    {
                        "login": login,
                        "password": login,
                        "partner_id": pool[min(k * block, len(pool) - 1)],
                        "company_id": company_id,
                        "company_ids": [(6, 0, [company_id])],
                        "groups_id": [(6, 0, portal.ids)],
                    }
                )
                made += 1
            if hasattr(user, "_cic_join_commune"):
                env.cr.execute(
                    "SELECT DISTINCT company_id FROM helpdesk_ticket "
                    "WHERE partner_id = %s",
                    [user.partner_id.id],
                )
                for (filed_with,) in env.cr.fetchall():
                    user._cic_join_commune(env["res.company"].browse(filed_with))
            env.cr.commit()
        return made


def main():
    parser = arg_parser(__doc__)
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--partners", type=int, help="pool of partners (default n/20)")
    parser.add_argument("--partner-id", type=int, help="all entries for this partner")
    parser.add_argument(
        "--communes", type=int, default=0, help="spread over K communes (companies)"
    )
    parser.add_argument(
        "--batch-rows",
        type=int,
        default=1_000_000,
        help="entries per INSERT (whole communes per statement)",
    )
    parser.add_argument(
        "--keep-indexes",
        action="store_true",
        help="keep the indexes and foreign keys during a large load",
    )
    parser.add_argument(
        "--no-citizens",
        action="store_true",
        help="with --communes: no portal user citizen_NNN per commune",
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
    started = time.time()
    companies = [None]
    if args.communes:
        companies = ensure_communes(args.db, args.communes)
        print(f"{len(companies)} communes ready in {time.time() - started:.0f} s")
    partners = args.partners or max(10, n // 20)
    inserted, _seconds = generate_many(
        args.db,
        [(company_id, n // len(companies)) for company_id in companies],
        partners,
        args.partner_id,
        bulk=False if args.keep_indexes else None,
        batch_rows=args.batch_rows,
    )
    if args.communes and not args.no_citizens and not args.partner_id:
        made = ensure_citizens(args.db, companies, partners)
        print(
            f"{made} portal citizens created (citizen_001..), each in the communes "
            "he filed with"
        )
    elapsed = time.time() - started
    result_line(
        "generate",
        "INFO",
        f"{inserted} entries in {elapsed:.0f} s ({inserted / elapsed:.0f}/s); table "
        f"had {before}",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
