"""What each role can and cannot do: abuse attempts, tried as each role.

Used by ``tools/access_matrix.py`` (the README's third table) and by
``tests/test_security_access.py`` (the policy: no role may do any of these, except
where ``ALLOWED`` says so). Each attempt runs as the role's user through the ORM (the
JSON-RPC versions live in the ``test_security_*`` files), inside a savepoint that is
rolled back, and answers whether the abuse *worked*: the write or read went through
and the database or the answer shows it.
"""

from security_matrix import SAMPLE_CNP

from odoo.exceptions import AccessError, MissingError, UserError, ValidationError

REFUSALS = (AccessError, MissingError, UserError, ValidationError)


class _Undo(Exception):
    """Raised inside the savepoint to roll an attempt back whatever it did."""


def _ticket(env, fixture):
    return env["helpdesk.ticket"].browse(fixture.ticket_a.id)


def forge_approval(env, fixture):
    ticket = _ticket(env, fixture).with_context(cic_workflow_write=True)
    ticket.write({"cic_head_approval_id": env.user.id})
    return ticket.sudo().cic_head_approval_id == env.user


def clear_approval(env, fixture):
    fixture.ticket_a.sudo().with_context(cic_workflow_write=True).write(
        {"cic_department_approval_id": fixture.users["head_1"].id}
    )
    _ticket(env, fixture).write({"cic_department_approval_id": False})
    return not fixture.ticket_a.sudo().cic_department_approval_id


def close_directly(env, fixture):
    field = env["helpdesk.ticket"]._fields["cic_closure_reason"]
    value = field.get_values(env)[0]
    _ticket(env, fixture).write({"cic_closure_reason": value})
    return fixture.ticket_a.sudo().cic_closure_reason == value


def choose_number(env, fixture):
    ticket = env["helpdesk.ticket"].create(
        {
            "name": "forged number",
            "description": "<p>forged</p>",
            "partner_id": fixture.partner_a.id,
            "team_id": fixture.team_1.id,
            "cic_procedure_id": fixture.ticket_a.sudo().cic_procedure_id.id,
            "cic_registration_number": "99999/forged",
        }
    )
    return ticket.sudo().cic_registration_number == "99999/forged"


def change_number(env, fixture):
    _ticket(env, fixture).write({"cic_registration_number": "99999/forged"})
    return fixture.ticket_a.sudo().cic_registration_number == "99999/forged"


def read_cnp(env, fixture):
    partner = env["res.partner"].browse(fixture.partner_a.id)
    return partner.read(["cic_cnp"])[0].get("cic_cnp") == SAMPLE_CNP


def export_cnp(env, fixture):
    partner = env["res.partner"].browse(fixture.partner_a.id)
    rows = partner.export_data(["cic_cnp"]).get("datas", [])
    return any(SAMPLE_CNP in str(cell) for row in rows for cell in row)


def read_draft_answer(env, fixture):
    fixture.ticket_a.sudo().cic_answer_body = "<p>internal draft</p>"
    body = _ticket(env, fixture).read(["cic_answer_body"])[0].get("cic_answer_body")
    return "internal draft" in str(body or "")


# (key, label, attempt) in the README's row order.
ATTEMPTS = (
    (
        "forge_approval",
        "set the head's approval by sending the context key `cic_workflow_write`",
        forge_approval,
    ),
    ("clear_approval", "clear a recorded approval", clear_approval),
    ("close_directly", "write a closure reason without the action", close_directly),
    ("choose_number", "create an entry with a number of his choosing", choose_number),
    ("change_number", "change an entry's registration number", change_number),
    ("read_cnp", "read citizen A's full CNP (`read`)", read_cnp),
    ("export_cnp", "export citizen A's full CNP", export_cnp),
    ("read_draft_answer", "read the draft answer of an entry", read_draft_answer),
)

# What some roles may legitimately do; every other cell must be "no".
ALLOWED = {
    "read_draft_answer": {
        "clerk",
        "staff_1",
        "head_1",
        "secretary",
        "auditor",
        "admin",
    },
}


def try_attempt(fixture, user, attempt):
    """True when ``attempt`` worked for ``user``; the database is left unchanged."""
    env = fixture.env(user=user, su=False)
    try:
        with fixture.env.cr.savepoint():
            worked = attempt(env, fixture)
            env.flush_all()
            raise _Undo(worked)
    except _Undo as undo:
        return bool(undo.args[0])
    except REFUSALS:
        return False
    finally:
        fixture.env.invalidate_all()


def compute_attempts(fixture):
    """{key: {role: bool}} for every attempt and role."""
    return {
        key: {
            role: try_attempt(fixture, user, attempt)
            for role, user in fixture.users.items()
        }
        for key, _label, attempt in ATTEMPTS
    }


def to_markdown(attempts, roles):
    """The third table: ``yes`` where the role can do it, ``no`` where it is refused."""
    header = ["attempt"] + [label for _key, label, _groups in roles]
    lines = [
        "What each role can do outside the workflow actions (`no` = refused, "
        "nothing changed; tried through the ORM as that user, and over JSON-RPC in "
        "`tests/test_security_*.py`):",
        "",
        "| " + " | ".join(header) + " |",
        "|" + "|".join("---" for _h in header) + "|",
    ]
    for key, label, _attempt in ATTEMPTS:
        cells = ["yes" if attempts[key][role] else "no" for role, _l, _g in roles]
        lines.append("| " + " | ".join([label] + cells) + " |")
    return "\n".join(lines + [""])
