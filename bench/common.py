# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Shared helpers of the benchmark harness (never imported by the addons).

* ``open_env``: an Odoo environment on a benchmark database, in this process;
* ``OdooServer``: ``bin/odoo --workers=N`` in the background on a loopback port,
  with a sampler of the RSS of its processes (master + workers), stopped at exit;
* ``RpcSession``: a JSON-RPC / HTTP client keeping its session cookie;
* ``stats``/``print_table``: median, p95, throughput, ratio and peak memory;
* ``ensure_user``: benchmark users (password = login).

Run every script through ``bench/py`` (the suite's Python with Odoo on the path).
"""

import argparse
import atexit
import contextlib
import os
import re
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil
import requests

ROOT = Path(__file__).resolve().parent.parent
ODOO_PATH = os.environ.get("ODOO_PATH", "/opt/odoo18")
CIC_HOME = Path(os.environ.get("CIC_HOME", Path.home() / ".cache" / "cic-suite"))
DEFAULT_DB = os.environ.get("BENCH_DB", "h_bench")
CIC_ADDONS = ("cic_registry", "cic_audience", "cic_performance", "cic_portal")

if ODOO_PATH not in sys.path:
    sys.path.insert(0, ODOO_PATH)


# ----------------------------------------------------------------------
# Command line
# ----------------------------------------------------------------------
def arg_parser(description):
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("-d", "--db", default=DEFAULT_DB, help="benchmark database")
    parser.add_argument(
        "--quick", action="store_true", help="small N: checks that the harness works"
    )
    parser.add_argument(
        "--port", type=int, default=8500, help="HTTP port of the server (8500-8599)"
    )
    parser.add_argument(
        "--max-seconds",
        type=float,
        default=900,
        help="hard time budget: the scenario stops by itself after it",
    )
    return parser


def banner(title, args, **params):
    extra = ", ".join(f"{k}={v}" for k, v in params.items())
    print(f"\n== {title} (db={args.db}{', ' + extra if extra else ''})", flush=True)


def result_line(name, ok, detail):
    """The last line of a scenario: PASS (target met), MISS (target not met),
    FAIL (wrong result: exit 1), INFO (no target) or SKIP (not available yet)."""
    status = ok if isinstance(ok, str) else ("PASS" if ok else "MISS")
    print(f"RESULT {name}: {status} {detail}", flush=True)


# ----------------------------------------------------------------------
# Odoo in this process
# ----------------------------------------------------------------------
def bench_conf(port=8500):
    """An Odoo configuration like bin/odoo's, for the benchmark port."""
    conf = CIC_HOME / f"bench-{port}.conf"
    conf.parent.mkdir(parents=True, exist_ok=True)
    conf.write_text(
        "[options]\n"
        f"addons_path = {ODOO_PATH}/odoo/addons,{ROOT}/addons\n"
        f"data_dir = {CIC_HOME}/data\n"
        f"db_host = {os.environ.get('PGHOST', '127.0.0.1')}\n"
        f"db_port = {os.environ.get('PGPORT', '5432')}\n"
        f"db_user = {os.environ.get('CIC_DB_USER', 'odoo')}\n"
        "db_password = False\n"
        "http_interface = 127.0.0.1\n"
        f"http_port = {port}\n"
        "list_db = False\n"
    )
    return conf


_CONFIGURED = False


def _configure():
    global _CONFIGURED
    if _CONFIGURED:
        return
    import odoo

    odoo.tools.config.parse_config(["-c", str(bench_conf()), "--log-level=warn"])
    odoo.netsvc.init_logger()
    _CONFIGURED = True


@contextlib.contextmanager
def open_env(db, uid=None, context=None):
    """Yield an environment on ``db`` (superuser by default); the caller commits."""
    _configure()
    from odoo import SUPERUSER_ID, api
    from odoo.modules.registry import Registry

    registry = Registry(db)
    with registry.cursor() as cr:
        env = api.Environment(cr, uid or SUPERUSER_ID, dict(context or {}))
        yield env


def installed(env, module):
    return bool(
        env["ir.module.module"].search_count(
            [("name", "=", module), ("state", "=", "installed")]
        )
    )


def ensure_user(env, login, group_xmlids, share=False):
    """A benchmark user (password = login) with the first existing group of each
    tuple in ``group_xmlids``; created once and committed."""
    Users = env["res.users"].with_context(active_test=False, no_reset_password=True)
    user = Users.search([("login", "=", login)], limit=1)
    groups = []
    for candidates in group_xmlids:
        for xmlid in candidates if isinstance(candidates, tuple) else (candidates,):
            group = env.ref(xmlid, raise_if_not_found=False)
            if group:
                groups.append(group.id)
                break
    if not user:
        user = Users.create(
            {
                "name": f"Bench {login}",
                "login": login,
                "password": login,
                "email": f"{login}@bench.example.ro",
                "groups_id": [(6, 0, groups)],
            }
        )
    else:
        user.write({"active": True, "groups_id": [(4, gid) for gid in groups]})
    env.cr.commit()
    return user


# ----------------------------------------------------------------------
# Statistics and the table
# ----------------------------------------------------------------------
def percentile(values, pct):
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * pct / 100.0
    low = int(k)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


def stats(samples, wall=None, count=None):
    """Median and p95 in ms and throughput per second of ``samples`` (seconds)."""
    n = count if count is not None else len(samples)
    wall = wall if wall is not None else sum(samples)
    return {
        "n": n,
        "median_ms": statistics.median(samples) * 1000 if samples else float("nan"),
        "p95_ms": percentile(samples, 95) * 1000,
        "per_s": n / wall if wall else float("nan"),
    }


def fmt_mb(rss):
    return f"{rss / 1048576:.0f}" if rss else "-"


def print_table(rows, columns):
    """``rows``: list of dicts; ``columns``: list of (key, header, format)."""
    cells = [[header for _k, header, _f in columns]]
    for row in rows:
        line = []
        for key, _header, fmt in columns:
            value = row.get(key, "")
            if isinstance(value, float) and value != value:  # NaN
                value = "-"
            elif fmt and value not in ("", None, "-"):
                value = format(value, fmt)
            line.append(str(value))
        cells.append(line)
    widths = [max(len(r[i]) for r in cells) for i in range(len(columns))]
    for index, line in enumerate(cells):
        print(
            "  ".join(
                c.rjust(w) if i else c.ljust(w)
                for i, (c, w) in enumerate(zip(line, widths, strict=False))
            )
        )
        if index == 0:
            print("  ".join("-" * w for w in widths))
    sys.stdout.flush()


STD_COLUMNS = [
    ("case", "case", ""),
    ("n", "n", "d"),
    ("median_ms", "median ms", ".1f"),
    ("p95_ms", "p95 ms", ".1f"),
    ("per_s", "per s", ".1f"),
    ("ratio", "ratio", ".2f"),
    ("errors", "errors", "d"),
    ("peak_mb", "peak RSS MB", ""),
]


# ----------------------------------------------------------------------
# Memory
# ----------------------------------------------------------------------
class MemorySampler:
    """Samples the RSS of a process and its children every ``interval`` s.

    ``peak_worker`` is the largest RSS of one process (an Odoo worker or the
    in-process Odoo), ``peak_total`` the largest sum over the process tree."""

    def __init__(self, pid=None, interval=0.1):
        self.pid = pid or os.getpid()
        self.interval = interval
        self.peak_worker = 0
        self.peak_total = 0
        self._stop = threading.Event()
        self._thread = None

    def _sample(self):
        try:
            root = psutil.Process(self.pid)
            procs = [root] + root.children(recursive=True)
        except psutil.Error:
            return
        total = 0
        for proc in procs:
            try:
                rss = proc.memory_info().rss
            except psutil.Error:
                continue
            total += rss
            self.peak_worker = max(self.peak_worker, rss)
        self.peak_total = max(self.peak_total, total)

    def _run(self):
        while not self._stop.wait(self.interval):
            self._sample()

    def reset(self):
        self.peak_worker = self.peak_total = 0
        self._sample()

    def start(self):
        self._sample()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def stop(self):
        self._stop.set()
        if self._thread:
            self._thread.join(2)
        self._sample()

    def label(self):
        return f"{fmt_mb(self.peak_worker)} (tree {fmt_mb(self.peak_total)})"


# ----------------------------------------------------------------------
# A server with workers
# ----------------------------------------------------------------------
class OdooServer:
    """``bin/odoo -d DB --workers=N --http-port=PORT`` in its own process group.

    Started by the benchmark, stopped by it (atexit too), on 127.0.0.1 only; no
    cron worker unless ``cron_threads`` asks for some, so that only the scenario's
    requests run."""

    def __init__(self, db, port, workers=2, log=None, cron_threads=0, extra=()):
        # CIC_BENCH_ANY_PORT: the suite's tests run the fault scenarios on a free port.
        if not (8500 <= port <= 8599 or os.environ.get("CIC_BENCH_ANY_PORT")):
            raise SystemExit("bench: use a port between 8500 and 8599")
        self.db, self.port, self.workers = db, port, workers
        self.cron_threads, self.extra = cron_threads, list(extra)
        self.url = f"http://127.0.0.1:{port}"
        self.log = log or CIC_HOME / f"bench-server-{port}.log"
        self.proc = None
        self.memory = None

    def start(self, timeout=180):
        with contextlib.closing(__import__("socket").socket()) as sock:
            if sock.connect_ex(("127.0.0.1", self.port)) == 0:
                raise SystemExit(f"bench: port {self.port} is taken; pass --port")
        cmd = [
            str(ROOT / "bin" / "odoo"),
            "-d", self.db,
            f"--workers={self.workers}",
            f"--http-port={self.port}",
            "--http-interface=127.0.0.1",
            f"--max-cron-threads={self.cron_threads}",
            "--limit-time-real=300",
            "--limit-time-cpu=240",
            "--log-level=warn",
            f"--logfile={self.log}",
            "--no-database-list",
            *self.extra,
        ]  # fmt: skip
        self.proc = subprocess.Popen(
            cmd,
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
        )
        atexit.register(self.stop)
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit(f"bench: the server exited (see {self.log})")
            try:
                if requests.get(f"{self.url}/web/login", timeout=30).status_code == 200:
                    break
            except requests.RequestException:
                pass
            time.sleep(1)
        else:
            self.stop()
            raise SystemExit(f"bench: the server did not answer in {timeout}s")
        self.memory = MemorySampler(self.proc.pid, interval=0.1).start()
        return self

    def warm(self, paths, sessions=()):
        """Load every worker's registry and templates before measuring."""
        for _ in range(self.workers * 3):
            for path in paths:
                for session in sessions or (requests.Session(),):
                    with contextlib.suppress(requests.RequestException):
                        session.get(self.url + path, timeout=60)

    def stop(self):
        if self.memory:
            self.memory.stop()
        if self.proc and self.proc.poll() is None:
            # Our own process group only (started with start_new_session).
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(10)


# ----------------------------------------------------------------------
# HTTP clients
# ----------------------------------------------------------------------
CSRF_RE = re.compile(r'name="csrf_token"\s+value="([^"]+)"')


class RpcSession:
    """A user's HTTP session: JSON-RPC calls and form posts with its cookie."""

    def __init__(self, url, db):
        self.url, self.db = url, db
        self.http = requests.Session()
        self._id = 0

    def json(self, path, params, timeout=120):
        self._id += 1
        response = self.http.post(
            self.url + path,
            json={"jsonrpc": "2.0", "method": "call", "params": params, "id": self._id},
            timeout=timeout,
        )
        response.raise_for_status()
        body = response.json()
        if body.get("error"):
            error = body["error"]
            raise RuntimeError(
                error.get("data", {}).get("message") or error.get("message")
            )
        return body["result"]

    def authenticate(self, login, password=None):
        result = self.json(
            "/web/session/authenticate",
            {"db": self.db, "login": login, "password": password or login},
        )
        self.uid = result["uid"]
        return self

    def call_kw(self, model, method, args, kwargs=None):
        return self.json(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    def csrf(self, path):
        """GET ``path`` and return (html, csrf_token)."""
        response = self.http.get(self.url + path, timeout=60)
        response.raise_for_status()
        match = CSRF_RE.search(response.text)
        return response.text, match.group(1) if match else None


def run_clients(count, worker, budget):
    """Run ``worker(index, stop_event)`` in ``count`` threads; stop after ``budget`` "
    "s."""
    stop = threading.Event()
    threads = [
        threading.Thread(target=worker, args=(i, stop), daemon=True)
        for i in range(count)
    ]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    deadline = start + budget
    for thread in threads:
        thread.join(max(0.0, deadline - time.perf_counter()))
    if any(t.is_alive() for t in threads):
        stop.set()
        for thread in threads:
            thread.join(60)
    return time.perf_counter() - start, stop.is_set()
