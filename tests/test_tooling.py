"""bin/run reports bad set-up states in one clear line and a non-zero exit.

Each case runs the real script in a subprocess; none of them gets as far as serving.
"""

import os
import socket
import subprocess
import uuid

import psycopg2
import pytest
from psycopg2 import sql

from odoo.tools import config

ROOT = os.environ.get("CIC_ROOT") or os.path.dirname(os.path.dirname(__file__))


def run_script(name, **env):
    full_env = dict(os.environ, **env)
    full_env.pop("ODOO_RC", None)
    return subprocess.run(
        [os.path.join(ROOT, "bin", name)],
        capture_output=True,
        text=True,
        timeout=600,
        env=full_env,
        stdin=subprocess.DEVNULL,
    )


def assert_one_clear_line(result, expected):
    assert result.returncode != 0
    errors = [line for line in result.stderr.splitlines() if "error" in line.lower()]
    assert len(errors) == 1, result.stderr
    assert expected in errors[0], errors[0]
    assert "Traceback" not in result.stderr + result.stdout


def test_missing_odoo_source():
    """With the download off (tests/test_odoo_fetch.py covers it), as before."""
    result = run_script(
        "run", ODOO_PATH="/nonexistent/odoo", CIC_PORT="8891", CIC_ODOO_FETCH="0"
    )
    assert_one_clear_line(result, "Odoo 18 source not found at ODOO_PATH=/nonexistent")
    assert not os.path.exists("/nonexistent")


def test_port_taken():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        result = run_script("run", CIC_PORT=str(port))
    assert_one_clear_line(result, f"port {port} is already in use")


def test_postgres_unreachable():
    with socket.socket() as sock:  # a port where nothing listens
        sock.bind(("127.0.0.1", 0))
        free_port = sock.getsockname()[1]
    result = run_script(
        "run", PGHOST="127.0.0.2", PGPORT=str(free_port), CIC_PORT="8892"
    )
    assert_one_clear_line(result, "PostgreSQL is not reachable")


@pytest.fixture()
def stale_db():
    name = f"cic_stale_{uuid.uuid4().hex[:8]}"
    params = dict(
        dbname="postgres",
        host=config["db_host"] or None,
        port=config["db_port"] or None,
        user=config["db_user"] or None,
    )
    cnx = psycopg2.connect(**params)
    cnx.autocommit = True
    with cnx.cursor() as cr:
        cr.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    yield name
    with cnx.cursor() as cr:
        cr.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
    cnx.close()


def test_database_left_from_older_run(stale_db):
    result = run_script("run", CIC_DB=stale_db, CIC_PORT="8893")
    assert_one_clear_line(result, f"database '{stale_db}' exists but is not a complete")
