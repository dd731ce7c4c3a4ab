# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Two Odoo nodes, one database: two ``odoo-bin`` processes (each with HTTP workers
and one cron worker) behind a local nginx (Debian's package, round robin, no sticky
sessions) on one PostgreSQL database and one shared filestore (the same data_dir),
all on the loopback, started and stopped by this script. Three checks:

1. numbering: C clients (default 8) register N petitions through nginx, so through
   both nodes: 0 duplicates and 0 gaps (else FAIL), throughput and how the requests
   were spread over the nodes (nginx's access log); the same run against one node
   alone gives the reference throughput;
2. filestore: a citizen submits the petition form with a 1 MB attachment to node A;
   a clerk downloads it through node B: the bytes must be identical (else FAIL);
3. cron: K jobs are made due R times while both nodes' cron workers poll: each job
   must have run exactly R times (else FAIL).

    bench/py bench/cluster.py -d h_bench [--clients 8] [--total 400] [--quick]
        [--port 8540]   (node A = port, node B = port + 1, nginx = port + 9)

nginx is installed from Debian when missing (as root). Sessions live in the shared
data_dir, so a login through one node is valid on the other.
"""

import contextlib
import hashlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from pathlib import Path

from common import (
    CIC_HOME,
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
from concurrent_numbering import prepare as prepare_numbering
from concurrent_numbering import register, verify
from portal_submit import ATTACHMENT, submit_cic
from portal_submit import prepare as prepare_portal

NGINX_CONF = """\
{user}worker_processes 2;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
events {{ worker_connections 512; }}
http {{
    log_format cic '$upstream_addr $status $request_time "$request"';
    access_log {dir}/access.log cic;
    client_body_temp_path {dir}/body;
    proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fastcgi;
    uwsgi_temp_path {dir}/uwsgi;
    scgi_temp_path {dir}/scgi;
    client_max_body_size 60m;
    upstream cic_nodes {{
{servers}
    }}
    server {{
        listen 127.0.0.1:{port};
        proxy_read_timeout 300s;
        location / {{
            proxy_pass http://cic_nodes;
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_set_header X-Real-IP $remote_addr;
        }}
    }}
}}
"""


def nginx_binary():
    """Debian's nginx, installed when missing (root only)."""
    found = shutil.which("nginx") or (
        "/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None
    )
    if found:
        return found
    if os.geteuid() != 0:
        raise SystemExit("bench: nginx is missing: apt-get install nginx (as root)")
    print("bench: installing nginx from Debian", flush=True)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", "nginx"], check=True, env=env)
    # The package starts its default site on port 80: this script needs only the binary.
    subprocess.run(["service", "nginx", "stop"], check=False, capture_output=True)
    return shutil.which("nginx") or "/usr/sbin/nginx"


class Nginx:
    """nginx in the foreground with its own configuration, logs and temp folders."""

    def __init__(self, port, upstream_ports):
        self.port, self.upstream_ports = port, upstream_ports
        self.url = f"http://127.0.0.1:{port}"
        self.dir = Path(tempfile.mkdtemp(prefix="cic-nginx-"))
        self.proc = None

    def start(self, timeout=30):
        binary = nginx_binary()
        conf = self.dir / "nginx.conf"
        conf.write_text(
            NGINX_CONF.format(
                user="user root;\n" if os.geteuid() == 0 else "",
                dir=self.dir,
                port=self.port,
                servers="\n".join(
                    f"        server 127.0.0.1:{p};" for p in self.upstream_ports
                ),
            )
        )
        self.proc = subprocess.Popen(
            [binary, "-p", str(self.dir), "-c", str(conf), "-g", "daemon off;"],
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
        )
        deadline = time.time() + timeout
        while time.time() < deadline:
            with contextlib.closing(socket.socket()) as sock:
                if sock.connect_ex(("127.0.0.1", self.port)) == 0:
                    return self
            if self.proc.poll() is not None:
                break
            time.sleep(0.2)
        raise SystemExit(f"bench: nginx did not start (see {self.dir}/error.log)")

    def spread(self):
        """Requests per upstream node, from the access log."""
        lines = (self.dir / "access.log").read_text().splitlines()
        return Counter(line.split(" ", 1)[0] for line in lines)

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(30)
        shutil.rmtree(self.dir, ignore_errors=True)


class ConnectionSampler(threading.Thread):
    """Peak number of PostgreSQL connections to the database while it runs."""

    def __init__(self, db):
        super().__init__(daemon=True)
        self.db, self.peak, self.done = db, 0, threading.Event()

    def run(self):
        with open_env(self.db) as env:
            while not self.done.wait(0.2):
                env.cr.execute(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = %s",
                    [self.db],
                )
                self.peak = max(self.peak, env.cr.fetchone()[0])
                env.cr.rollback()

    def stop(self):
        self.done.set()
        self.join(5)
        return self.peak


def numbering_run(url, db, clients, total, budget, prepared):
    sessions = [RpcSession(url, db).authenticate("bench_clerk") for _ in range(clients)]
    for session in sessions:  # warm-up: every worker of every node loads its registry
        session.call_kw("helpdesk.ticket", "search_count", [[]])
    sampler = ConnectionSampler(db)
    sampler.start()
    samples, ids, errors, wall, _timed_out = register(
        sessions, total, *prepared, budget
    )
    peak = sampler.stop()
    duplicates, missing, detail = verify(db, ids)
    detail += f"; peak PostgreSQL connections {peak}"
    return stats(samples, wall=wall), ids, errors, duplicates, missing, detail


def check_numbering(args, nodes, lb, prepared):
    total = 80 if args.quick else args.total
    rows, failed, ref = [], [], None
    for name, url in (("one node (A)", nodes[0].url), ("two nodes via nginx", lb.url)):
        before = lb.spread()
        row, ids, errors, duplicates, missing, detail = numbering_run(
            url, args.db, args.clients, total, args.max_seconds / 4, prepared
        )
        ref = ref or row["per_s"]
        spread = lb.spread() - before
        rows.append(
            {
                "case": f"{name} x{args.clients}",
                **row,
                "errors": len(errors),
                "ratio": row["per_s"] / ref if ref else float("nan"),
                "peak_mb": "-",
            }
        )
        print(f"check ({name}): {detail}; requests per node: {dict(spread) or '-'}")
        for message in sorted(set(errors))[:3]:
            print(f"error: {message}")
        if duplicates or missing or errors or len(ids) < total:
            failed.append(
                f"{name}: {duplicates} dup, {missing} missing, {len(errors)} err"
            )
    print_table(rows, STD_COLUMNS)
    print("(ratio here = throughput / throughput of one node)")
    if failed:
        result_line("cluster_numbering", "FAIL", "; ".join(failed))
        return False
    result_line(
        "cluster_numbering",
        "INFO",
        f"{total} petitions through both nodes at {rows[1]['per_s']:.1f}/s "
        f"(one node: {rows[0]['per_s']:.1f}/s); no duplicate, no missing number",
    )
    return True


def check_filestore(args, nodes):
    prepare_portal(args.db)
    citizen = RpcSession(nodes[0].url, args.db).authenticate("bench_citizen")
    _elapsed, ok, error = submit_cic(citizen, int(time.time()) % 100000)
    if not ok:
        result_line("cluster_filestore", "FAIL", f"submission on node A: {error}")
        return False
    checksum = hashlib.sha1(ATTACHMENT).hexdigest()  # noqa: S324 - Odoo's checksum
    with open_env(args.db) as env:
        attachment = env["ir.attachment"].search(
            [("checksum", "=", checksum), ("res_model", "=", "helpdesk.ticket")],
            order="id desc",
            limit=1,
        )
        attachment_id = attachment.id
    clerk = RpcSession(nodes[1].url, args.db).authenticate("bench_clerk")
    response = clerk.http.get(
        f"{nodes[1].url}/web/content/{attachment_id}?download=true", timeout=120
    )
    same = response.status_code == 200 and response.content == ATTACHMENT
    result_line(
        "cluster_filestore",
        "PASS" if same else "FAIL",
        f"1 MB uploaded by a citizen on node A (attachment {attachment_id}), "
        f"downloaded by a clerk on node B: HTTP {response.status_code}, "
        f"{'identical bytes' if same else 'DIFFERENT bytes'}",
    )
    return same


def check_cron(args, jobs=4, rounds=3, timeout=240):
    """Each due job runs once although two nodes' cron workers poll the database."""
    tag = f"cic-bench-cron-{uuid.uuid4().hex[:8]}"
    with open_env(args.db) as env:
        model = env["ir.model"]._get("res.partner")
        crons = env["ir.cron"].create(
            [
                {
                    "name": f"{tag} {index}",
                    "model_id": model.id,
                    "state": "code",
                    "code": "time.sleep(0.5)\nlog('run')",
                    "interval_number": 1,
                    "interval_type": "days",
                }
                for index in range(jobs)
            ]
        )
        cron_ids = crons.ids
        env.cr.commit()
    try:
        for _round in range(rounds):
            with open_env(args.db) as env:
                crons = env["ir.cron"].browse(cron_ids)
                crons.write({"nextcall": "2000-01-01 00:00:00"})
                for cron in crons:
                    cron._trigger()
                env.cr.commit()
            deadline = time.time() + timeout
            while time.time() < deadline:
                with open_env(args.db) as env:
                    crons = env["ir.cron"].browse(cron_ids)
                    if all(c.nextcall.year > 2000 for c in crons):
                        break
                time.sleep(1)
            else:
                result_line("cluster_cron", "FAIL", "jobs not run within the timeout")
                return False
        time.sleep(2)
        with open_env(args.db) as env:
            env.cr.execute(
                "SELECT func, count(*) FROM ir_logging "
                "WHERE func LIKE %s GROUP BY func",
                [tag + "%"],
            )
            runs = dict(env.cr.fetchall())
    finally:
        with open_env(args.db) as env:
            env["ir.cron"].browse(cron_ids).unlink()
            env.cr.execute("DELETE FROM ir_logging WHERE func LIKE %s", [tag + "%"])
            env.cr.commit()
    ok = len(runs) == jobs and set(runs.values()) == {rounds}
    result_line(
        "cluster_cron",
        "PASS" if ok else "FAIL",
        f"{jobs} jobs made due {rounds} times with both nodes' cron workers polling: "
        f"runs per job {sorted(runs.values())} (expected {rounds} each)",
    )
    return ok


def main():
    parser = arg_parser(__doc__)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--total", type=int, default=400)
    parser.add_argument("--workers", type=int, default=2, help="HTTP workers per node")
    parser.set_defaults(port=8540)
    args = parser.parse_args()
    banner("two Odoo nodes behind nginx", args, clients=args.clients)
    with open_env(args.db) as env:
        if not installed(env, "cic_portal"):
            result_line("cluster", "FAIL", "the four CIC addons are not installed")
            return 1
        ensure_user(env, "bench_clerk", ["cic_registry.group_cic_clerk"])
        env.cr.commit()
    prepared = prepare_numbering(args.db)[:2]  # procedure, partner
    nodes = [
        OdooServer(
            args.db,
            args.port + offset,
            workers=args.workers,
            cron_threads=1,
            log=CIC_HOME / f"bench-node-{offset}.log",
            # Each node's websocket process needs its own port too.
            extra=[f"--gevent-port={args.port + 50 + offset}"],
        )
        for offset in (0, 1)
    ]
    lb = Nginx(args.port + 9, [node.port for node in nodes])
    try:
        for node in nodes:
            node.start()
        lb.start()
        results = [
            check_numbering(args, nodes, lb, prepared),
            check_filestore(args, nodes),
            check_cron(args),
        ]
    finally:
        lb.stop()
        for node in nodes:
            node.stop()
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
