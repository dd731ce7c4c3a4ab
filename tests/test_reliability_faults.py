"""Short versions of the fault scenarios of bench/faults (the long ones stay there).

Both run in one bench/faults/faults.py (one server) against a copy of the
test database (bin/backup, then bin/restore --production: crons on, as in
production) served by ``bin/odoo --workers=2``:

* worker killed: 8 clients file petitions while HTTP workers are SIGKILLed; every
  confirmation a client saw is in the registry under the number shown, once, and
  the numbers of the run are gap-free;
* mail server down: a local SMTP sink is stopped while citizens file petitions and
  the clerk registers e-mailed ones, then started again; the sending crons run as
  the server runs them (``ir.cron._process_jobs``); every portal confirmation and
  acknowledgement reaches the sink exactly once, no citizen gets two.
"""

import os
import socket
import subprocess
import sys

import pytest

ROOT = os.environ.get("CIC_ROOT") or os.path.dirname(os.path.dirname(__file__))


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run_faults(db, *args):
    """bench/faults/faults.py on a free port (CIC_FAULTS_PORT/..._SMTP_PORT to pin
    them); fails with its output unless every scenario was survived."""
    port = int(os.environ.get("CIC_FAULTS_PORT") or _free_port())
    smtp_port = int(os.environ.get("CIC_FAULTS_SMTP_PORT") or _free_port())
    environ = dict(os.environ, CIC_BENCH_ANY_PORT="1")
    result = subprocess.run(
        [sys.executable, os.path.join(ROOT, "bench", "faults", "faults.py"),
         "-d", db, "--port", str(port), "--smtp-port", str(smtp_port),
         "--max-seconds", "120", *args],
        capture_output=True, text=True, timeout=300, env=environ, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    return result.stdout


@pytest.fixture(scope="module")
def faults_output(production_copy):
    """One server for both scenarios (its start is most of the cost)."""
    return run_faults(
        production_copy, "--scenarios", "worker,mail", "--per-client", "2"
    )


def test_worker_killed(faults_output):
    assert "faults: worker: survived" in faults_output, faults_output


def test_mail_server_down(faults_output):
    assert "faults: mail: survived" in faults_output, faults_output
    assert "0 none, 0 more than one" in faults_output, faults_output
