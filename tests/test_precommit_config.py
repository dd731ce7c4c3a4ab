"""The pre-commit hooks (.pre-commit-config.yaml, OCA style) run the linters at the
versions the project pins (requirements/project.txt) with the rc file bin/test uses.
CI does not run pre-commit; this keeps a developer's hooks and CI in step."""

import os
import re

import yaml

ROOT = os.environ.get("CIC_ROOT") or os.path.dirname(os.path.dirname(__file__))


def _pins():
    with open(os.path.join(ROOT, "requirements", "project.txt"), encoding="utf-8") as f:
        return dict(re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)", f.read(), re.M))


def _repos():
    with open(os.path.join(ROOT, ".pre-commit-config.yaml"), encoding="utf-8") as f:
        config = yaml.safe_load(f)
    return {repo["repo"]: repo for repo in config["repos"]}


def test_hooks_use_the_pinned_linters():
    pins, repos = _pins(), _repos()
    ruff = repos["https://github.com/astral-sh/ruff-pre-commit"]
    assert ruff["rev"] == f"v{pins['ruff']}"
    assert {hook["id"] for hook in ruff["hooks"]} == {"ruff", "ruff-format"}
    pylint = repos["https://github.com/OCA/pylint-odoo"]
    assert pylint["rev"] == f"v{pins['pylint-odoo']}"
    (hook,) = pylint["hooks"]
    assert hook["args"] == ["--rcfile=.pylintrc-mandatory"]
    assert os.path.exists(os.path.join(ROOT, ".pylintrc-mandatory"))


def test_prettier_is_optional_and_configured():
    local = _repos()["local"]
    prettier = next(hook for hook in local["hooks"] if hook["id"] == "prettier")
    assert prettier["stages"] == ["manual"]
    assert os.path.exists(os.path.join(ROOT, "prettier.config.cjs"))
