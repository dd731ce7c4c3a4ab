# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Fault injection (long; never part of bin/test): 8 clients file petitions on
/cic/form/petition against ``bin/odoo --workers=2`` while

* ``worker``: an Odoo HTTP worker is killed (SIGKILL) in the middle of requests;
* ``mail``: the mail server is unreachable when the confirmations are sent, then
  comes back (a local SMTP sink);
* ``postgres``: PostgreSQL is restarted (``pg_ctlcluster ... restart``; only with
  ``--postgres``, it is shared with everyone on the machine).

A client retries a failed POST with the same form token (what a browser's reload
does), so a request that committed before its worker died is found, not registered
twice. Afterwards, checked against the database: every submission the client saw
confirmed is in the registry with the number it was shown; the numbers taken during
the run form one block without gaps or duplicates; each subject was registered once;
confirmations that could not be sent are queued again and sent once the server is
back. Usage (see bench/faults/run.sh):

    bench/py bench/faults/faults.py -d DB [--scenarios worker,mail] [--postgres]
"""

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
            subject = f"fault {self.name} {index} {random.random():.8f}"
            if not self._file(subject):
                self.unconfirmed.append(subject)

    def _tokens(self, session):
        page = session.get(f"{self.url}/cic/form/petition", timeout=30)
        page.raise_for_status()
        return CSRF_RE.search(page.text)[1], TOKEN_RE.search(page.text)[1]

    def _file(self, subject):
        session, tokens = requests.Session(), None
        while time.time() < self.deadline:
            try:
                tokens = tokens or self._tokens(session)
                data = {
                    "first_name": "Ion",
                    "last_name": self.name,
                    "email": f"{self.name}@example.com",
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
                self.confirmed.append((subject, ticket_id, number[1]))
                return True
            except (requests.RequestException, RuntimeError, TypeError):
                self.failures += 1
                time.sleep(0.5)
        return False


def run_clients(url, per_client, budget, during=None):
    deadline = time.time() + budget
    clients = [Client(url, f"c{i}", per_client, deadline) for i in range(CLIENTS)]
    for client in clients:
        client.start()
    if during:
        during()
    for client in clients:
        client.join(budget + 60)
    return clients


def max_seq(cr):
    cr.execute(
        "SELECT coalesce(max(seq), 0) FROM ("
        " SELECT cic_registration_seq AS seq, cic_registration_year AS y"
        " FROM helpdesk_ticket UNION ALL"
        " SELECT cic_registration_seq, cic_registration_year FROM cic_audience_request"
        ") s WHERE y = extract(year FROM now() AT TIME ZONE 'Europe/Bucharest')"
    )
    return cr.fetchone()[0]


def check(db, clients, seq_before, label):
    """Every confirmation is in the registry; the run's numbers are gap-free."""
    problems = []
    with _connect(db) as cnx:
        cr = cnx.cursor()
        confirmed = [c for client in clients for c in client.confirmed]
        for subject, ticket_id, number in confirmed:
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
        cr.execute(
            "SELECT seq FROM ("
            " SELECT cic_registration_seq AS seq, cic_registration_year AS y"
            " FROM helpdesk_ticket UNION ALL"
            " SELECT cic_registration_seq, cic_registration_year"
            " FROM cic_audience_request) s"
            " WHERE y = extract(year FROM now() AT TIME ZONE 'Europe/Bucharest')"
            " AND seq > %s ORDER BY seq",
            (seq_before,),
        )
        seqs = [row[0] for row in cr.fetchall()]
    expected = list(range(seq_before + 1, seq_before + len(seqs) + 1))
    if seqs != expected:
        problems.append(f"numbers {seq_before + 1}..: gaps or duplicates {seqs[:20]}")
    failures = sum(client.failures for client in clients)
    lost = sum(len(client.unconfirmed) for client in clients)
    print(
        f"faults[{label}]: {len(confirmed)} confirmed, {lost} never confirmed, "
        f"{failures} failed attempts retried, numbers {seq_before + 1}.."
        f"{seq_before + len(seqs)} gap-free: {seqs == expected}, "
        f"problems: {len(problems)}"
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
    seq_before = _seq(db)

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
    return check(db, clients, seq_before, "worker killed x3")


def _connect(db):
    return psycopg2.connect(
        dbname=db,
        host=os.environ.get("PGHOST", "127.0.0.1"),
        user=os.environ.get("CIC_DB_USER", "odoo"),
    )


def _seq(db):
    with _connect(db) as cnx:
        return max_seq(cnx.cursor())


def _mail_state(db, subjects):
    with open_env(db) as env:
        tickets = env["helpdesk.ticket"].search([("name", "in", subjects)])
        mails = env["mail.mail"].search(
            [("model", "=", "helpdesk.ticket"), ("res_id", "in", tickets.ids)]
        )
        return {state: mails.filtered(lambda m, s=state: m.state == s) for state in (
            "outgoing", "exception", "sent")}, mails.ids  # fmt: skip


def scenario_mail(server, db, per_client, budget):
    """Confirmations are queued while the mail server is down, fail, are queued again
    by the suite's cron and are sent when the server is back."""
    seq_before = _seq(db)
    clients = run_clients(server.url, per_client, budget)
    ok = check(db, clients, seq_before, "mail server down")
    subjects = [c[0] for client in clients for c in client.confirmed]
    with open_env(db) as env:
        server_down = env["ir.mail_server"].create(
            {"name": "faults: unreachable", "smtp_host": "127.0.0.1", "smtp_port": 1}
        )
        env.cr.commit()
        _states, mail_ids = _mail_state(db, subjects)
        env["mail.mail"].process_email_queue(ids=mail_ids)
        env.cr.commit()
    states, mail_ids = _mail_state(db, subjects)
    failed = len(states["exception"])
    with open_env(db) as env:
        env["mail.mail"]._cic_retry_unreachable_server()
        env.cr.commit()
    states, _ids = _mail_state(db, subjects)
    requeued = len(states["outgoing"])
    sink_port = 8599
    sink = subprocess.Popen(
        [sys.executable, "-W", "ignore", "-m", "smtpd", "-n", "-c", "DebuggingServer",
         f"127.0.0.1:{sink_port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        time.sleep(1)
        with open_env(db) as env:
            env["ir.mail_server"].browse(server_down.id).write(
                {"name": "faults: back", "smtp_port": sink_port}
            )
            env.cr.commit()
            env["mail.mail"].process_email_queue(ids=mail_ids)
            env.cr.commit()
        states, _ids = _mail_state(db, subjects)
        remaining = len(states["outgoing"]) + len(states["exception"])
    finally:
        sink.terminate()
        with open_env(db) as env:
            env["ir.mail_server"].browse(server_down.id).unlink()
            env.cr.commit()
    print(
        f"faults[mail]: {len(mail_ids)} confirmation e-mails, {failed} failed while "
        f"the server was down, {requeued} queued again, {remaining} not sent after "
        "it came back (sent e-mails are auto-deleted)"
    )
    return ok and failed > 0 and requeued == failed and remaining == 0


def scenario_postgres(server, db, per_client, budget):
    version = sorted(os.listdir("/etc/postgresql"), key=lambda v: float(v))[-1]
    seq_before = _seq(db)

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
    return check(db, clients, seq_before, "postgres restarted")


def main():
    parser = arg_parser(__doc__.splitlines()[0])
    parser.add_argument("--scenarios", default="worker,mail")
    parser.add_argument("--postgres", action="store_true",
                        help="also restart the shared PostgreSQL (last)")  # fmt: skip
    parser.add_argument("--per-client", type=int, default=6)
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
            results[name] = run(server, args.db, args.per_client, args.max_seconds / 3)
    finally:
        server.stop()
    for name, ok in results.items():
        print(f"faults: {name}: {'survived' if ok else 'FAILED'}")
    sys.exit(0 if all(results.values()) else 1)


if __name__ == "__main__":
    main()
