"""Access matrix of the CIC Suite, computed from the installed code.

Used by ``tools/access_matrix.py`` (prints the Markdown checked into the README) and by
``tests/test_security_access.py`` (compares the live matrix with the expected policy).

For every model of the suite (``ir.model`` rows that a ``cic_*`` module declares
or extends) and every role, each operation is classified from the ACL
(``has_access`` on the model) and the record rules that apply to that user:

``R``/``W``/``C``/``U`` (read/write/create/unlink) allowed on every row,
lower case: allowed on some rows only (own records, own department, published ...),
``-``: denied.

A second table checks the record rules on sample records (a citizen's registry entry,
his CNP, his audience request, his fee invoice, his attachment) with ``has_access``.
"""

from odoo.exceptions import AccessError
from odoo.osv import expression
from odoo.tools.safe_eval import safe_eval

OPERATIONS = ("read", "write", "create", "unlink")
LETTERS = "RWCU"

# (key, label, groups) in the README's column order. Groups are xml ids, as in
# docs/architecture.md ("Roles"); HR and finance use Odoo's and OCA's own groups.
ROLES = (
    ("public", "public visitor", None),
    ("portal_a", "citizen A (portal)", "base.group_portal"),
    ("portal_b", "citizen B (portal)", "base.group_portal"),
    ("clerk", "CIC clerk", "cic_registry.group_cic_clerk"),
    ("staff_1", "staff, dept. 1", "cic_registry.group_cic_department"),
    ("staff_2", "staff, dept. 2", "cic_registry.group_cic_department"),
    ("head_1", "head, dept. 1", "cic_registry.group_cic_department_head"),
    ("secretary", "secretary / mayor", "cic_registry.group_cic_secretary"),
    (
        "hr",
        "HR",
        "hr.group_hr_user,hr_appraisal_oca.group_appraisal_hr_officer",
    ),
    ("finance", "finance", "account.group_account_manager"),
    ("auditor", "auditor", "cic_registry.group_cic_auditor"),
    ("admin", "administrator", "cic_registry.group_cic_manager"),
)
ROLE_KEYS = tuple(key for key, _label, _groups in ROLES)

# A valid CNP (check digit correct) used for citizen A's contact.
SAMPLE_CNP = "1800101221144"


class Fixture:
    """Users of every role, two departments and citizen A's records.

    Created in the caller's transaction: tests roll it back, the tool never commits.
    """

    def __init__(self, env, prefix="sec"):
        env = env(
            context=dict(
                env.context,
                tracking_disable=True,
                mail_create_nolog=True,
                mail_create_nosubscribe=True,
                mail_notrack=True,
                no_reset_password=True,
            )
        )
        self.env = env
        self.users = {"public": env.ref("base.public_user")}
        for key, label, groups in ROLES:
            if groups:
                self.users[key] = self._new_user(env, f"{prefix}_{key}", label, groups)
        Team = env["helpdesk.ticket.team"]
        self.team_1 = Team.create(
            {
                "name": f"{prefix} department 1",
                "cic_head_id": self.users["head_1"].id,
                "user_ids": [
                    (6, 0, (self.users["staff_1"] | self.users["head_1"]).ids)
                ],
            }
        )
        self.team_2 = Team.create(
            {
                "name": f"{prefix} department 2",
                "user_ids": [(6, 0, self.users["staff_2"].ids)],
            }
        )
        self.partner_a = self.users["portal_a"].partner_id
        self.partner_a.sudo().write({"cic_cnp": SAMPLE_CNP})
        self.partner_b = self.users["portal_b"].partner_id
        procedure = env.ref("cic_registry.procedure_petition")
        Ticket = env["helpdesk.ticket"].sudo()
        self.ticket_a = Ticket.create(
            {
                "name": f"{prefix} petition of citizen A",
                "description": "<p>A</p>",
                "partner_id": self.partner_a.id,
                "team_id": self.team_1.id,
                "cic_procedure_id": procedure.id,
            }
        )
        self.ticket_b = Ticket.create(
            {
                "name": f"{prefix} petition of citizen B",
                "description": "<p>B</p>",
                "partner_id": self.partner_b.id,
                "team_id": self.team_2.id,
                "cic_procedure_id": procedure.id,
            }
        )
        self.attachment_a = (
            env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": "a.txt",
                    "raw": b"citizen A's document",
                    "res_model": "helpdesk.ticket",
                    "res_id": self.ticket_a.id,
                }
            )
        )
        self.audit_row = env["cic.audit.log"].log(self.ticket_a, "security test")
        self.cnp_row = (
            env["cic.cnp.access.log"]
            .with_user(self.users["clerk"])
            .sudo()
            ._log_access(self.partner_a, "read")
        )

    @staticmethod
    def _new_user(env, login, label, groups):
        """A user of the role (password = login), like odoo.tests.new_test_user,
        which the command-line tool cannot import outside test mode."""
        group_ids = [env.ref(xmlid.strip()).id for xmlid in groups.split(",")]
        return (
            env["res.users"]
            .with_context(no_reset_password=True)
            .create(
                {
                    "login": login,
                    "password": login,
                    "name": f"Sec {label}",
                    "email": f"{login}@example.com",
                    "groups_id": [(6, 0, group_ids)],
                }
            )
        )

    def samples(self):
        """(label, record) checked row by row in the second table."""
        return (
            ("registry entry of citizen A, dept. 1", self.ticket_a),
            ("registry entry of citizen B, dept. 2", self.ticket_b),
            ("contact of citizen A (with CNP)", self.partner_a),
            ("attachment of A's entry", self.attachment_a),
            ("audit log row", self.audit_row),
            ("CNP access log row", self.cnp_row),
        )


