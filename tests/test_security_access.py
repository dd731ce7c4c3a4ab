"""Access matrix: every suite model x every role, through the ORM and JSON-RPC.

The live matrix is computed by ``security_matrix`` (the same code that prints the
README's table, ``tools/access_matrix.py``) and checked against the policy below:
denials that must hold whatever the addons add later.
"""

from security_matrix import (
    ROLE_KEYS,
    SAMPLE_CNP,
    Fixture,
    compute_matrix,
    compute_samples,
    suite_models,
    to_markdown,
)

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, TransactionCase, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

CITIZENS = ("public", "portal_a", "portal_b")
LOGS = ("cic.audit.log", "cic.cnp.access.log")
# Who may read the full CNP (field groups) and the registry's logs.
CNP_READERS = {"clerk", "secretary", "admin"}
# Expected (read, write) on the sample records: the policy of docs/architecture.md.
SAMPLE_POLICY = {
    "registry entry of citizen A, dept. 1": {
        "public": "--",
        "portal_a": "R-",
        "portal_b": "--",
        "clerk": "RW",
        "staff_1": "RW",
        "staff_2": "--",
        "head_1": "RW",
        "secretary": "RW",
        "hr": "--",
        "finance": "--",
        "auditor": "R-",
        "admin": "RW",
    },
    "registry entry of citizen B, dept. 2": {
        "public": "--",
        "portal_a": "--",
        "portal_b": "R-",
        "clerk": "RW",
        "staff_1": "--",
        "staff_2": "RW",
        "head_1": "--",
        "secretary": "RW",
        "hr": "--",
        "finance": "--",
        "auditor": "R-",
        "admin": "RW",
    },
    "attachment of A's entry": {
        "public": "--",
        "portal_b": "--",
        "staff_2": "--",
        "hr": "--",
        "finance": "--",
        "auditor": "R-",
    },
    "contact of citizen A (with CNP)": {"public": "--", "portal_b": "--"},
    "audit log row": {
        "public": "--",
        "portal_a": "--",
        "portal_b": "--",
        "staff_1": "--",
        "staff_2": "--",
        "head_1": "--",
        "hr": "--",
        "finance": "--",
        "clerk": "R-",
        "auditor": "R-",
        "admin": "R-",
    },
    "CNP access log row": {
        "public": "--",
        "portal_a": "--",
        "portal_b": "--",
        "staff_1": "--",
        "staff_2": "--",
        "head_1": "--",
        "hr": "--",
        "finance": "--",
        "clerk": "--",
        "auditor": "R-",
        "admin": "R-",
    },
}


def _writes(cell):
    return cell[1:].strip("-")


