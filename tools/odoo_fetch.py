#!/usr/bin/env python3
"""Fetch the pinned Odoo 18.0 Community source into ODOO_PATH when it holds no Odoo.

    python3 tools/odoo_fetch.py ODOO_PATH

Called by bin/lib.sh (``cic_check_odoo``) before the Python environment exists, so it
uses the standard library only. The build is pinned in requirements/odoo-source.txt.
The archive is downloaded and unpacked in a temporary folder next to ODOO_PATH (same
file system), its checksum verified when the pin carries one, the unpacked tree
checked for the files the suite needs, and only then renamed to ODOO_PATH in one
step: an interrupted or failed run leaves ODOO_PATH as it was.

Environment: CIC_ODOO_FETCH=0 turns the download off; CIC_ODOO_URL and
CIC_ODOO_SHA256 replace the pinned archive (a mirror, or file:///path of an archive
downloaded by hand). Exit status 0 when ODOO_PATH holds Odoo 18.0 afterwards,
otherwise 2 after one line on stderr that starts with "cic: error:".
"""

import ast
import hashlib
import http.client
import os
import re
import shutil
import signal
import sys
import tarfile
import tempfile
import time
import urllib.error
import urllib.request
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PIN_FILE = os.path.join(ROOT, "requirements", "odoo-source.txt")
TEMP_PREFIX = ".odoo-fetch-"
CHUNK = 256 * 1024


class FetchError(Exception):
    """A failure explained in one line (the reason, without the advice)."""


class Interrupted(Exception):
    """SIGTERM or SIGHUP: stop, clean up, and say so."""


def read_pin(path=PIN_FILE):
    """The ``key = value`` lines of requirements/odoo-source.txt."""
    pin = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.split("#", 1)[0].strip()
            if "=" in line:
                key, value = line.split("=", 1)
                pin[key.strip()] = value.strip()
    pin["url"] = os.environ.get("CIC_ODOO_URL") or pin["url"]
    pin["sha256"] = os.environ.get("CIC_ODOO_SHA256", pin.get("sha256", "")).lower()
    return pin


def required_files():
    """What the suite needs from the tree: odoo-bin, the 18.0 release file, and the
    manifest of each Odoo addon the CIC addons depend on (OCA addons: from PyPI)."""
    oca = set()
    with open(os.path.join(ROOT, "requirements", "oca.txt"), encoding="utf-8") as fh:
        for line in fh:
            match = re.match(r"odoo-addon-([\w]+)==", line.strip())
            if match:
                oca.add(match.group(1))
    depends = {"base", "web", "payment_demo"}  # payment_demo: demo and test tooling
    addons = os.path.join(ROOT, "addons")
    for name in sorted(os.listdir(addons)):
        manifest = os.path.join(addons, name, "__manifest__.py")
        if name.startswith("cic_") and os.path.isfile(manifest):
            with open(manifest, encoding="utf-8") as handle:
                depends.update(ast.literal_eval(handle.read()).get("depends", []))
    modules = sorted(d for d in depends if not d.startswith("cic_") and d not in oca)
    return ["odoo-bin", os.path.join("odoo", "release.py")] + [
        os.path.join("odoo", "addons", module, "__manifest__.py") for module in modules
    ]


def tree_problem(path):
    """Why ``path`` is not a usable Odoo 18.0 tree, or None."""
    release = os.path.join(path, "odoo", "release.py")
    if os.path.isfile(release):
        with open(release, encoding="utf-8") as handle:
            if not re.search(r"^version_info = \(18, 0,", handle.read(), re.M):
                return "it is not Odoo 18.0 (odoo/release.py)"
    missing = [
        name
        for name in required_files()
        if not os.path.isfile(os.path.join(path, name))
    ]
    if missing:
        return f"{len(missing)} needed files are missing (first: {missing[0]})"
    return None


