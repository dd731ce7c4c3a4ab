"""No default password outside demo mode.

Odoo's base data creates the ``admin`` login with the password ``admin``.
cic_registry's install hook replaces it in a database created without demo data:
by ``CIC_ADMIN_PASSWORD`` (or the file named by ``CIC_ADMIN_PASSWORD_FILE``, a docker
secret), otherwise by a random password. A demo database keeps its demo logins.
The real install without demo data, with a login through ``res.users.authenticate``,
is checked by ``test_install_uninstall.py`` (one fresh install serves both).
"""

import logging
import os
import tempfile
from unittest.mock import patch

from odoo.exceptions import AccessDenied
from odoo.tests import TransactionCase, tagged

from odoo.addons.cic_registry import hooks

CHOSEN = "Cic-chosen-passw0rd"


@tagged("post_install", "-at_install")
class TestAdminPasswordHook(TransactionCase):
    """The hook itself, in the test database (with or without demo data): cheap,
    one case per source, each from the state Odoo's base data leaves (admin/admin)
    and in the mode the case names (demo or not)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.admin = cls.env.ref("base.user_admin")
        cls.base = cls.env.ref("base.module_base")
        # As Odoo's base data creates it, before the hook: on a database installed
        # without demo data the hook has already replaced it.
        cls.admin.password = hooks.DEFAULT_ADMIN_PASSWORD

    def assertLogsIn(self, password, expected=True):
        credential = {"type": "password", "login": "admin", "password": password}
        user = self.admin.with_user(self.admin)
        if expected:
            user._check_credentials(credential, {"interactive": False})
        else:
            with self.assertRaises(AccessDenied):
                user._check_credentials(credential, {"interactive": False})

    def run_hook(self, **environ):
        with patch.dict(os.environ, environ, clear=False):
            for name in ("CIC_ADMIN_PASSWORD", "CIC_ADMIN_PASSWORD_FILE"):
                if name not in environ:
                    os.environ.pop(name, None)
            return hooks.replace_default_admin_password(self.env)

    def test_demo_database_keeps_admin_admin(self):
        self.base.demo = True
        self.assertLogsIn("admin")
        self.assertIsNone(self.run_hook(CIC_ADMIN_PASSWORD=CHOSEN))
        self.assertLogsIn("admin")
        self.assertLogsIn(CHOSEN, expected=False)

    def test_without_demo_from_environment(self):
        self.base.demo = False
        self.assertEqual(self.run_hook(CIC_ADMIN_PASSWORD=CHOSEN), "configured")
        self.assertLogsIn("admin", expected=False)
        self.assertLogsIn(CHOSEN)

    def test_without_demo_from_secret_file(self):
        self.base.demo = False
        with tempfile.NamedTemporaryFile("w", suffix=".secret") as secret:
            secret.write(CHOSEN + "\n")  # the line break is not part of it
            secret.flush()
            self.assertEqual(
                self.run_hook(CIC_ADMIN_PASSWORD_FILE=secret.name), "configured"
            )
        self.assertLogsIn("admin", expected=False)
        self.assertLogsIn(CHOSEN)

    def test_without_demo_random_password_never_logged(self):
        self.base.demo = False
        random_password = "random-" + CHOSEN
        with (
            patch.object(hooks.secrets, "token_urlsafe", return_value=random_password),
            # logging.INFO, not "INFO": Odoo names its RUNBOT level (25) "INFO" too.
            self.assertLogs("odoo.addons.cic_registry.hooks", logging.INFO) as logs,
        ):
            self.assertEqual(self.run_hook(), "random")
        self.assertEqual([record.levelno for record in logs.records], [logging.INFO])
        self.assertIn("odoo-bin shell", logs.output[0])
        self.assertNotIn(random_password, logs.output[0])
        self.assertLogsIn("admin", expected=False)
        self.assertLogsIn(random_password)

    def test_changed_password_is_kept(self):
        self.base.demo = False
        self.admin.password = "Already-changed-1"
        self.assertIsNone(self.run_hook(CIC_ADMIN_PASSWORD=CHOSEN))
        self.assertLogsIn("Already-changed-1")
        self.assertLogsIn(CHOSEN, expected=False)