@tagged("post_install", "-at_install")
class TestAccessMatrix(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.fx = Fixture(cls.env)
        cls.models = suite_models(cls.env)
        cls.matrix = compute_matrix(cls.fx, cls.models)

    def test_models_and_roles_covered(self):
        for model in ("helpdesk.ticket", "res.partner", *LOGS, "cic.audience.request"):
            self.assertIn(model, self.models)
        self.assertGreater(len(self.models), 40)
        for cells in self.matrix.values():
            self.assertEqual(set(cells), set(ROLE_KEYS))
        markdown = to_markdown(self.matrix, compute_samples(self.fx))
        self.assertIn("`helpdesk.ticket`", markdown)

    def test_logs_written_by_nobody(self):
        """Only the code (sudo) writes the audit and CNP logs: no role, not even the
        administrator, has write, create or unlink on them."""
        for model in LOGS:
            for role, cell in self.matrix[model].items():
                self.assertEqual(_writes(cell), "", f"{role} may change {model}")

    def test_auditor_never_writes(self):
        """The auditor changes nothing in the registry. Elsewhere, being an
        employee, he may only touch his own rows (his appraisal, audiences where he
        is the official): never every row. Report wizards are excluded."""
        registry = self._registry_models()
        for model, cells in self.matrix.items():
            if self.env[model]._transient or not model.startswith("cic."):
                if model not in registry:
                    continue
            writes = _writes(cells["auditor"])
            if model in registry:
                self.assertEqual(writes, "", f"auditor writes {model}")
            else:
                self.assertEqual(writes, writes.lower(), f"auditor writes {model}")

    def _registry_models(self):
        data = self.env["ir.model.data"].search(
            [("model", "=", "ir.model"), ("module", "=", "cic_registry")]
        )
        models = self.env["ir.model"].browse(data.mapped("res_id")).mapped("model")
        # Attachments follow the access of the record they belong to (``check``):
        # the sample table checks the auditor's on an entry's attachment.
        return {
            model
            for model in models
            if model in self.matrix and not self.env[model]._transient
        } - {"res.partner", "res.company", "ir.attachment"}

    def test_citizens_never_write_suite_records(self):
        for model, cells in self.matrix.items():
            if not model.startswith("cic.") or self.env[model]._transient:
                continue
            for role in CITIZENS:
                self.assertEqual(_writes(cells[role]), "", f"{role} writes {model}")

    def test_citizen_reads_limited(self):
        """Where citizens may read a suite model at all, rows are limited by a rule
        (own records or published ones), except reference data listed here."""
        reference = {
            "cic.procedure",
            "cic.service.category",
            "cic.audience.room",
            "cic.audience.topic",
            "cic.audience.programme.line",
        }
        for model, cells in self.matrix.items():
            if not model.startswith("cic.") or model in reference:
                continue
            for role in CITIZENS:
                self.assertNotEqual(
                    cells[role][0], "R", f"{role} reads every row of {model}"
                )

    def test_sample_records(self):
        samples = compute_samples(self.fx)
        for label, expected in SAMPLE_POLICY.items():
            for role, cell in expected.items():
                self.assertEqual(samples[label][role], cell, f"{role} on {label}")

    def test_full_cnp_field(self):
        """The CNP is a restricted field: other roles read only cic_cnp_masked."""
        for role, user in self.fx.users.items():
            partner = self.fx.partner_a.with_user(user)
            if role in CNP_READERS:
                # The field is theirs, but a read gives the mask: the full CNP
                # only through the reveal action (tests/test_security_cnp.py).
                self.assertEqual(
                    partner.read(["cic_cnp"])[0]["cic_cnp"], "**********144"
                )
            elif partner.has_access("read"):
                with self.assertRaises(AccessError, msg=role):
                    partner.read(["cic_cnp"])

    def test_logs_refuse_changes_even_in_sudo(self):
        with self.assertRaises(UserError):
            self.fx.cnp_row.sudo().write({"access_type": "export"})
        with self.assertRaises(UserError):
            self.fx.cnp_row.sudo().unlink()
        for role in ("clerk", "admin", "auditor"):
            row = self.fx.audit_row.with_user(self.fx.users[role])
            with self.assertRaises(AccessError, msg=role):
                row.write({"note": "tampered"})
            with self.assertRaises(AccessError, msg=role):
                row.unlink()


@tagged("post_install", "-at_install")
class TestAccessJsonRpc(HttpCase):
    """The same denials through /web/dataset/call_kw, as the web client sends them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.fx = Fixture(cls.env, prefix="rpc")

    def call(self, role, model, method, *args, **kwargs):
        if role == "public":
            self.authenticate(None, None)
        else:
            login = self.fx.users[role].login
            self.authenticate(login, login)
        return self.make_jsonrpc_request(
            "/web/dataset/call_kw",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )

    def assertDenied(self, role, model, method, *args, **kwargs):
        with mute_logger("odoo.http"), self.assertRaises(JsonRpcException, msg=role):
            self.call(role, model, method, *args, **kwargs)

    def test_registry_entry_isolation(self):
        ticket_a = self.fx.ticket_a
        for role in ("public", "portal_b", "staff_2", "hr", "finance"):
            self.assertDenied(role, "helpdesk.ticket", "read", [ticket_a.id], ["name"])
        rows = self.call("portal_b", "helpdesk.ticket", "search_read", [], ["id"])
        self.assertNotIn(ticket_a.id, [row["id"] for row in rows])
        rows = self.call("staff_2", "helpdesk.ticket", "search_read", [], ["id"])
        self.assertNotIn(ticket_a.id, [row["id"] for row in rows])
        self.assertIn(self.fx.ticket_b.id, [row["id"] for row in rows])
        rows = self.call("portal_a", "helpdesk.ticket", "read", [ticket_a.id], ["name"])
        self.assertEqual(rows[0]["name"], ticket_a.name)

    def test_auditor_reads_but_never_writes(self):
        rows = self.call(
            "auditor", "helpdesk.ticket", "read", [self.fx.ticket_a.id], ["name"]
        )
        self.assertEqual(len(rows), 1)
        self.assertDenied(
            "auditor", "helpdesk.ticket", "write", [self.fx.ticket_a.id], {"name": "x"}
        )
        self.assertDenied("auditor", "helpdesk.ticket", "create", {"name": "x"})

    def test_cnp_never_leaks_to_citizens(self):
        partner = self.fx.partner_a
        self.assertDenied("portal_b", "res.partner", "read", [partner.id], ["cic_cnp"])
        self.assertDenied("staff_1", "res.partner", "read", [partner.id], ["cic_cnp"])
        self.assertDenied(
            "portal_b", "res.partner", "search_read", [("cic_cnp", "=", SAMPLE_CNP)]
        )

    def test_logs_not_writable(self):
        row = self.fx.audit_row
        for role in ("clerk", "admin"):
            self.assertDenied(role, "cic.audit.log", "write", [row.id], {"note": "x"})
            self.assertDenied(role, "cic.audit.log", "unlink", [row.id])
            self.assertDenied(
                role,
                "cic.audit.log",
                "create",
                {"event": "forged", "res_model": "x", "user_id": 1, "date": False},
            )
            self.assertDenied(
                role, "cic.cnp.access.log", "unlink", [self.fx.cnp_row.id]
            )
            self.assertDenied(
                role,
                "cic.cnp.access.log",
                "create",
                {"user_id": 1, "access_type": "read"},
            )