class Progress:
    """Download progress on stderr: a percentage (or megabytes when the size is
    unknown), rewritten in place on a terminal, every 10 % otherwise."""

    def __init__(self, total):
        self.total, self.done, self.shown = total, 0, -1
        self.tty = sys.stderr.isatty()

    def add(self, count):
        self.done += count
        if self.total:
            step = self.done * 100 // self.total
            if step == self.shown or (not self.tty and step % 10 and step != 100):
                return
            text = f"{step:3d} % of {self.total / 1e6:.1f} MB"
        else:
            step = self.done // (10 * 1024 * 1024)
            if step == self.shown:
                return
            text = f"{self.done / 1e6:.1f} MB"
        self.shown = step
        end = "\r" if self.tty else "\n"
        sys.stderr.write(f"cic:   {text}{end}")
        sys.stderr.flush()

    def finish(self):
        if self.tty:
            sys.stderr.write("\n")


def download(url, target, expected_sha256):
    """Download ``url`` into the file ``target``; check its size and checksum."""
    try:
        response = urllib.request.urlopen(url, timeout=60)  # noqa: S310 - pinned URL
    except urllib.error.HTTPError as exc:
        raise FetchError(f"the server answered {exc.code} {exc.reason}") from exc
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise FetchError(f"offline or blocked ({reason})") from exc
    digest = hashlib.sha256()
    with response:
        length = response.headers.get("Content-Length")
        total = int(length) if length and length.isdigit() else None
        progress = Progress(total)
        try:
            with open(target, "wb") as out:
                while chunk := response.read(CHUNK):
                    out.write(chunk)
                    digest.update(chunk)
                    progress.add(len(chunk))
        except (OSError, http.client.HTTPException) as exc:  # reset, IncompleteRead
            raise FetchError(f"the download was interrupted ({exc!r})") from exc
        finally:
            progress.finish()
    if total is not None and progress.done != total:
        raise FetchError(
            f"the download was interrupted ({progress.done} of {total} bytes)"
        )
    if expected_sha256 and digest.hexdigest() != expected_sha256:
        raise FetchError(
            f"the archive's checksum is wrong (sha256 {digest.hexdigest()}, "
            f"expected {expected_sha256})"
        )


def _safe_members(archive, into):
    """The archive's members, refusing anything that would land outside ``into``."""
    into = os.path.realpath(into)
    for member in archive:
        path = os.path.realpath(os.path.join(into, member.name))
        if not (path.startswith(into + os.sep) or (path == into and member.isdir())):
            raise FetchError(f"the archive holds an unsafe path ({member.name})")
        if member.issym() or member.islnk():
            target = os.path.join(os.path.dirname(path), member.linkname)
            if member.islnk():
                target = os.path.join(into, member.linkname)
            if not os.path.realpath(target).startswith(into + os.sep):
                raise FetchError(f"the archive holds an unsafe link ({member.name})")
        elif not (member.isfile() or member.isdir()):
            raise FetchError(f"the archive holds a special file ({member.name})")
        yield member


def unpack(archive_path, into):
    """Unpack the archive into the folder ``into``."""
    try:
        with tarfile.open(archive_path, "r:gz") as archive:
            extra = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}
            archive.extractall(into, members=_safe_members(archive, into), **extra)
    except FetchError:
        raise
    except (tarfile.TarError, EOFError, OSError, ValueError, zlib.error) as exc:
        raise FetchError(f"the archive is damaged ({exc})") from exc


def find_tree(into):
    """The unpacked folder that holds odoo/release.py (the archive's top folder:
    odoo-18.0.post<date>/ for Odoo's nightly, odoo-<commit>/ for GitHub), made into
    the layout ODOO_PATH has: odoo-bin and every addon in odoo/addons."""
    candidates = [into] + [
        os.path.join(into, name) for name in sorted(os.listdir(into))
    ]
    for path in candidates:
        if os.path.isfile(os.path.join(path, "odoo", "release.py")):
            break
    else:
        raise FetchError("the archive holds no odoo/release.py")
    launcher = os.path.join(path, "odoo-bin")
    packaged = os.path.join(path, "setup", "odoo")  # the same script, as packaged
    if not os.path.isfile(launcher) and os.path.isfile(packaged):
        shutil.copy2(packaged, launcher)
    addons, odoo_addons = (
        os.path.join(path, "addons"),
        os.path.join(path, "odoo", "addons"),
    )
    if os.path.isdir(addons) and os.path.isdir(odoo_addons):  # a git checkout's layout
        for name in os.listdir(addons):
            if not os.path.exists(os.path.join(odoo_addons, name)):
                os.rename(os.path.join(addons, name), os.path.join(odoo_addons, name))
    return path


