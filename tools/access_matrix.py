"""Print the CIC Suite's access matrix (Markdown) computed from a live database.

Usage (from the repository root, the database must have the four addons installed):

    ~/.cache/cic-suite/venv/bin/python tools/access_matrix.py -d DB [-c ODOO_CONF]
    ~/.cache/cic-suite/venv/bin/python tools/access_matrix.py -d DB --update-readme

It creates one user per role and citizen A's sample records inside a transaction that
is rolled back: the database is left unchanged. A third table tries the abuses of
``tests/security_attempts.py`` as each role (forged approvals, chosen registration
numbers, the full CNP, internal fields) and says which went through.
``--update-readme`` replaces the text between the ``access-matrix`` markers of
README.md. The logic lives in ``tests/security_matrix.py`` and
``tests/security_attempts.py``, shared with ``tests/test_security_access.py`` and
``tests/test_security_attempts.py``.
"""

import argparse
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ODOO_PATH = os.environ.get("ODOO_PATH", "/opt/odoo18")
CIC_HOME = os.environ.get("CIC_HOME", os.path.expanduser("~/.cache/cic-suite"))
START = "<!-- access-matrix:start (tools/access_matrix.py --update-readme) -->"
END = "<!-- access-matrix:end -->"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-d", "--database", required=True)
    conf = f"dev-{os.environ.get('CIC_DEV_PORT', '8269')}.conf"
    parser.add_argument("-c", "--config", default=os.path.join(CIC_HOME, conf))
    parser.add_argument("--update-readme", action="store_true")
    return parser.parse_args()


def build_markdown(database, config_file):
    sys.path[:0] = [ODOO_PATH, os.path.join(ROOT, "tests")]
    import security_attempts  # noqa: PLC0415
    import security_matrix  # noqa: PLC0415

    import odoo  # noqa: PLC0415 (needs ODOO_PATH on sys.path first)
    from odoo.modules.registry import Registry  # noqa: PLC0415

    args = ["-d", database, "--log-level=warn"]
    if os.path.exists(config_file):
        args[:0] = ["-c", config_file]
    else:
        args.append(f"--addons-path={ODOO_PATH}/odoo/addons,{ROOT}/addons")
    odoo.tools.config.parse_config(args)
    registry = Registry(database)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        try:
            fixture = security_matrix.Fixture(env, prefix="matrix")
            matrix = security_matrix.compute_matrix(fixture)
            samples = security_matrix.compute_samples(fixture)
            attempts = security_attempts.compute_attempts(fixture)
            transient = {model: env[model]._transient for model in matrix}
            return "\n".join(
                [
                    security_matrix.to_markdown(matrix, samples, transient),
                    security_attempts.to_markdown(attempts, security_matrix.ROLES),
                ]
            )
        finally:
            cr.rollback()


def update_readme(markdown):
    path = os.path.join(ROOT, "README.md")
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    pattern = re.compile(re.escape(START) + ".*?" + re.escape(END), re.S)
    if not pattern.search(text):
        raise SystemExit(f"README.md has no {START} ... {END} block")
    block = f"{START}\n\n{markdown}\n{END}"
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(pattern.sub(lambda _m: block, text))


def main():
    options = parse_args()
    markdown = build_markdown(options.database, options.config)
    if options.update_readme:
        update_readme(markdown)
    else:
        sys.stdout.write(markdown)


if __name__ == "__main__":
    main()
