"""Secrets and settings: the production configuration, where passwords may appear,
and the database manager closed when ``list_db`` is off."""

import configparser
import json
import os
import re
import subprocess
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


# -- Deployment (issue 14, point 13): docker-compose.yml, Dockerfile, docker/ --------


def _yaml_scalar(text):
    text = text.strip()
    if text.startswith("["):
        return json.loads(text)  # flow lists of double-quoted strings only
    if text[:1] in "\"'" and text[-1:] == text[:1]:
        return text[1:-1]
    return text


def _yaml_lines(text):
    """(indent, content) of each meaningful line, comments removed."""
    lines = []
    for raw in text.splitlines():
        content = re.sub(r"\s+#\s.*$", "", raw) if '"' not in raw else raw
        if content.strip() and not content.strip().startswith("#"):
            lines.append((len(content) - len(content.lstrip()), content.strip()))
    return lines


def _yaml_block(lines, i, indent, anchors=None):
    """A block mapping or list; ``key: &name`` anchors a block and ``<<: *name``
    merges it (the cluster profile's second node repeats the first one)."""
    anchors = {} if anchors is None else anchors
    if lines[i][1].startswith("- "):
        items = []
        while i < len(lines) and lines[i][0] == indent and lines[i][1][:2] == "- ":
            items.append(_yaml_scalar(lines[i][1][2:]))
            i += 1
        return items, i
    mapping = {}
    while i < len(lines) and lines[i][0] == indent:
        key, _colon, rest = lines[i][1].partition(":")
        key, rest = key.strip(), rest.strip()
        i += 1
        if key == "<<" and rest.startswith("*"):
            mapping = {**anchors[rest[1:]], **mapping}
        elif rest and not rest.startswith("&"):
            mapping[key] = _yaml_scalar(rest)
        elif i < len(lines) and lines[i][0] > indent:
            mapping[key], i = _yaml_block(lines, i, lines[i][0], anchors)
            if rest.startswith("&"):
                anchors[rest[1:]] = mapping[key]
        else:
            mapping[key] = None
    assert i == len(lines) or lines[i][0] < indent, f"unsupported YAML: {lines[i]}"
    return mapping, i


def compose_file():
    """docker-compose.yml parsed (the block-style subset it is written in; the venv
    has no YAML library, and ``docker-compose config`` checks the full syntax)."""
    with open(os.path.join(ROOT, "docker-compose.yml"), encoding="utf-8") as handle:
        lines = _yaml_lines(handle.read())
    return _yaml_block(lines, 0, 0)[0]


def dockerfile_instructions():
    """(stage, instruction, arguments) of the Dockerfile, continuation lines joined."""
    with open(os.path.join(ROOT, "Dockerfile"), encoding="utf-8") as handle:
        text = re.sub(r"\\\n", " ", handle.read())
    stage, result = None, []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        instruction, _space, args = line.partition(" ")
        if instruction.upper() == "FROM":
            stage = args.split()[-1] if " AS " in args.upper() else args
        result.append((stage, instruction.upper(), args.strip()))
    return result


def test_compose_publishes_odoo_on_loopback_only():
    """Only the proxy on the host reaches Odoo: nothing is published on every
    interface."""
    services = compose_file()["services"]
    assert services["odoo"].get("ports"), "Odoo is published to the host's proxy"
    for name, service in services.items():
        for port in service.get("ports") or []:
            assert str(port).startswith("127.0.0.1:"), f"{name} publishes {port}"


def test_master_password_comes_from_a_secret():
    """admin_passwd: a docker secret read from a file outside the repository, handed
    to Odoo by the image's entry point; never in config/odoo.conf nor in the repo."""
    compose = compose_file()
    odoo = compose["services"]["odoo"]
    path = re.sub(
        r"^\$\{\w+:-(.*)\}$", r"\1", odoo["environment"]["ODOO_MASTER_PASSWORD_FILE"]
    )
    name = path.removeprefix("/run/secrets/")
    assert path.startswith("/run/secrets/") and name in odoo["secrets"]
    source = compose["secrets"][name]["file"]
    assert source.startswith("${"), "the secret's file is named by the environment"
    assert "admin_passwd" not in production_options()
    entrypoints = [
        args for _stage, instruction, args in dockerfile_instructions()
        if instruction == "ENTRYPOINT"
    ]  # fmt: skip
    assert entrypoints and "cic-entrypoint" in entrypoints[0]


