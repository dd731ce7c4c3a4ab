"""The test tree itself: pytest collects test modules only (issue 18 point 8).

pytest collects every ``test_*.py`` file it is given; a helper (fixtures, base
classes, RPC and PDF helpers) named like a test module is imported and collected as
one. Helpers have other names (``common.py``, ``report_common.py``, ``rpc.py`` ...),
and every ``test_*.py`` holds at least one test. Tests about the demo content are
marked ``demo`` and live in one module (see tests/conftest.py).
"""

import ast
import glob
import os
import re

ROOT = os.environ.get("CIC_ROOT") or os.path.dirname(os.path.dirname(__file__))
DEMO_MODULE = os.path.join("tests", "test_demo_data.py")


def _test_files():
    patterns = ("addons/cic_*/tests/**/*.py", "tests/**/*.py")
    for pattern in patterns:
        for path in glob.glob(os.path.join(ROOT, pattern), recursive=True):
            yield os.path.relpath(path, ROOT)


def _tests_in(path):
    with open(os.path.join(ROOT, path), encoding="utf-8") as handle:
        tree = ast.parse(handle.read(), path)
    return [
        node.name
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.name.startswith("test")
    ]


def test_every_test_module_holds_tests():
    files = [p for p in _test_files() if os.path.basename(p).startswith("test_")]
    assert len(files) > 100
    helpers = sorted(p for p in files if not _tests_in(p))
    assert not helpers, f"helper modules named like test modules: {helpers}"


def test_helper_modules_are_not_collected(pytestconfig):
    """pytest's own collection rule (python_files) matches no helper module."""
    patterns = pytestconfig.getini("python_files")
    from fnmatch import fnmatch

    collected = [
        p
        for p in _test_files()
        if any(fnmatch(os.path.basename(p), pattern) for pattern in patterns)
    ]
    helpers = sorted(p for p in collected if not _tests_in(p))
    assert not helpers, f"pytest would collect these helpers as tests: {helpers}"


def _xmlids(addon, key):
    """The xml ids an addon's manifest files of ``key`` (data, demo) define."""
    with open(os.path.join(ROOT, addon, "__manifest__.py"), encoding="utf-8") as handle:
        manifest = ast.literal_eval(handle.read())
    module = os.path.basename(addon)
    found = set()
    for name in manifest.get(key, []):
        if not name.endswith(".xml"):
            continue
        with open(os.path.join(ROOT, addon, name), encoding="utf-8") as handle:
            for xmlid in re.findall(
                r'<(?:record|menuitem|template)\b[^>]*\bid="([^"]+)"', handle.read()
            ):
                found.add(xmlid if "." in xmlid else f"{module}.{xmlid}")
    return found


def test_demo_records_are_read_by_the_demo_module_only():
    """A test outside tests/test_demo_data.py never reads a record that only the
    demo data creates: it makes its own, so that it passes on a database without
    demo data (bin/test runs both)."""
    addons = glob.glob(os.path.join(ROOT, "addons", "cic_*"))
    data = set().union(*(_xmlids(addon, "data") for addon in addons))
    demo = set().union(*(_xmlids(addon, "demo") for addon in addons)) - data
    demo = {xmlid for xmlid in demo if xmlid.startswith("cic_")}
    assert len(demo) > 100, "the demo data was not found"
    readers = {}
    for path in _test_files():
        if path == DEMO_MODULE:
            continue
        with open(os.path.join(ROOT, path), encoding="utf-8") as handle:
            text = handle.read()
        used = sorted(x for x in demo if re.search(rf"[\"']{re.escape(x)}[\"']", text))
        if used:
            readers[path] = used
    assert not readers, f"tests reading demo records outside {DEMO_MODULE}: {readers}"
    with open(os.path.join(ROOT, DEMO_MODULE), encoding="utf-8") as handle:
        assert "pytestmark = pytest.mark.demo" in handle.read()
