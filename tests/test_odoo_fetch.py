"""tools/odoo_fetch.py: bin/run and bin/test fetch the pinned Odoo 18.0 source into an
ODOO_PATH that holds no Odoo, and leave ODOO_PATH as it was when anything goes wrong.

The archives are built here with the layout of Odoo's own (a top folder holding
odoo-bin and odoo/, a small fake tree) and served from 127.0.0.1; the script runs with
the system's python3, as on a fresh machine before the venv exists.
"""

import hashlib
import http.server
import io
import os
import shutil
import signal
import socket
import subprocess
import sys
import tarfile
import threading
import time

import pytest

ROOT = os.environ.get("CIC_ROOT") or os.path.dirname(os.path.dirname(__file__))
SCRIPT = os.path.join(ROOT, "tools", "odoo_fetch.py")
PYTHON = shutil.which("python3") or sys.executable
sys.path.insert(0, os.path.join(ROOT, "tools"))
import odoo_fetch  # noqa: E402 - the script under test, from tools/


def fake_tree(top, version="(18, 0, 0, FINAL, 0, '')", skip=(), git_layout=False):
    """{path in the archive: content} of a small Odoo-like tree under ``top``."""
    files = {}
    for name in odoo_fetch.required_files():
        if name in skip:
            continue
        if git_layout and name.startswith("odoo/addons/") and "/base/" not in name:
            name = name.removeprefix("odoo/")  # addons/<module>/ in a git checkout
        if git_layout and name == "odoo-bin":
            name = "setup/odoo"
        files[f"{top}/{name}"] = "{'name': 'x'}\n"
    files[f"{top}/odoo/release.py"] = f"version_info = {version}\n"
    files[f"{top}/setup.py"] = "# the sdist's setup script\n"
    return files


def build_archive(files):
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, text in files.items():
            data = text if isinstance(text, bytes) else text.encode()
            info = tarfile.TarInfo(name)
            info.size, info.mode = len(data), 0o755 if name.endswith("bin") else 0o644
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


TOP = "odoo-18.0.post20250702"
NIGHTLY = build_archive(fake_tree(TOP))
# Big enough (incompressible) to be caught in the middle of its download.
LARGE = build_archive({**fake_tree(TOP), f"{TOP}/x": os.urandom(2**21)})