def _run_entrypoint(tmp_path, secret_text):
    base = tmp_path / "odoo.conf"
    base.write_text(open(os.path.join(ROOT, "config", "odoo.conf")).read())
    secret = tmp_path / "secret"
    secret.write_text(secret_text)
    official = tmp_path / "official-entrypoint.sh"
    official.write_text(
        '#!/bin/sh\nstat -c %a "$ODOO_RC"\ncat "$ODOO_RC"\necho "args: $*"\n'
    )
    official.chmod(0o755)
    return subprocess.run(
        ["bash", os.path.join(ROOT, "docker", "odoo-entrypoint.sh"), "odoo", "-d", "x"],
        capture_output=True,
        text=True,
        timeout=30,
        env=dict(
            PATH=os.environ["PATH"],
            TMPDIR=str(tmp_path),
            ODOO_RC=str(base),
            ODOO_MASTER_PASSWORD_FILE=str(secret),
            CIC_OFFICIAL_ENTRYPOINT=str(official),
        ),
    )


def test_entrypoint_gives_odoo_the_master_password(tmp_path):
    result = _run_entrypoint(tmp_path, "Tr3cut-pe-la-ghi$eu\n")
    assert result.returncode == 0, result.stderr
    mode, *conf = result.stdout.splitlines()
    assert mode == "600", "the generated configuration is readable by its owner only"
    parser = configparser.RawConfigParser()
    parser.read_string("\n".join(conf[:-1]))
    assert parser["options"]["admin_passwd"] == "Tr3cut-pe-la-ghi$eu"
    assert parser["options"]["list_db"] == "False", "the rest of odoo.conf is kept"
    assert conf[-1] == "args: odoo -d x"
    assert "Tr3cut" not in result.stderr


def test_entrypoint_refuses_to_start_without_master_password(tmp_path):
    result = _run_entrypoint(tmp_path, "")
    assert result.returncode != 0
    assert "args:" not in result.stdout, "Odoo was not started"
    assert result.stderr.count("\n") == 1 and "master password" in result.stderr


def test_odoo_connects_with_a_role_that_is_not_superuser():
    """POSTGRES_USER is the superuser that initialises the cluster; Odoo and the test
    service log in as the role the init script creates with CREATEDB only."""
    services = compose_file()["services"]
    db, odoo, test = services["db"], services["odoo"], services["test"]
    role = production_options()["db_user"]
    assert db["environment"]["POSTGRES_USER"] != role
    assert db["environment"]["ODOO_DB_USER"] == role
    assert odoo["environment"]["USER"] == role and test["environment"]["PGUSER"] == role
    assert odoo["environment"]["PASSWORD"] == db["environment"]["ODOO_DB_PASSWORD"]
    mounts = dict(volume.split(":")[1::-1] for volume in db["volumes"])
    folder = os.path.join(ROOT, mounts["/docker-entrypoint-initdb.d"])
    sql_text = " ".join(
        open(os.path.join(folder, name), encoding="utf-8").read()
        for name in sorted(os.listdir(folder))
    )
    create = re.search(r"CREATE ROLE [^;]*;", sql_text, re.S)
    assert create, "the init script creates Odoo's role"
    words = create.group(0).split()
    assert {"LOGIN", "CREATEDB", "NOSUPERUSER", "NOCREATEROLE"} <= set(words)
    assert "SUPERUSER" not in words and "POSTGRES_USER" not in create.group(0)


def _pinned(requirement_file):
    with open(os.path.join(ROOT, requirement_file), encoding="utf-8") as handle:
        lines = [line.split("#")[0].strip() for line in handle]
    return {line.split("==")[0].lower(): line for line in lines if line}


def _check_pip_install(command):
    tokens = command.split()
    constraints, packages, position = {}, [], tokens.index("install") + 1
    while position < len(tokens):
        token = tokens[position]
        if token in ("-r", "-c"):
            path = tokens[position + 1].replace("/opt/cic/", "")
            pinned = _pinned(path)
            assert all("==" in line for line in pinned.values()), path
            if token == "-c":
                constraints.update(pinned)
            position += 2
            continue
        if not token.startswith("-"):
            packages.append(token)
        position += 1
    for package in packages:
        assert "==" in package or package.lower() in constraints, package


def test_dockerfile_installs_pinned_packages():
    """Base images by tag and digest; pip packages by version; Debian packages from
    a dated snapshot of the archive (apt's ``--snapshot``), in every stage."""
    digest = r"[\w./-]+:[\w.-]+@sha256:[0-9a-f]{64}"
    stages = set()
    for stage, instruction, args in dockerfile_instructions():
        if instruction == "FROM":
            image = args.split()[0]
            assert image in stages or re.fullmatch(digest, image), image
            stages.add(stage)
        for command in args.split("&&") if instruction == "RUN" else ():
            if re.search(r"\bpip3? install\b", command):
                _check_pip_install(command)
            if re.search(r"\bapt-get (update|install)\b", command):
                assert "--snapshot" in command, command
    for service in compose_file()["services"].values():
        if "image" in service:
            assert re.fullmatch(digest, service["image"]), service["image"]
