"""Suite-level fixtures: where Odoo and the test configuration are."""

import os
import sys

import pytest


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