def suite_models(env):
    """Non-abstract models that a cic_* module declares or extends."""
    data = (
        env["ir.model.data"]
        .sudo()
        .search([("model", "=", "ir.model"), ("module", "=like", "cic\\_%")])
    )
    names = set(env["ir.model"].sudo().browse(data.mapped("res_id")).mapped("model"))
    return sorted(
        name
        for name in names
        if name in env and not env[name]._abstract and env[name]._auto
    )


def _restricted(env, model, operation):
    """True when the user's record rules limit ``operation`` to some rows.

    Multi-company rules are not a restriction within one town hall.
    """
    rules = env["ir.rule"]._get_rules(model, mode=operation)
    if not rules:
        return False
    eval_context = env["ir.rule"]._eval_context()
    user_groups = env.user.groups_id
    group_domains = []
    for rule in rules.sudo():
        domain = expression.normalize_domain(
            safe_eval(rule.domain_force, eval_context) if rule.domain_force else []
        )
        if not rule.groups:
            if "company" not in (rule.domain_force or ""):
                return True
        elif rule.groups & user_groups:
            group_domains.append(domain)
    if not group_domains:
        return False
    return not any(domain == expression.TRUE_DOMAIN for domain in group_domains)


def access_cell(env, model):
    """``RWCU`` string for the user of ``env`` on ``model``."""
    Model = env[model]
    cell = ""
    for letter, operation in zip(LETTERS, OPERATIONS, strict=True):
        if not Model.has_access(operation):
            cell += "-"
        elif _restricted(env, model, operation):
            cell += letter.lower()
        else:
            cell += letter
    return cell


def compute_matrix(fixture, models=None):
    """{model: {role: cell}} for every suite model and role."""
    models = models or suite_models(fixture.env)
    matrix = {}
    for model in models:
        matrix[model] = {
            role: access_cell(fixture.env(user=user, su=False), model)
            for role, user in fixture.users.items()
        }
    return matrix


def _allowed(record, operation):
    if record._name != "ir.attachment":
        return record.has_access(operation)
    # Attachments follow the access of the record they belong to (``check``).
    try:
        record.check(operation)
    except AccessError:
        return False
    return True


def sample_cell(record, user):
    """Record-rule outcome on one record: ``RW``, ``R-`` or ``--``."""
    record = record.with_user(user).sudo(False)
    return ("R" if _allowed(record, "read") else "-") + (
        "W" if _allowed(record, "write") else "-"
    )


def compute_samples(fixture):
    return {
        label: {role: sample_cell(record, user) for role, user in fixture.users.items()}
        for label, record in fixture.samples()
    }


def _table(header, rows):
    lines = [
        "| " + " | ".join(header) + " |",
        "|" + "|".join("---" for _h in header) + "|",
    ]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def to_markdown(matrix, samples, transient=None):
    transient = transient or {}
    header = ["model"] + [label for _key, label, _groups in ROLES]
    model_rows = [
        [f"`{model}`" + (" (wizard)" if transient.get(model) else "")]
        + [f"`{cells[key]}`" for key in ROLE_KEYS]
        for model, cells in sorted(matrix.items())
    ]
    sample_rows = [
        [label] + [f"`{cells[key]}`" for key in ROLE_KEYS]
        for label, cells in samples.items()
    ]
    return "\n".join(
        [
            "Model access (ACL and record rules): `R`/`W`/`C`/`U` = read/write/"
            "create/unlink on every row, lower case = only on some rows (own records, "
            "own department, published, ...), `-` = denied.",
            "",
            _table(header, model_rows),
            "",
            "Record rules on sample records (`R` read, `W` write, `-` denied):",
            "",
            _table(["record"] + header[1:], sample_rows),
            "",
        ]
    )
