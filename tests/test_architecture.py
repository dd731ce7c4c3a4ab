"""Architecture rules of the addons (issue 18): each rule in one place.

(a) No ``.py`` file under ``addons/`` is longer than 800 lines: a file that grows
    past it holds more than one concern and is split by concern (the ticket's
    behaviour is one file per concern, see docs/architecture.md).
(b) No method of a model is defined in two classes of the same addon that extend
    that model. Odoo chains such definitions in the order the addon imports its
    files, so the behaviour would depend on the import order: each method has one
    definition per addon, which calls a named hook of each concern instead.

Read with ``ast`` only: no Odoo, no database.
"""

import ast
import glob
import os
from collections import defaultdict

ROOT = os.environ.get("CIC_ROOT") or os.path.dirname(os.path.dirname(__file__))
MAX_LINES = 800
# (addon, model, method) defined in more than one class on purpose, with the
# reason. Keep it empty: a second definition is a hook of the first one instead.
ALLOWED_DUPLICATES = {}


def _addon_files(addon, tests=False):
    for path in sorted(glob.glob(os.path.join(addon, "**", "*.py"), recursive=True)):
        parts = os.path.relpath(path, addon).split(os.sep)
        if not tests and parts[0] in ("tests", "migrations"):
            continue
        yield path


def _const(node):
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _model_of(cls):
    """The model a class defines or extends: ``_name``, else the (first)
    ``_inherit``; None for a class that is not a model."""
    attrs = {}
    for stmt in cls.body:
        if (
            isinstance(stmt, ast.Assign)
            and len(stmt.targets) == 1
            and isinstance(stmt.targets[0], ast.Name)
            and stmt.targets[0].id in ("_name", "_inherit")
        ):
            attrs[stmt.targets[0].id] = stmt.value
    if "_name" in attrs:
        return _const(attrs["_name"])
    inherit = attrs.get("_inherit")
    if isinstance(inherit, ast.List | ast.Tuple) and inherit.elts:
        return _const(inherit.elts[0])
    return _const(inherit) if inherit is not None else None


def _method_definitions(addon):
    """{(model, method): [file:line, ...]} over the addon's model classes."""
    found = defaultdict(list)
    for path in _addon_files(addon):
        with open(path, encoding="utf-8") as handle:
            tree = ast.parse(handle.read(), path)
        for cls in ast.walk(tree):
            if not isinstance(cls, ast.ClassDef):
                continue
            model = _model_of(cls)
            if not model:
                continue
            for stmt in cls.body:
                if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef):
                    where = f"{os.path.relpath(path, ROOT)}:{stmt.lineno}"
                    found[(model, stmt.name)].append(where)
    return found


def _addons():
    return sorted(glob.glob(os.path.join(ROOT, "addons", "*", "__manifest__.py")))


def test_no_python_file_over_800_lines():
    long_files = []
    for manifest in _addons():
        for path in _addon_files(os.path.dirname(manifest), tests=True):
            with open(path, encoding="utf-8") as handle:
                lines = sum(1 for _line in handle)
            if lines > MAX_LINES:
                long_files.append(f"{os.path.relpath(path, ROOT)} ({lines} lines)")
    assert not long_files, f"split these files by concern: {long_files}"


def test_each_method_of_a_model_defined_once_per_addon():
    duplicates = []
    for manifest in _addons():
        addon = os.path.dirname(manifest)
        name = os.path.basename(addon)
        for (model, method), places in _method_definitions(addon).items():
            if len(places) > 1 and (name, model, method) not in ALLOWED_DUPLICATES:
                duplicates.append(f"{name}: {model}.{method} in {', '.join(places)}")
    assert not duplicates, (
        "methods defined twice in one addon (one definition calling named hooks "
        f"instead): {duplicates}"
    )


def test_the_rules_see_the_ticket():
    """The checks read the addons (guard against an empty glob): helpdesk.ticket's
    create() is found exactly once in cic_registry."""
    registry = os.path.join(ROOT, "addons", "cic_registry")
    definitions = _method_definitions(registry)
    assert len(definitions[("helpdesk.ticket", "create")]) == 1
    assert len(definitions[("helpdesk.ticket", "_compute_display_name")]) == 1


# Documents of the project brief that do not travel with the repository: code and
# tests cite the requirement ids of docs/requirements.md instead.
OUTSIDE_DOCS = ("legal-domain", "design-notes", "feature-anchors", "odoo-style")


def test_code_points_only_inside_the_repository():
    outside = []
    for manifest in _addons():
        for path in _addon_files(os.path.dirname(manifest), tests=True):
            with open(path, encoding="utf-8") as handle:
                for number, line in enumerate(handle, 1):
                    if any(doc in line for doc in OUTSIDE_DOCS):
                        outside.append(f"{os.path.relpath(path, ROOT)}:{number}")
    assert not outside, (
        "cite docs/requirements.md or docs/architecture.md instead of the brief's "
        f"documents: {outside}"
    )