def remove_stale_temps(parent):
    """Temporary folders left by a run that was killed (its process is gone)."""
    for name in os.listdir(parent):
        match = re.fullmatch(re.escape(TEMP_PREFIX) + r"(\d+)-\w+", name)
        if not match:
            continue
        try:
            os.kill(int(match.group(1)), 0)
        except ProcessLookupError:
            shutil.rmtree(os.path.join(parent, name), ignore_errors=True)
        except PermissionError:
            pass


def fetch(dest, pin):
    """Download, check and move the pinned tree into ``dest`` (absent or empty)."""
    parent = os.path.dirname(dest)
    created = []
    probe = parent
    while not os.path.isdir(probe):
        created.append(probe)
        probe = os.path.dirname(probe)
    try:
        os.makedirs(parent, exist_ok=True)
        remove_stale_temps(parent)
        temp = tempfile.mkdtemp(prefix=f"{TEMP_PREFIX}{os.getpid()}-", dir=parent)
    except OSError as exc:
        raise FetchError(
            f"cannot write next to it ({exc.strerror}: {exc.filename})"
        ) from exc
    try:
        say(f"downloading Odoo {pin['version']} ({pin['build']}) from {pin['url']}")
        archive = os.path.join(temp, "odoo.tar.gz")
        download(pin["url"], archive, pin["sha256"])
        say("unpacking and checking the Odoo source")
        unpacked = os.path.join(temp, "tree")
        os.mkdir(unpacked)
        unpack(archive, unpacked)
        tree = find_tree(unpacked)
        problem = tree_problem(tree)
        if problem:
            raise FetchError(f"the archive is not the expected Odoo: {problem}")
        try:
            os.rename(tree, dest)  # atomic; replaces dest only if it is an empty folder
        except OSError as exc:
            if tree_problem(dest) if os.path.isdir(dest) else True:
                raise FetchError(f"cannot move it into place ({exc})") from exc
            # another run (bin/test beside bin/run) put the same tree there first
        created.clear()
    finally:
        shutil.rmtree(temp, ignore_errors=True)
        for folder in created:  # deepest first: parents this run created, now unused
            try:
                os.rmdir(folder)
            except OSError:
                break


def say(text):
    print(f"cic: {text}", file=sys.stderr, flush=True)


def fail(dest, pin, reason):
    where = f"Odoo 18 source not found at ODOO_PATH={dest}"
    advice = (
        f"download {pin['url']}, then run again with CIC_ODOO_URL=file:///path/to/it"
        f" or unpack it and rename its top folder to {dest}"
        " (README 'Where Odoo is looked up')"
    )
    reason = " ".join(str(reason).split())  # one line, whatever the exception said
    print(f"cic: error: {where} and {reason}: {advice}", file=sys.stderr, flush=True)
    return 2


def _terminate(signum, _frame):
    raise Interrupted(signal.Signals(signum).name)  # runs the clean-up of fetch()


def main(argv):
    if len(argv) != 2:
        print("usage: odoo_fetch.py ODOO_PATH", file=sys.stderr)
        return 2
    dest = os.path.abspath(argv[1])
    pin = read_pin()
    if os.path.isdir(dest) and not tree_problem(dest):
        return 0
    if os.path.exists(dest) and (not os.path.isdir(dest) or os.listdir(dest)):
        reason = tree_problem(dest) if os.path.isdir(dest) else "it is a file"
        return fail(
            dest, pin, f"that folder is not empty ({reason}), so it is left alone"
        )
    if os.environ.get("CIC_ODOO_FETCH", "1") == "0":
        return fail(dest, pin, "CIC_ODOO_FETCH=0 turns the download off")
    signal.signal(signal.SIGTERM, _terminate)
    signal.signal(signal.SIGHUP, _terminate)
    started = time.monotonic()
    try:
        fetch(dest, pin)
    except FetchError as exc:
        return fail(dest, pin, f"could not be fetched: {exc}")
    except KeyboardInterrupt:
        return fail(dest, pin, "the download was interrupted (Ctrl+C)")
    except Interrupted as exc:
        return fail(dest, pin, f"the download was interrupted ({exc})")
    seconds = time.monotonic() - started
    say(f"Odoo {pin['version']} ({pin['build']}) is at {dest} ({seconds:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
