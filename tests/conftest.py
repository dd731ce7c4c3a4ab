"""Suite-level fixtures: where Odoo and the test configuration are; the ``demo``
marker (tests of the demo content, run only on a database with demo data)."""

import os
import shutil
import subprocess
import sys
import uuid

import pytest

# The addons whose demo data the ``demo``-marked tests check.
DEMO_ADDONS = (
    "cic_registry",
    "cic_audience",
    "cic_performance",
    "cic_portal",
    "cic_portal_fee",
)


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "demo: checks the demo data itself (tests/test_demo_data.py); run on a "
        "database with demo data, deselected (and said so) on one without",
    )


def _database_has_demo():
    """True when the four addons were installed with their demo data."""
    from odoo import sql_db
    from odoo.tools import config

    with sql_db.db_connect(config["db_name"]).cursor() as cr:
        cr.execute(
            "SELECT COUNT(*) FILTER (WHERE demo), COUNT(*) FROM ir_module_module"
            " WHERE name IN %s AND state = 'installed'",
            [DEMO_ADDONS],
        )
        with_demo, installed = cr.fetchone()
    return installed > 0 and with_demo == installed


def pytest_collection_modifyitems(config, items):
    """On a database without demo data, the tests of the demo content are not run:
    they are deselected (never counted as passed nor skipped), and the run says so
    on the terminal and in the JUnit report (tools/junit_summary.py prints it)."""
    demo = [item for item in items if item.get_closest_marker("demo")]
    if not demo or _database_has_demo():
        return
    from odoo.tools import config as odoo_config

    items[:] = [item for item in items if not item.get_closest_marker("demo")]
    config.hook.pytest_deselected(items=demo)
    message = (
        f"cic: database {odoo_config['db_name']} has no demo data: "
        f"{len(demo)} test(s) of the demo content deselected (not run)"
    )
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    if reporter:
        reporter.write_line(message)
    from _pytest.junitxml import xml_key

    junit = config.stash.get(xml_key, None)
    if junit:
        junit.add_global_property("cic_demo_deselected", len(demo))


@pytest.fixture(scope="session")
def odoo_cli():
    """Build an odoo-bin command line with the test configuration (from bin/test).

    ``odoo_cli("shell", "-d", db)`` puts the sub-command first, as odoo-bin wants.
    """
    odoo_rc = os.environ.get("ODOO_RC")
    odoo_path = os.environ.get("ODOO_PATH", "/opt/odoo18")
    if not odoo_rc:
        pytest.fail("ODOO_RC is not set: run the suite through bin/test or bin/pytest")
    odoo_bin = [sys.executable, os.path.join(odoo_path, "odoo-bin")]

    def build(*args):
        command = list(args[:1]) if args and not args[0].startswith("-") else []
        return odoo_bin + command + ["-c", odoo_rc] + list(args[len(command) :])

    return build


def _bin(name, *args, timeout=600):
    """Run bin/<name> (backup, restore) and return its stdout; fail with its output."""
    root = os.environ.get("CIC_ROOT") or os.path.dirname(os.path.dirname(__file__))
    result = subprocess.run(
        [os.path.join(root, "bin", name), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result.stdout.strip()


@pytest.fixture(scope="session")
def test_db_backup(tmp_path_factory):
    """A bin/backup of the test database (committed state: demo data, no test data)."""
    from odoo.tools import config

    return _bin("backup", config["db_name"], str(tmp_path_factory.mktemp("backup")))


def _drop(name):
    """Drop a scratch database (closing this process's registry and connections
    to it first) and its filestore."""
    from odoo import sql_db
    from odoo.modules.registry import Registry
    from odoo.tools import config

    Registry.delete(name)
    sql_db.close_db(name)
    subprocess.run(
        ["dropdb", "-h", config["db_host"] or "127.0.0.1", "-p",
         str(config["db_port"] or 5432), "-U", config["db_user"] or "odoo",
         "--if-exists", name],
        capture_output=True, check=False,
    )  # fmt: skip
    shutil.rmtree(
        os.path.join(config["data_dir"], "filestore", name), ignore_errors=True
    )


@pytest.fixture(scope="module")
def restore_db():
    """``restore_db(backup, "--production" or None)``: bin/restore into a scratch
    database, dropped with its filestore after the test module. Returns its name."""
    made = []

    def restore(backup, *options):
        name = f"cic_scratch_{uuid.uuid4().hex[:8]}"
        made.append(name)
        _bin("restore", backup, name, *options)
        return name

    yield restore
    for name in made:
        _drop(name)


@pytest.fixture(scope="session")
def production_copy(test_db_backup):
    """A copy of the test database restored as production (not neutralised: its
    crons run, it sends mail), shared by the reliability tests that commit data
    (fault scenarios, backup drill) so that the test database stays as it is."""
    name = f"cic_prod_{uuid.uuid4().hex[:8]}"
    _bin("restore", test_db_backup, name, "--production")
    yield name
    _drop(name)


@pytest.fixture(scope="session")
def cic_bin():
    """``cic_bin("backup", db, dest)``: run a command of bin/, return its stdout."""
    return _bin