class ArchiveServer(http.server.BaseHTTPRequestHandler):
    """Serves ``body``; announces ``length`` bytes (more than it sends: a download
    cut in the middle)."""

    body, length, stall = b"", None, 0

    def do_GET(self):  # noqa: N802 - http.server's name
        self.send_response(200)
        self.send_header("Content-Type", "application/gzip")
        self.send_header("Content-Length", str(self.length or len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)
        self.wfile.flush()
        time.sleep(self.stall)  # the rest never comes: the client gets killed
        self.close_connection = True

    def log_message(self, *args):
        pass


@pytest.fixture()
def serve():
    servers = []

    def start(body, length=None, stall=0):
        attributes = {"body": body, "length": length, "stall": stall}
        handler = type("Handler", (ArchiveServer,), attributes)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/odoo_18.0.20250702.tar.gz"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def fetch(dest, url=None, **env):
    full_env = dict(os.environ, **env)
    full_env.pop("CIC_ODOO_FETCH", None)
    if url:
        full_env["CIC_ODOO_URL"] = url
    full_env.update(env)
    return subprocess.run(
        [PYTHON, SCRIPT, str(dest)],
        capture_output=True,
        text=True,
        timeout=120,
        env=full_env,
    )


def snapshot(folder):
    """Everything under ``folder`` (names and contents), to prove nothing changed."""
    if not os.path.exists(folder):
        return None
    result = {}
    for path, _dirs, files in os.walk(folder):
        result[path] = sorted(_dirs)
        for name in files:
            with open(os.path.join(path, name), "rb") as handle:
                result[os.path.join(path, name)] = handle.read()
    return result


def assert_refused(result, dest, before, expected):
    errors = [line for line in result.stderr.splitlines() if "error" in line.lower()]
    assert result.returncode == 2, result.stderr
    assert len(errors) == 1, result.stderr
    assert errors[0].startswith(
        f"cic: error: Odoo 18 source not found at ODOO_PATH={dest}"
    )
    assert expected in errors[0], errors[0]
    assert "Traceback" not in result.stderr
    assert snapshot(dest) == before, "ODOO_PATH was left as it was"
    leftovers = [n for n in os.listdir(dest.parent) if n.startswith(".odoo-fetch-")]
    assert not leftovers, "nothing half-unpacked is left next to ODOO_PATH"


def test_fetches_unpacks_and_moves_into_place(tmp_path, serve):
    url = serve(NIGHTLY)
    dest = tmp_path / "opt" / "odoo18"  # its parent does not exist yet
    result = fetch(dest, url, CIC_ODOO_SHA256=hashlib.sha256(NIGHTLY).hexdigest())
    assert result.returncode == 0, result.stderr
    assert (dest / "odoo-bin").is_file() and (dest / "odoo" / "release.py").is_file()
    assert (dest / "odoo" / "addons" / "website" / "__manifest__.py").is_file()
    assert "100 %" in result.stderr, "a progress indicator"
    assert sorted(os.listdir(dest.parent)) == ["odoo18"], "no temporary folder left"
    again = fetch(dest, "http://127.0.0.1:9/never-asked")
    assert again.returncode == 0 and "downloading" not in again.stderr


def test_fills_an_empty_folder_and_accepts_a_git_layout(tmp_path, serve):
    """GitHub's archive of a commit: odoo-<sha>/ with setup/odoo and addons/ beside
    odoo/; the tree ends up in ODOO_PATH's layout (odoo-bin, odoo/addons/*)."""
    url = serve(build_archive(fake_tree("odoo-b3f66a2e", git_layout=True)))
    dest = tmp_path / "odoo18"
    dest.mkdir()
    result = fetch(dest, url)
    assert result.returncode == 0, result.stderr
    # Every file the check requires (odoo-bin, odoo/addons/<each dependency>/...),
    # not a named addon: the manifests list only direct, non-implied dependencies.
    for name in odoo_fetch.required_files():
        assert (dest / name).is_file(), name


@pytest.mark.parametrize("existing", [False, True], ids=["absent", "empty folder"])
def test_interrupted_download_leaves_nothing(tmp_path, serve, existing):
    url = serve(LARGE[: len(LARGE) // 2], length=len(LARGE))
    dest = tmp_path / "odoo18"
    if existing:
        dest.mkdir()
    before = snapshot(dest)
    assert_refused(fetch(dest, url), dest, before, "the download was interrupted")


def test_killed_download_leaves_nothing(tmp_path, serve):
    """Stopped (SIGTERM, Ctrl+C) mid-download: the temporary folder goes at once;
    killed outright (SIGKILL): the next run removes what was left."""
    url = serve(LARGE[: len(LARGE) // 2], length=len(LARGE), stall=20)
    dest = tmp_path / "odoo18"
    env = dict(os.environ, CIC_ODOO_URL=url)
    for signum in (signal.SIGTERM, signal.SIGKILL):
        process = subprocess.Popen(
            [PYTHON, SCRIPT, str(dest)], env=env, stderr=subprocess.PIPE, text=True
        )
        deadline = time.monotonic() + 30
        while not list(tmp_path.glob(".odoo-fetch-*/odoo.tar.gz")):
            assert time.monotonic() < deadline and process.poll() is None
            time.sleep(0.05)
        process.send_signal(signum)
        _out, stderr = process.communicate(timeout=30)
        assert process.returncode != 0 and not dest.exists()
        if signum == signal.SIGTERM:
            assert not list(tmp_path.glob(".odoo-fetch-*")), stderr
            assert "interrupted (SIGTERM)" in stderr and "Traceback" not in stderr
    assert list(tmp_path.glob(".odoo-fetch-*")), "SIGKILL leaves its temporary folder"
    result = fetch(dest, serve(NIGHTLY))
    assert result.returncode == 0, result.stderr
    assert sorted(os.listdir(tmp_path)) == ["odoo18"], "the leftover was removed"


@pytest.mark.parametrize(
    "body, expected",
    [
        (NIGHTLY[:-200], "the archive is damaged"),
        (NIGHTLY[:100] + bytes(200) + NIGHTLY[300:], "the archive is damaged"),
        (b"<html>Not the archive</html>", "the archive is damaged"),
    ],
    ids=["truncated", "garbled", "not an archive"],
)
def test_corrupted_archive_is_refused(tmp_path, serve, body, expected):
    dest = tmp_path / "odoo18"
    assert_refused(fetch(dest, serve(body)), dest, None, expected)


def test_wrong_checksum_is_refused(tmp_path, serve):
    dest = tmp_path / "odoo18"
    result = fetch(dest, serve(NIGHTLY), CIC_ODOO_SHA256="0" * 64)
    assert_refused(result, dest, None, "checksum is wrong")


@pytest.mark.parametrize(
    "files, expected",
    [
        (fake_tree("odoo-17.0", version="(17, 0, 0, FINAL, 0, '')"), "not Odoo 18.0"),
        (fake_tree("odoo-18.0", skip=("odoo-bin",)), "missing (first: odoo-bin)"),
        ({"odoo-18.0/../../escape": "x"}, "unsafe path"),
    ],
    ids=["odoo 17", "incomplete", "path outside"],
)
def test_unexpected_tree_is_refused(tmp_path, serve, files, expected):
    dest = tmp_path / "odoo18"
    assert_refused(fetch(dest, serve(build_archive(files))), dest, None, expected)
    assert not (tmp_path.parent / "escape").exists()


def test_offline_says_what_to_download_and_where(tmp_path):
    with socket.socket() as sock:  # a port where nothing listens
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    dest = tmp_path / "odoo18"
    result = fetch(dest, f"http://127.0.0.1:{port}/odoo_18.0.20250702.tar.gz")
    assert_refused(result, dest, None, "offline or blocked")
    assert (
        f"download http://127.0.0.1:{port}/odoo_18.0.20250702.tar.gz" in result.stderr
    )
    assert f"unpack it and rename its top folder to {dest}" in result.stderr


def test_fetches_from_a_local_archive(tmp_path):
    """Offline, the archive downloaded elsewhere is named with a file:// URL."""
    archive = tmp_path / "odoo_18.0.20250702.tar.gz"
    archive.write_bytes(NIGHTLY)
    dest = tmp_path / "odoo18"
    result = fetch(dest, archive.as_uri())
    assert result.returncode == 0, result.stderr
    assert (dest / "odoo-bin").is_file()
    assert sorted(os.listdir(tmp_path)) == sorted([archive.name, "odoo18"])


def test_download_can_be_turned_off(tmp_path, serve):
    url = serve(NIGHTLY)
    dest = tmp_path / "odoo18"
    result = fetch(dest, url, CIC_ODOO_FETCH="0")
    assert_refused(result, dest, None, "CIC_ODOO_FETCH=0")
    pinned = odoo_fetch.read_pin()["url"]
    assert pinned.startswith("https://nightly.odoo.com/18.0/nightly/src/")


def test_a_folder_with_something_else_is_left_alone(tmp_path, serve):
    dest = tmp_path / "odoo18"
    dest.mkdir()
    (dest / "notes.txt").write_text("mine")
    before = snapshot(dest)
    assert_refused(fetch(dest, serve(NIGHTLY)), dest, before, "left alone")


def test_bin_scripts_fetch_through_lib_sh(tmp_path, serve):
    """cic_check_odoo (bin/run, bin/test, bin/odoo) fetches into a missing ODOO_PATH,
    then accepts it; with the download off it stops with the one line as before."""
    dest = tmp_path / "odoo18"
    command = f'source "{ROOT}/bin/lib.sh"; cic_check_odoo; echo "ready at $ODOO_PATH"'
    env = dict(os.environ, ODOO_PATH=str(dest), CIC_HOME=str(tmp_path / "home"))
    off = subprocess.run(
        ["bash", "-c", command],
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(env, CIC_ODOO_FETCH="0"),
    )
    assert_refused(off, dest, None, "CIC_ODOO_FETCH=0")
    on = subprocess.run(
        ["bash", "-c", command],
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(env, CIC_ODOO_URL=serve(NIGHTLY)),
    )
    assert on.returncode == 0, on.stderr
    assert on.stdout.strip() == f"ready at {dest}"
