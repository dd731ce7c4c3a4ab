"""Disk full: a citizen's document that the filestore cannot store gives the form
back with a clear message and leaves nothing half-registered (no entry, number,
attachment or form-token row); once there is room again, the same form goes through
with the document intact.

The full disk is real: a 4 KB tmpfs, filled up, is mounted over the filestore folder
where the document's file goes (its name is the SHA-1 of the content, so the folder
is known in advance). Without the right to mount, the folder is made read-only
(``chattr +i`` as root, permissions otherwise): the write fails all the same.
"""

import contextlib
import hashlib
import os
import re
import secrets
import subprocess

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

# The message, in English or in Romanian (the website's language).
MESSAGES = (
    "the server's file storage is full or unavailable",
    "spațiul de stocare a fișierelor de pe server este plin sau indisponibil",
)


def _mount_full_tmpfs(path):
    """Mount a 4 KB tmpfs on ``path`` and fill it; False when not allowed."""
    if os.geteuid() != 0:
        return False
    mount = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4k,mode=0755", "cic-full", path],
        capture_output=True,
        check=False,
    )
    if mount.returncode:
        return False
    with contextlib.suppress(OSError), open(os.path.join(path, "filler"), "wb") as f:
        f.write(b"\0" * 65536)
    return True


@contextlib.contextmanager
def unwritable(path):
    """``path`` refuses new files while the block runs: a full disk, or read-only."""
    os.makedirs(path, exist_ok=True)
    if _mount_full_tmpfs(path):
        try:
            yield "full"
        finally:
            subprocess.run(["umount", path], check=True)
        return
    if os.geteuid() == 0:
        subprocess.run(["chattr", "+i", path], check=True)
        try:
            yield "immutable"
        finally:
            subprocess.run(["chattr", "-i", path], check=True)
        return
    mode = os.stat(path).st_mode
    os.chmod(path, 0o555)
    try:
        yield "read-only"
    finally:
        os.chmod(path, mode)


@tagged("post_install", "-at_install")
class TestDiskFull(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        params = cls.env["ir.config_parameter"].sudo()
        params.set_param("cic_portal.min_fill_seconds", 0)
        params.set_param("cic_portal.submit_limit_per_hour", 100000)

    def form_tokens(self):
        page = self.url_open("/cic/form/petition")
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        token = re.search(r'name="form_token" value="([^"]+)"', page.text).group(1)
        return csrf, token

    def post(self, tokens, subject, document):
        data = {
            "first_name": "Ion",
            "last_name": "Discplin",
            "email": "ion.discplin@example.com",
            "street": "Strada Mare",
            "street_number": "1",
            "locality": "Exemplu",
            "county": "Brașov",
            "subject": subject,
            "message": "Cerere cu document",
            "consent": "1",
            "csrf_token": tokens[0],
            "form_token": tokens[1],
        }
        files = [("attachments", ("cerere.txt", document, "text/plain"))]
        return self.url_open(
            "/cic/form/petition", data=data, files=files, allow_redirects=False
        )

    def state(self, subject):
        env = self.env(su=True)
        env.invalidate_all()
        return {
            "entries": env["helpdesk.ticket"].search_count([("name", "=", subject)]),
            "counter": sum(env["cic.register.counter"].search([]).mapped("last_seq")),
            "attachments": env["ir.attachment"].search_count(
                [("name", "=", "cerere.txt"), ("res_model", "=", "helpdesk.ticket")]
            ),
            "token rows": env["cic.portal.submission"].search_count([]),
        }

    def test_full_filestore_refuses_cleanly_then_accepts(self):
        document = f"Cerere {secrets.token_hex(16)}\n".encode() * 40
        sha = hashlib.sha1(document).hexdigest()
        folder = os.path.join(self.env["ir.attachment"]._filestore(), sha[:2])
        subject = f"Disc plin {sha[:8]}"
        tokens = self.form_tokens()
        before = self.state(subject)
        with (
            unwritable(folder),
            mute_logger("odoo.addons.cic_registry.models.ir_attachment"),
        ):
            response = self.post(tokens, subject, document)
        self.assertEqual(response.status_code, 200)
        self.assertIn('id="cic_form_error"', response.text)
        page = response.text.replace("&#39;", "'")
        self.assertTrue(any(message in page for message in MESSAGES), page[-3000:])
        self.assertEqual(self.state(subject), before, "something was half-registered")
        self.assertFalse(os.path.exists(os.path.join(folder, sha)))
        # Room again: the same form (same token) goes through, document intact.
        response = self.post(tokens, subject, document)
        self.assertEqual(response.status_code, 303)
        ticket = self.env["helpdesk.ticket"].sudo().search([("name", "=", subject)])
        self.assertEqual(len(ticket), 1)
        attachment = (
            self.env["ir.attachment"]
            .sudo()
            .search([("res_model", "=", "helpdesk.ticket"), ("res_id", "=", ticket.id)])
        )
        self.assertEqual(attachment.raw, document)
