# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""cic_portal works without accounting (issue 18 point 6): a town hall without
online payments installs it without account, payment or account_payment; the
fees are the addon cic_portal_fee."""

from odoo.tests import TransactionCase, tagged

ACCOUNTING = {"account", "payment", "account_payment"}


@tagged("post_install", "-at_install")
class TestNoAccounting(TransactionCase):
    def _closure(self, name):
        """The names of ``name`` and of every module it depends on, directly or
        not, from the manifests known to the database."""
        Module = self.env["ir.module.module"]
        todo, seen = [name], set()
        while todo:
            current = todo.pop()
            if current in seen:
                continue
            seen.add(current)
            module = Module.search([("name", "=", current)])
            todo.extend(module.dependencies_id.mapped("name"))
        return seen

    def test_dependency_closure_without_accounting(self):
        closure = self._closure("cic_portal")
        self.assertIn("website", closure)
        self.assertIn("cic_registry", closure)
        self.assertFalse(closure & ACCOUNTING, sorted(closure & ACCOUNTING))
