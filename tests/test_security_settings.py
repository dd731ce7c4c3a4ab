"""Secrets and settings: the production configuration, where passwords may appear,
and the database manager closed when ``list_db`` is off."""

import configparser
import json
import os
import re
import xml.etree.ElementTree as ET
from unittest.mock import patch

from odoo.tests import HttpCase, tagged
from odoo.tools import config, mute_logger

ROOT = os.environ.get("CIC_ROOT") or os.path.dirname(os.path.dirname(__file__))
ADDONS = os.path.join(ROOT, "addons")


def production_options():
    parser = configparser.ConfigParser()
    parser.read(os.path.join(ROOT, "config", "odoo.conf"))
    return parser["options"]


def test_production_config():
    options = production_options()
    assert options.getboolean("list_db") is False
    assert options.getboolean("proxy_mode") is True
    assert options.get("dbfilter"), "one database per host name"
    assert options.get("without_demo") == "all", "no demo data (demo passwords)"
    for secret in ("admin_passwd", "db_password", "smtp_password"):
        assert secret not in options, f"{secret} must come from the environment"


def test_compose_takes_passwords_from_the_environment():
    with open(os.path.join(ROOT, "docker-compose.yml"), encoding="utf-8") as handle:
        compose = handle.read()
    for line in compose.splitlines():
        match = re.match(r"\s*(\w*PASSWORD\w*)\s*:\s*(.+)$", line)
        if match:
            assert match.group(2).strip().startswith("${"), line


def _manifest(addon):
    with open(os.path.join(ADDONS, addon, "__manifest__.py"), encoding="utf-8") as fh:
        return eval(fh.read())  # noqa: S307 - our own manifest, a dict literal


def _sets_password(path):
    if path.endswith(".xml"):
        tree = ET.parse(path)
        return any(
            field.get("name") == "password" for field in tree.iter("field")
        ) or any(
            "password" in (function.get("eval") or "")
            for function in tree.iter("function")
        )
    if path.endswith(".csv"):
        with open(path, encoding="utf-8") as handle:
            return "password" in handle.readline()
    return False


def test_passwords_only_in_demo_data():
    """Users with known passwords exist only in demo files, never in data files
    that a production install loads."""
    demo_files = []
    for addon in sorted(os.listdir(ADDONS)):
        if not addon.startswith("cic_"):
            continue
        manifest = _manifest(addon)
        for name in manifest.get("data", []):
            path = os.path.join(ADDONS, addon, name)
            assert not _sets_password(path), f"{addon}/{name} sets a password"
        demo_files += [
            os.path.join(ADDONS, addon, name) for name in manifest.get("demo", [])
        ]
    assert any(_sets_password(path) for path in demo_files), "demo logins exist"
    for folder, _dirs, files in os.walk(ADDONS):
        if "/tests" in folder or "/demo" in folder:
            continue
        for name in files:
            if name.endswith(".py"):
                with open(os.path.join(folder, name), encoding="utf-8") as handle:
                    text = handle.read()
                assert not re.search(r"""["']password["']\s*:\s*["']""", text), name


@tagged("post_install", "-at_install")
class TestDatabaseManagerClosed(HttpCase):
    def setUp(self):
        super().setUp()
        patcher = patch.dict(config.options, {"list_db": False})
        patcher.start()
        self.addCleanup(patcher.stop)

    def test_manager_pages_not_found(self):
        for url in ("/web/database/manager", "/web/database/selector"):
            response = self.url_open(url, allow_redirects=False)
            self.assertEqual(response.status_code, 404, url)
            self.assertNotIn("master password", response.text.lower())

    def test_database_list_refused(self):
        response = self.url_open(
            "/web/database/list",
            data=json.dumps({"jsonrpc": "2.0", "method": "call", "params": {}}),
            headers={"Content-Type": "application/json"},
        )
        body = response.json()
        self.assertNotIn("result", body)
        self.assertIn("AccessDenied", body["error"]["data"]["name"])

    def test_management_operations_refused(self):
        with mute_logger(
            "odoo.service.db", "odoo.http", "odoo.addons.web.controllers.database"
        ):
            for operation in ("backup", "drop", "duplicate", "change_password"):
                response = self.url_open(
                    f"/web/database/{operation}",
                    data={
                        "master_pwd": "admin",
                        "name": self.env.cr.dbname,
                        "new_name": "cic_stolen_copy",
                        "master_pwd_new": "x",
                        "backup_format": "zip",
                    },
                    allow_redirects=False,
                )
                self.assertNotEqual(
                    response.headers.get("Content-Type"), "application/octet-stream"
                )
                self.assertNotIn("attachment", response.headers.get(
                    "Content-Disposition", ""
                ))  # fmt: skip
        self.env.cr.execute(
            "SELECT count(*) FROM pg_database WHERE datname = 'cic_stolen_copy'"
        )
        self.assertEqual(self.env.cr.fetchone()[0], 0)
