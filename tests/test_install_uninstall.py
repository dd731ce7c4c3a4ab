"""The CIC addons (the four and the online fees) install on a database without
demo data and uninstall cleanly.

Runs odoo-bin in subprocesses on a scratch database, so it exercises the real
install/uninstall code paths (hooks, data files, column drops) end to end.
"""

import json
import os
import subprocess
import uuid

import psycopg2
import pytest
from psycopg2 import sql

from odoo.tools import config

ADDONS = (
    "cic_registry",
    "cic_audience",
    "cic_performance",
    "cic_portal",
    "cic_portal_fee",
)

UNINSTALL_SCRIPT = """
mods = env["ir.module.module"].search([("name", "in", %r)])
mods.button_immediate_uninstall()
env.cr.commit()
"""


# cic_registry's install hook replaces admin/admin outside demo mode (issue 9).
CHOSEN_ADMIN_PASSWORD = "Cic-chosen-passw0rd"
AUTHENTICATE_SCRIPT = """
import json
results = {}
for password in ("admin", %r):
    credential = {"type": "password", "login": "admin", "password": password}
    try:
        env.registry["res.users"].authenticate(
            env.cr.dbname, credential, {"interactive": False}
        )
        results[password] = True
    except Exception:
        results[password] = False
print("CIC-AUTH " + json.dumps(results))
"""


def _connect(dbname):
    return psycopg2.connect(
        dbname=dbname,
        host=config["db_host"] or None,
        port=config["db_port"] or None,
        user=config["db_user"] or None,
    )


def _query(dbname, sql, params=()):
    with _connect(dbname) as cnx, cnx.cursor() as cr:
        cr.execute(sql, params)
        return cr.fetchall()


@pytest.fixture()
def scratch_db():
    name = f"cic_clean_{uuid.uuid4().hex[:8]}"
    yield name
    cnx = _connect("postgres")
    cnx.autocommit = True  # DROP DATABASE cannot run in a transaction block
    try:
        with cnx.cursor() as cr:
            cr.execute(
                sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name))
            )
    finally:
        cnx.close()


def _run(cmd, **kwargs):
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=1500, **kwargs)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result


def _admin_logins(odoo_cli, dbname):
    """Which of admin/admin and admin/CHOSEN_ADMIN_PASSWORD log in (real login)."""
    result = _run(
        odoo_cli("shell", "-d", dbname, "--no-http"),
        input=AUTHENTICATE_SCRIPT % CHOSEN_ADMIN_PASSWORD,
    )
    line = next(
        line for line in result.stdout.splitlines() if line.startswith("CIC-AUTH ")
    )
    return json.loads(line.split(" ", 1)[1])


def test_install_without_demo_then_uninstall(odoo_cli, scratch_db):
    environ = dict(os.environ, CIC_ADMIN_PASSWORD=CHOSEN_ADMIN_PASSWORD)
    environ.pop("CIC_ADMIN_PASSWORD_FILE", None)
    _run(
        odoo_cli(
            *("-d", scratch_db, "-i", ",".join(ADDONS), "--without-demo=all"),
            *("--stop-after-init", "--no-http"),
        ),
        env=environ,
    )
    # No default password outside demo mode: admin/admin is refused.
    assert _admin_logins(odoo_cli, scratch_db) == {
        "admin": False,
        CHOSEN_ADMIN_PASSWORD: True,
    }
    states = dict(
        _query(
            scratch_db,
            "SELECT name, state FROM ir_module_module WHERE name IN %s",
            (ADDONS,),
        )
    )
    assert states == {name: "installed" for name in ADDONS}
    assert not _query(
        scratch_db,
        "SELECT name FROM ir_module_module WHERE name IN %s AND demo",
        (ADDONS,),
    ), "demo data was loaded although --without-demo was given"

    _run(
        odoo_cli("shell", "-d", scratch_db, "--no-http"),
        input=UNINSTALL_SCRIPT % (list(ADDONS),),
    )
    states = dict(
        _query(
            scratch_db,
            "SELECT name, state FROM ir_module_module WHERE name IN %s",
            (ADDONS,),
        )
    )
    assert states == {name: "uninstalled" for name in ADDONS}
    assert not _query(
        scratch_db, "SELECT model FROM ir_model WHERE model LIKE 'cic.%%'"
    ), "CIC models are left after uninstall"
    assert not _query(
        scratch_db, "SELECT 1 FROM ir_model_data WHERE module IN %s", (ADDONS,)
    ), "records of the CIC addons are left after uninstall"
    assert not _query(
        scratch_db,
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE column_name LIKE 'cic\\_%%' AND table_schema = 'public'",
    ), "columns added by the CIC addons are left after uninstall"
