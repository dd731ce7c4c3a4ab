# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Fault injection (long; never part of bin/test): 8 clients file petitions on
/cic/form/petition against ``bin/odoo --workers=2`` while

* ``worker``: an Odoo HTTP worker is killed (SIGKILL) in the middle of requests;
* ``mail``: a local SMTP sink (smtp_sink.py, on ``--smtp-port``) works, is stopped
  while citizens file petitions and the clerk registers e-mailed ones, and is
  started again; the sending crons (acknowledgements and portal confirmations, the
  re-queueing of failed mails, Odoo's mail queue) run as the server's cron thread
  runs them (``ir.cron._process_jobs``), before, during and after the outage;
* ``postgres``: PostgreSQL is restarted (``pg_ctlcluster ... restart``; only with
  ``--postgres``, it is shared with everyone on the machine).

A client retries a failed POST with the same form token (what a browser's reload
does), so a request that committed before its worker died is found, not registered
twice. Afterwards, checked against the database: every submission the client saw
confirmed is in the registry with the number it was shown; the numbers the counter
issued during the run (from the one after its last number before the run) are each on
one entry, without gaps or duplicates, and the register was whole before the run (a
number issued earlier without its entry is reported as such, not as the run's gap);
each subject was registered once; every confirmation and acknowledgement that failed
while the mail server was down reaches the sink exactly once when it is back
(messages counted per recipient at the sink: no citizen gets two, none gets none).
Usage (see bench/faults/run.sh):

    bench/py bench/faults/faults.py -d DB [--scenarios worker,mail] [--postgres]
"""

import collections
import json
import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
import warnings
from pathlib import Path

import psutil
import psycopg2
import requests

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from common import OdooServer, arg_parser, open_env  # noqa: E402

CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')
TOKEN_RE = re.compile(r'name="form_token" value="([^"]+)"')
NUMBER_RE = re.compile(r"\b(\d+/\d{2}\.\d{2}\.\d{4})\b")
CLIENTS = 8


class Client(threading.Thread):
    """Files ``count`` petitions; retries each with the same tokens until it is
    confirmed or ``deadline`` passes."""

    def __init__(self, url, name, count, deadline):
        super().__init__(daemon=True)
        self.url, self.name, self.count, self.deadline = url, name, count, deadline
        self.confirmed = []  # (subject, ticket id, number shown)
        self.failures = 0
        self.unconfirmed = []

    def run(self):
        for index in range(self.count):
            tag = f"{random.random():.8f}"[2:]
            subject = f"fault {self.name} {index} {tag}"
            # One address per submission: the sink counts e-mails per citizen.
            if not self._file(subject, f"{self.name}.{index}.{tag}@example.com"):
                self.unconfirmed.append(subject)

    def _tokens(self, session):
        page = session.get(f"{self.url}/cic/form/petition", timeout=30)
        page.raise_for_status()
        return CSRF_RE.search(page.text)[1], TOKEN_RE.search(page.text)[1]

    def _file(self, subject, email):
        session, tokens = requests.Session(), None
        while time.time() < self.deadline:
            try:
                tokens = tokens or self._tokens(session)
                data = {
                    "first_name": "Ion",
                    "last_name": self.name,
                    "email": email,
                    "street": "Strada Mare",
                    "street_number": "1",
                    "locality": "Exemplu",
                    "county": "Brașov",
                    "subject": subject,
                    "message": "fault injection",
                    "consent": "1",
                    "csrf_token": tokens[0],
                    "form_token": tokens[1],
                }
                post = session.post(
                    f"{self.url}/cic/form/petition",
                    data=data,
                    allow_redirects=False,
                    timeout=60,
                )
                if post.status_code != 303:
                    raise RuntimeError(f"POST answered {post.status_code}")
                location = post.headers["Location"]
                if not location.startswith("http"):
                    location = self.url + location
                page = session.get(location, timeout=60)
                number = (
                    NUMBER_RE.search(page.text) if page.status_code == 200 else None
                )
                if not number:
                    raise RuntimeError("confirmation without a number")
                ticket_id = int(re.search(r"/cic/request/(\d+)/", location)[1])
                self.confirmed.append((subject, ticket_id, number[1], email))
                return True
            except (requests.RequestException, RuntimeError, TypeError):
                self.failures += 1
                time.sleep(0.5)
        return False


def run_clients(url, per_client, budget, during=None, count=CLIENTS):
    deadline = time.time() + budget
    clients = [Client(url, f"c{i}", per_client, deadline) for i in range(count)]
    for client in clients:
        client.start()
    if during:
        during()
    for client in clients:
        client.join(budget + 60)
    return clients


YEAR = "extract(year FROM now() AT TIME ZONE 'Europe/Bucharest')"


def register(db):
    """The general register of the current year (Europe/Bucharest), per company:
    (the last number its counter issued, the numbers its entries carry, sorted).
    An entry carrying the number of the entry it answers (shared) is left out."""
    with _connect(db) as cnx:
        cr = cnx.cursor()
        cr.execute(
            f"SELECT company_id, last_seq FROM cic_register_counter WHERE year = {YEAR}"
        )
        counters = dict(cr.fetchall())
        cr.execute(
            "SELECT company_id, array_agg(seq ORDER BY seq) FROM ("
            " SELECT company_id, cic_registration_seq AS seq,"
            " cic_registration_year AS y, cic_registration_shared AS shared"
            " FROM helpdesk_ticket UNION ALL"
            " SELECT company_id, cic_registration_seq, cic_registration_year,"
            " cic_registration_shared FROM cic_audience_request"
            f") s WHERE y = {YEAR} AND seq IS NOT NULL AND shared IS NOT TRUE"
            " GROUP BY company_id"
        )
        numbers = dict(cr.fetchall())
    return {
        company: (counters.get(company, 0), numbers.get(company, []))
        for company in counters.keys() | numbers.keys()
    }


def _not_whole(numbers, first, last):
    """How ``numbers`` differ from first..last, each once; '' when they do not."""
    issued = set(range(first, last + 1))
    counts = collections.Counter(numbers)
    parts = [
        f"{name} {sorted(values)[:10]}"
        for name, values in (
            ("missing", issued - counts.keys()),
            ("twice", {n for n, count in counts.items() if count > 1}),
            ("outside", counts.keys() - issued),
        )
        if values
    ]
    return ", ".join(parts)


def register_problems(before, after):
    """The numbers the run took, per company (first, last); what was wrong with the
    register before the run; what is wrong with the run's numbers. The counter
    issued last_before+1..last_after during the run: these numbers, once each, must
    be on the entries numbered during the run, and the entries numbered before keep
    theirs. A register that was not whole before the run (a number issued without
    its entry: a deleted entry, a test's leftover) is reported as such, not as a
    gap of the run."""
    taken, held_before, problems = {}, [], []
    for company, (last, numbers) in sorted(after.items()):
        last_before, numbers_before = before.get(company, (0, []))
        first = last_before + 1
        if last >= first:
            taken[company] = (first, last)
        held = _not_whole(numbers_before, 1, last_before)
        if held:
            held_before.append(
                f"company {company}: register not whole BEFORE the run (counter at "
                f"{last_before}; {held}): not this run's doing"
            )
        run = [n for n in numbers if n >= first]
        earlier = [n for n in numbers if n < first]
        if earlier != numbers_before:
            problems.append(
                f"company {company}: the numbers 1..{last_before} issued before the "
                f"run changed during it ({_not_whole(earlier, 1, last_before)})"
            )
        if _not_whole(run, first, last):
            problems.append(
                f"numbers {first}..{last} of company {company}: gaps or duplicates "
                f"({_not_whole(run, first, last)}) {run[:20]}"
            )
    return taken, held_before, problems


def check(db, clients, before, label):
    """Every confirmation is in the registry under the number shown, once; the
    numbers the run took are gap-free and duplicate-free (``before``: the
    ``register`` before the run)."""
    problems = []
    with _connect(db) as cnx:
        cr = cnx.cursor()
        confirmed = [c for client in clients for c in client.confirmed]
        for subject, ticket_id, number, _email in confirmed:
            cr.execute(
                "SELECT cic_registration_number, (SELECT count(*) FROM helpdesk_ticket"
                " WHERE name = %s) FROM helpdesk_ticket WHERE id = %s",
                (subject, ticket_id),
            )
            row = cr.fetchone()
            if not row or row[0] != number:
                problems.append(f"{subject}: shown {number}, registry {row}")
            elif row[1] != 1:
                problems.append(f"{subject}: registered {row[1]} times")
    taken, held_before, numbering = register_problems(before, register(db))
    problems += held_before + numbering
    failures = sum(client.failures for client in clients)
    lost = sum(len(client.unconfirmed) for client in clients)
    blocks = " ".join(f"{first}..{last}" for first, last in taken.values()) or "none"
    print(
        f"faults[{label}]: {len(confirmed)} confirmed, {lost} never confirmed, "
        f"{failures} failed attempts retried, numbers {blocks} "
        f"gap-free: {not numbering}, problems: {len(problems)}"
    )
    for problem in problems[:10]:
        print(f"  {problem}")
    sys.stdout.flush()
    return not problems and lost == 0


def prepare(db):
    with open_env(db) as env:
        params = env["ir.config_parameter"].sudo()
        params.set_param("cic_portal.min_fill_seconds", 0)
        params.set_param("cic_portal.submit_limit_per_hour", 1000000)
        # A sender for every e-mail (the demo company has no address of its own).
        params.set_param("mail.catchall.domain", "primaria.example")
        params.set_param("mail.default.from", "cic")
        env.cr.commit()


def scenario_worker(server, db, per_client, budget):
    before = register(db)

    def kill_workers():
        master = psutil.Process(server.proc.pid)
        for _round in range(3):
            time.sleep(2 + random.random() * 2)
            workers = [
                p
                for p in master.children(recursive=True)
                if "odoo" in " ".join(p.cmdline())
            ]
            if workers:
                victim = random.choice(workers)
                print(f"faults[worker]: SIGKILL worker {victim.pid}")
                victim.send_signal(signal.SIGKILL)

    clients = run_clients(server.url, per_client, budget, kill_workers)
    return check(db, clients, before, "worker killed x3")


def _connect(db):
    return psycopg2.connect(
        dbname=db,
        host=os.environ.get("PGHOST", "127.0.0.1"),
        user=os.environ.get("CIC_DB_USER", "odoo"),
    )


SENDING_CRONS = (
    "cic_registry.ir_cron_cic_send_acknowledgements",
    "cic_portal.ir_cron_cic_retry_unreachable_mail",
    "mail.ir_cron_mail_scheduler_action",
)


def run_sending_crons(db, rounds=2):
    """Run the crons that send e-mails as a cron thread of the server does
    (``ir.cron._process_jobs``): the acknowledgements and portal confirmations are
    rendered, failed mails are queued again, the mail queue is sent. The three are
    made due first; ``rounds`` passes let each see the work of the others."""
    from odoo.addons.base.models.ir_cron import ir_cron

    for _round in range(rounds):
        with open_env(db) as env:
            crons = env["ir.cron"].browse(
                [env.ref(xmlid).id for xmlid in SENDING_CRONS]
            )
            crons.write({"nextcall": fields_now(env)})
            env.cr.commit()
        ir_cron._process_jobs(db)


def fields_now(env):
    from odoo import fields

    return fields.Datetime.now()


class SmtpSink:
    """bench/faults/smtp_sink.py on 127.0.0.1:``port``: start, stop, start again."""

    def __init__(self, port, log):
        self.port, self.log, self.proc = port, log, None

    def start(self):
        self.proc = subprocess.Popen(
            [sys.executable, "-W", "ignore", str(Path(__file__).with_name(
                "smtp_sink.py")), str(self.port), str(self.log)],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        )  # fmt: skip
        if self.proc.stdout.readline().strip() != "smtp sink ready":
            raise RuntimeError(f"the SMTP sink did not start on port {self.port}")

    def stop(self):
        if self.proc:
            self.proc.terminate()
            self.proc.wait(10)
            self.proc = None

    def messages(self):
        """The messages the sink accepted (one JSON line each), oldest first."""
        if not self.log.exists():
            return []
        lines = self.log.read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines if line.strip()]

    def per_recipient(self, addresses):
        counts = dict.fromkeys(addresses, 0)
        for message in self.messages():
            for address in message["to"]:
                if address in counts:
                    counts[address] += 1
        return counts


def use_sink_only(db, port):
    """The sink becomes the only active outgoing mail server; return a function
    that puts the previous servers back."""
    with open_env(db) as env:
        servers = env["ir.mail_server"].search([])
        servers.active = False
        sink = env["ir.mail_server"].create(
            {"name": "faults: local SMTP sink", "smtp_host": "127.0.0.1",
             "smtp_port": port, "smtp_encryption": "none", "sequence": 1}
        )  # fmt: skip
        env.cr.commit()
        ids, sink_id = servers.ids, sink.id

    def restore():
        with open_env(db) as env:
            env["ir.mail_server"].browse(sink_id).unlink()
            env["ir.mail_server"].browse(ids).active = True
            env.cr.commit()

    return restore


def back_office_entries(db, count):
    """``count`` e-mailed petitions registered by the clerk's form: each is due an
    acknowledgement of its number (R-REG-7). Returns their senders' addresses."""
    addresses = []
    with open_env(db) as env:
        team = env["helpdesk.ticket.team"].search([], limit=1)
        channel = env.ref("helpdesk_mgmt.helpdesk_ticket_channel_email")
        procedure = env.ref("cic_registry.procedure_petition")
        for index in range(count):
            tag = f"{random.random():.8f}"[2:]
            address = f"ack.{index}.{tag}@example.com"
            partner = env["res.partner"].create(
                {"name": f"Expeditor {index}", "email": address}
            )
            env["helpdesk.ticket"].create(
                {"name": f"fault ack {index} {tag}", "description": "<p>e-mail</p>",
                 "team_id": team.id, "partner_id": partner.id,
                 "channel_id": channel.id, "cic_procedure_id": procedure.id}
            )  # fmt: skip
            env.cr.commit()  # one transaction per entry, as in the clerk's form
            addresses.append(address)
    return addresses


def _mail_counts(db, addresses):
    """Mails of these addresses still in Odoo's queue, by state."""
    with open_env(db) as env:
        env.cr.execute(
            "SELECT m.state, count(*) FROM mail_mail m"
            " JOIN mail_mail_res_partner_rel r ON r.mail_mail_id = m.id"
            " JOIN res_partner p ON p.id = r.res_partner_id"
            " WHERE lower(p.email) = ANY(%s) GROUP BY m.state",
            [list(addresses)],
        )
        counts = dict(env.cr.fetchall())
        env.cr.execute(
            "SELECT count(*) FROM mail_mail WHERE lower(email_to) = ANY(%s)"
            " AND state IN ('outgoing', 'exception')",
            [list(addresses)],
        )
        counts["direct"] = env.cr.fetchone()[0]
        env.cr.execute(
            "SELECT count(DISTINCT t.id) FROM helpdesk_ticket t JOIN res_partner p"
            " ON p.id = t.partner_id JOIN cic_ticket_deferred_mail_rel q"
            " ON q.ticket_id = t.id"
            " WHERE lower(coalesce(t.partner_email, p.email)) = ANY(%s)",
            [list(addresses)],
        )
        counts["pending"] = env.cr.fetchone()[0]
        return counts


def scenario_mail(server, db, per_client, budget, smtp_port=None, acks=None):
    """The mail server (a local SMTP sink) works, goes down while citizens file
    petitions and the clerk registers e-mailed ones, and comes back. The sending
    crons run as the server runs them, before, during and after the outage. Every
    portal confirmation and acknowledgement reaches the sink exactly once."""
    smtp_port = smtp_port or server.port + 1
    acks = per_client if acks is None else acks
    log = Path(os.environ.get("TMPDIR", "/tmp")) / f"faults-smtp-{os.getpid()}.jsonl"
    log.unlink(missing_ok=True)
    sink = SmtpSink(smtp_port, log)
    restore_servers = use_sink_only(db, smtp_port)
    try:
        sink.start()
        # Server up: a few submissions, sent by the crons.
        up = run_clients(server.url, 1, budget, count=2)
        run_sending_crons(db)
        up_addresses = [c[3].lower() for client in up for c in client.confirmed]
        sent_up = sink.per_recipient(up_addresses)
        sink.stop()
        print("faults[mail]: SMTP server stopped")
        before = register(db)
        clients = run_clients(server.url, per_client, budget)
        ok = check(db, clients, before, "mail server down")
        addresses = [c[3].lower() for client in clients for c in client.confirmed]
        addresses += back_office_entries(db, acks)
        run_sending_crons(db)
        down = _mail_counts(db, addresses)
        failed = down.get("exception", 0) + down["direct"]
        sink.start()
        print("faults[mail]: SMTP server back")
        # More cron passes than needed: nothing may be sent twice.
        run_sending_crons(db, rounds=3)
        after = _mail_counts(db, addresses)
        counts = sink.per_recipient(addresses)
    finally:
        sink.stop()
        restore_servers()
    twice = {a: n for a, n in counts.items() if n > 1}
    missing = [a for a, n in counts.items() if n == 0]
    print(
        f"faults[mail]: up: {sum(sent_up.values())}/{len(sent_up)} confirmations "
        f"received; down: {len(addresses) - acks} portal confirmations and {acks} "
        f"acknowledgements, {failed} e-mails failed at the server, "
        f"{down['pending']} still pending; back: "
        f"{sum(1 for n in counts.values() if n == 1)}/{len(counts)} citizens got "
        f"exactly one, {len(missing)} none, {len(twice)} more than one, "
        f"{after.get('outgoing', 0) + after.get('exception', 0) + after['direct']} "
        "left in the queue"
    )
    for address in (missing + list(twice))[:10]:
        print(f"  {address}: {counts[address]} e-mails")
    return (
        ok
        and set(sent_up.values()) <= {1}
        and failed >= len(addresses)
        and not missing
        and not twice
        and not after.get("outgoing")
        and not after.get("exception")
        and not after["direct"]
    )


def scenario_postgres(server, db, per_client, budget):
    version = sorted(os.listdir("/etc/postgresql"), key=lambda v: float(v))[-1]
    before = register(db)

    def restart():
        time.sleep(3)
        print(
            "faults[postgres]: WARNING restarting the shared PostgreSQL "
            f"{version}/main now (other sessions on this machine are cut)"
        )
        sys.stdout.flush()
        start = time.time()
        subprocess.run(
            ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main",
             "restart", "-m", "fast"],
            check=True, timeout=30,
        )  # fmt: skip
        while subprocess.run(["pg_isready", "-q", "-h", "127.0.0.1"]).returncode:
            time.sleep(0.2)
        print(f"faults[postgres]: back after {time.time() - start:.1f} s")

    clients = run_clients(server.url, per_client, budget, restart)
    return check(db, clients, before, "postgres restarted")


def main():
    parser = arg_parser(__doc__.splitlines()[0])
    parser.add_argument("--scenarios", default="worker,mail")
    parser.add_argument("--postgres", action="store_true",
                        help="also restart the shared PostgreSQL (last)")  # fmt: skip
    parser.add_argument("--per-client", type=int, default=6)
    parser.add_argument(
        "--smtp-port",
        type=int,
        help="port of the local SMTP sink (default: --port + 1)",
    )
    parser.set_defaults(port=8560)
    args = parser.parse_args()
    warnings.simplefilter("ignore", DeprecationWarning)
    scenarios = [s for s in args.scenarios.split(",") if s]
    if args.postgres:
        scenarios.append("postgres")
    prepare(args.db)
    server = OdooServer(args.db, args.port, workers=2)
    server.start()
    results = {}
    try:
        for name in scenarios:
            run = globals()[f"scenario_{name}"]
            kwargs = {"smtp_port": args.smtp_port} if name == "mail" else {}
            budget = args.max_seconds / 3
            results[name] = run(server, args.db, args.per_client, budget, **kwargs)
    finally:
        server.stop()
    for name, ok in results.items():
        print(f"faults: {name}: {'survived' if ok else 'FAILED'}")
    sys.exit(0 if all(results.values()) else 1)


if __name__ == "__main__":
    main()
