"""Suite-level fixtures: where Odoo and the test configuration are."""

import os
import sys

import pytest


@pytest.fixture(scope="session")
def odoo_cli():
    """Command prefix running odoo-bin with the test configuration (from bin/test)."""
    odoo_rc = os.environ.get("ODOO_RC")
    odoo_path = os.environ.get("ODOO_PATH", "/opt/odoo18")
    if not odoo_rc:
        pytest.fail("ODOO_RC is not set: run the suite through bin/test or bin/pytest")
    return [sys.executable, os.path.join(odoo_path, "odoo-bin"), "-c", odoo_rc]
