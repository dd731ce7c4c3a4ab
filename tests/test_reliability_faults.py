"""Short versions of the fault scenarios of bench/faults (the long ones stay there).

Both run in one bench/faults/faults.py (one server) against a copy of the
test database (bin/backup, then bin/restore --production: crons on, as in
production) served by ``bin/odoo --workers=2``:

* worker killed: 8 clients file petitions while HTTP workers are SIGKILLed; every
  confirmation a client saw is in the registry under the number shown, once, and
  the numbers the counter issued during the run are gap-free and duplicate-free, and
  the register was whole before it (no number issued without its entry);
* mail server down: a local SMTP sink is stopped while citizens file petitions and
  the clerk registers e-mailed ones, then started again; the sending crons run as
  the server runs them (``ir.cron._process_jobs``); every portal confirmation and
  acknowledgement reaches the sink exactly once, no citizen gets two.
"""

import importlib.util
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


@pytest.fixture(scope="module")
def faults_module():
    """bench/faults/faults.py as a module, without leaving bench/ on the path nor
    its ``common`` among the modules."""
    saved_path, saved_common = list(sys.path), sys.modules.get("common")
    path = os.path.join(ROOT, "bench", "faults", "faults.py")
    spec = importlib.util.spec_from_file_location("cic_bench_faults", path)
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path[:] = saved_path
        sys.modules.pop("common", None)
        if saved_common is not None:
            sys.modules["common"] = saved_common
    return module


RUN = list(range(1, 17))


@pytest.mark.parametrize(
    "before, after, held, wrong",
    [
        # whole before, 16 numbers issued and on 16 entries
        ({}, {1: (16, RUN)}, "", ""),
        # number 1 issued before the run without its entry (a test's leftover):
        # the register's fault, not the run's
        ({1: (1, [])}, {1: (17, RUN[1:] + [17])}, "missing [1]", ""),
        # the run's last number issued without its entry
        ({}, {1: (16, RUN[:-1])}, "", "missing [16]"),
        # a number on two entries (two models share the counter)
        ({}, {1: (16, sorted(RUN[:-1] + [7]))}, "", "twice [7]"),
        # an entry of the run took a number issued before the run
        ({1: (3, [1, 2, 3])}, {1: (5, [1, 2, 3, 3, 4, 5])}, "", "1..3 issued before"),
    ],
)
def test_register_check(faults_module, before, after, held, wrong):
    """The numbering check of the fault scenarios tells the run's gaps and
    duplicates from a register that was not whole before the run."""
    taken, held_before, problems = faults_module.register_problems(before, after)
    assert taken == {1: (before.get(1, (0,))[0] + 1, after[1][0])}
    assert (held in " ".join(held_before)) if held else not held_before, held_before
    assert (wrong in " ".join(problems)) if wrong else not problems, problems
