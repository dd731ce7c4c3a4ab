"""Hostile input on the public forms and routes (hypothesis, deterministic).

Every example is sent like a browser does (CSRF and form tokens). Properties:
no 500, injected HTML/JS is escaped on the confirmation and tracking pages, in the
backend record and in the confirmation e-mail, and a refused submission leaves
nothing behind (no entry, contact, attachment or token row).
Bounded: ``derandomize=True`` and ``database=None`` make CI runs identical.
"""

import io
import re
import zipfile
from unittest.mock import patch

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

SETTINGS = settings(
    max_examples=12,
    deadline=None,
    derandomize=True,
    database=None,
    # No shrinking: a failure is reported as generated (shrinking HTTP round
    # trips would take minutes); the examples are the same on every run.
    phases=(Phase.explicit, Phase.generate),
    suppress_health_check=list(HealthCheck),
)
INJECTIONS = [
    "<script>alert('cic')</script>",
    '"><img src=x onerror=alert(1)>',
    "<svg/onload=alert(1)>",
    "javascript:alert(1)",
    '{{7*7}} ${7*7} <t t-out="7*7"/>',
    "'; DROP TABLE helpdesk_ticket; --",
    "\u202egnp.exe \u200b\u200d\ufeff",
    "Ștefan Țăranu îî ââ ﬁ 𝕏 👩‍👩‍👧",
    "\r\nSet-Cookie: injected=1",
    "%00%0d%0a../../etc/passwd",
]
# Any Unicode except lone surrogates (which no browser can send in UTF-8).
any_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=200
)
hostile = st.one_of(
    st.sampled_from(INJECTIONS),
    any_text,
    st.builds(lambda a, b: a + b, st.sampled_from(INJECTIONS), any_text),
    st.integers(min_value=2_000, max_value=60_000).map(lambda n: "Ș<b>" * (n // 4)),
)
# Query strings: a URL over 64 KB is refused by the HTTP server itself (and by the
# proxy, at 8 KB for nginx), before Odoo.
hostile_query = hostile.map(lambda text: text[:2000])
FIELDS = ("first_name", "last_name", "subject", "message", "street", "locality")
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def counts(env):
    env.invalidate_all()
    return tuple(
        env[model].sudo().search_count([])
        for model in (
            "helpdesk.ticket",
            "res.partner",
            "cic.portal.submission",
            "ir.attachment",
        )
    )


@tagged("post_install", "-at_install")
class TestHostileInput(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        params = cls.env["ir.config_parameter"].sudo()
        params.set_param("cic_portal.min_fill_seconds", 0)
        params.set_param("cic_portal.submit_limit_per_hour", 100000)
        params.set_param("cic_portal.track_max_failures", 100000)
        cls.examples = 0

    # ---------------------------------------------------------------- helpers
    def tokens(self, url="/cic/form/petition"):
        page = self.url_open(url)
        self.assertEqual(page.status_code, 200)
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        token = re.search(r'name="form_token" value="([^"]+)"', page.text).group(1)
        return csrf, token

    def valid_data(self, **values):
        data = {
            "first_name": "Ion",
            "last_name": "Fuzz",
            "email": "ion.fuzz@example.com",
            "street": "Strada Mare",
            "street_number": "1",
            "locality": "Exemplu",
            "county": "Brașov",
            "subject": "Fuzz",
            "message": "Fuzz",
            "consent": "1",
        }
        data.update(values)
        return data

    def submit(self, data, files=None, url="/cic/form/petition"):
        csrf, token = self.tokens(url)
        payload = dict(data, csrf_token=csrf, form_token=token)
        return self.url_open(url, data=payload, files=files, allow_redirects=False)

    def assertEscaped(self, text, values, where):
        for value in values:
            if "<" in value and len(value) < 5000:
                self.assertNotIn(value, text, f"unescaped input in {where}")

    def assertTicketClean(self, ticket, values):
        ticket = ticket.sudo()
        raw_tags = r"<script|<img|<svg"  # escaped text is &lt;script ...
        self.assertNotRegex(ticket.description or "", raw_tags)
        bodies = " ".join(ticket.message_ids.mapped(lambda m: str(m.body)))
        self.assertNotRegex(bodies, raw_tags)
        mails = (
            self.env["mail.mail"]
            .sudo()
            .search([("model", "=", "helpdesk.ticket"), ("res_id", "=", ticket.id)])
        )
        self.assertEscaped(" ".join(mails.mapped("body_html")), values, "the e-mail")

    # ------------------------------------------------------------------ forms
    @SETTINGS
    @given(values=st.fixed_dictionaries({name: hostile for name in FIELDS}))
    def test_petition_form(self, values):
        before = counts(self.env)
        response = self.submit(self.valid_data(**values))
        self.assertIn(response.status_code, (200, 303), response.text[:500])
        after = counts(self.env)
        if response.status_code == 200:  # refused with a message
            self.assertEqual(after, before)
            self.assertEscaped(response.text, values.values(), "the form page")
            return
        self.assertEqual(after[0], before[0] + 1)
        location = response.headers["Location"]
        self.assertRegex(location, r"/cic/request/\d+/confirmation\?access_token=")
        confirmation = self.url_open(location)
        self.assertEqual(confirmation.status_code, 200)
        self.assertEscaped(confirmation.text, values.values(), "the confirmation")
        ticket_id = int(re.search(r"/cic/request/(\d+)/", location).group(1))
        ticket = self.env["helpdesk.ticket"].browse(ticket_id)
        self.assertTrue(ticket.sudo().cic_registration_number)
        self.assertTicketClean(ticket, values.values())

    @SETTINGS
    @given(
        email=st.one_of(any_text, st.sampled_from(["a@b", "@x.ro", "x@y.ro\n"])),
        consent=st.sampled_from(["", "1", "<b>"]),
        honeypot=st.sampled_from(["", "http://spam.example"]),
    )
    def test_required_fields_and_spam_guard(self, email, consent, honeypot):
        before = counts(self.env)
        data = self.valid_data(email=email, consent=consent, cic_website=honeypot)
        response = self.submit(data)
        self.assertIn(response.status_code, (200, 303))
        if not consent or honeypot or "@" not in email:
            self.assertEqual(response.status_code, 200)
            self.assertEqual(counts(self.env), before)

    @SETTINGS
    @given(token=st.one_of(any_text, st.sampled_from(["", "x.y.z", "e30.e30.e30"])))
    def test_forged_form_token(self, token):
        before = counts(self.env)
        csrf, _token = self.tokens()
        data = dict(self.valid_data(), csrf_token=csrf, form_token=token)
        response = self.url_open("/cic/form/petition", data=data, allow_redirects=False)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(counts(self.env), before)

    # ------------------------------------------------------------- public GETs
    @SETTINGS
    @given(number=hostile, code=hostile)
    def test_tracking(self, number, code):
        response = self.url_open(
            "/cic/track", data={"number": number, "code": code,
                                "csrf_token": self.tokens()[0]},
        )  # fmt: skip
        self.assertEqual(response.status_code, 200)
        self.assertEscaped(response.text, [number, code], "/cic/track")

    @SETTINGS
    @given(
        search=hostile_query,
        category=hostile_query,
        year=hostile_query,
        page=st.integers(-5, 10**6),
    )
    def test_catalogue_and_documents(self, search, category, year, page):
        for url, params in (
            ("/cic/services", {"search": search}),
            ("/cic/documents", {"search": search, "category": category, "year": year}),
            (f"/cic/documents/page/{abs(page)}", {"search": search}),
            ("/cic/info/" + re.sub(r"[/?#%]", "", search)[:50] or "x", {}),
        ):
            response = self.opener.get(self.base_url() + url, params=params, timeout=30)
            self.assertIn(response.status_code, (200, 404), url)
            self.assertEscaped(response.text, [search, category, year], url)

    def test_bad_ids_and_kinds(self):
        for url in (
            "/cic/form/../../web",
            "/cic/form/service_request",
            "/cic/form/%3Cscript%3E",
            "/cic/request/abc/confirmation",
            "/cic/request/99999999999999999999/confirmation",
            "/cic/request/-1/receipt",
            "/cic/documents/0/download",
            "/cic/services/%00/apply",
            "/cic/unknown%00page",
        ):
            response = self.url_open(url, allow_redirects=False)
            self.assertIn(response.status_code, (303, 302, 404), url)
        # Closing changes a ticket: POST only (with the CSRF token), never a GET.
        for url in (
            "/ticket/close?ticket_id=abc&stage_id=1",
            "/ticket/close?ticket_id=1",
        ):
            response = self.url_open(url, allow_redirects=False)
            self.assertEqual(response.status_code, 405, url)

    def test_nul_characters(self):
        """PostgreSQL rejects NUL in text: cic_portal's ir.http drops them from the
        parameters (a search or a form field with %00 used to answer 500)."""
        for url in (
            "/cic/services?search=a%00b",
            "/cic/documents?search=%00&category=%00&year=%00",
            "/cic/track?number=1%00&code=AB%00CD",
        ):
            self.assertEqual(self.url_open(url).status_code, 200, url)
        before = counts(self.env)
        response = self.submit(self.valid_data(subject="NUL\x00subject"))
        self.assertEqual(response.status_code, 303)
        self.assertEqual(counts(self.env)[0], before[0] + 1)
        ticket = self.env["helpdesk.ticket"].sudo().search([], order="id desc", limit=1)
        self.assertEqual(ticket.name, "NULsubject")

    # ---------------------------------------------------------------- uploads
    def assertRefusedUpload(self, files, data=None):
        before = counts(self.env)
        response = self.submit(data or self.valid_data(), files=files)
        # 200: refused with a message; 413: over werkzeug's form limit (418 when
        # Odoo's error page cannot render for such a body).
        self.assertIn(response.status_code, (200, 413, 418), str(files)[:200])
        self.assertEqual(counts(self.env), before)
        return response

    @staticmethod
    def zip_file():
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("payload.sh", "#!/bin/sh\necho owned\n")
        return buffer.getvalue()

    @staticmethod
    def office_file(kind):
        """A minimal OOXML (``word``/``xl``) or OpenDocument (``odt``/``ods``) file,
        as far as content sniffing goes."""
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            if kind in ("odt", "ods"):
                subtype = "text" if kind == "odt" else "spreadsheet"
                archive.writestr(
                    "mimetype", "application/vnd.oasis.opendocument." + subtype
                )
                archive.writestr("content.xml", "<office:document-content/>")
            else:
                archive.writestr("[Content_Types].xml", "<Types/>")
                archive.writestr(f"{kind}/document.xml", "<document/>")
        return buffer.getvalue()

    def test_disguised_file_types(self):
        ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1".ljust(0x200, b"\0")
        disguised = {
            "scan.pdf": b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\x00" * 200,
            "photo.png": b"<html><script>alert(1)</script></html>",
            "image.jpg": b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
            "report.pdf.exe": PDF,
            "page.html": b"<html></html>",
            "archive.docx": self.zip_file(),  # a zip, not an office document
            "noextension": PDF,
            # Allowed extension, allowed content type, but not the same one.
            "notes.pdf": b"Plain text, not a PDF\n",
            "document.png": PDF,
            "sheet.docx": self.office_file("xl"),
            "text.ods": self.office_file("odt"),
            "word.xlsx": self.office_file("word"),
            "old-word.pdf": ole + b"\xec\xa5\xc1\x00",
            "photo.txt": b"\x89PNG\r\n\x1a\n" + b"\0" * 50,
            "empty.txt": b"",
        }
        for name, content in disguised.items():
            with self.subTest(name=name):
                response = self.assertRefusedUpload([("attachments", (name, content))])
                self.assertIn('id="cic_form_error"', response.text)
                self.assertIn(name.rsplit("/", 1)[-1], response.text)  # names it

    def test_matching_file_types_accepted(self):
        """Each office format under its own extension is accepted and stored with
        the type of its content; a UTF-8 text whose first 1024 bytes end inside
        a character (Odoo's guesser says octet-stream) is still text."""
        ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1".ljust(0x200, b"\0")
        text = ("a" * 1023 + "ș la Țară\n").encode()
        expected = {
            "cerere.docx": (self.office_file("word"), "wordprocessingml.document"),
            "tabel.XLSX": (self.office_file("xl"), "spreadsheetml.sheet"),
            "scrisoare.odt": (self.office_file("odt"), "opendocument.text"),
            "vechi.doc": (ole + b"\xec\xa5\xc1\x00", "application/msword"),
            "nota.txt": (text, "text/plain"),
        }
        files = [("attachments", (name, data)) for name, (data, _t) in expected.items()]
        response = self.submit(self.valid_data(subject="Office files"), files=files)
        self.assertEqual(response.status_code, 303, response.text[:300])
        ticket_id = int(re.search(r"/request/(\d+)/", response.headers["Location"])[1])
        stored = {
            attachment.name: attachment.mimetype
            for attachment in self.env["ir.attachment"]
            .sudo()
            .search([("res_model", "=", "helpdesk.ticket"), ("res_id", "=", ticket_id)])
        }
        self.assertEqual(set(stored), set(expected))
        for name, (_data, mimetype) in expected.items():
            self.assertTrue(stored[name].endswith(mimetype), (name, stored[name]))

    def test_libmagic_zip_answer(self):
        """With python-magic (the official image) the sniffer reads 1024 bytes and
        may call an office document application/zip: the archive is looked into,
        so a .docx is accepted and a plain zip named .docx still refused."""
        with patch(
            "odoo.addons.cic_portal.models.ir_attachment.guess_mimetype",
            lambda data, default=None: "application/zip",
        ):
            self.assertRefusedUpload([("attachments", ("a.docx", self.zip_file()))])
            response = self.submit(
                self.valid_data(subject="Magic"),
                files=[("attachments", ("b.docx", self.office_file("word")))],
            )
        self.assertEqual(response.status_code, 303, response.text[:300])

    def test_path_tricks_in_file_names(self):
        names = [
            "../../../../etc/passwd.pdf",
            "..\\..\\windows\\system32\\x.pdf",
            "/etc/shadow.pdf",
            "<img src=x onerror=alert(1)>.pdf",
            "CON.pdf",
            "a" * 300 + ".pdf",
        ]
        files = [("attachments", (name, PDF)) for name in names[:5]]
        response = self.submit(self.valid_data(subject="Path tricks"), files=files)
        self.assertEqual(response.status_code, 303, response.text[:300])
        ticket_id = int(re.search(r"/request/(\d+)/", response.headers["Location"])[1])
        attachments = (
            self.env["ir.attachment"]
            .sudo()
            .search([("res_model", "=", "helpdesk.ticket"), ("res_id", "=", ticket_id)])
        )
        self.assertEqual(len(attachments), 5)
        for attachment in attachments:
            # Stored by content hash inside the filestore, whatever the name says.
            self.assertRegex(attachment.store_fname, r"^[0-9a-f]{2}/[0-9a-f]{40}$")
            self.assertEqual(attachment.mimetype, "application/pdf")
        ticket = self.env["helpdesk.ticket"].sudo().browse(ticket_id)
        download = self.url_open(
            f"/my/requests/{ticket_id}/document/{attachments[0].id}"
            f"?access_token={ticket.access_token}"
        )
        self.assertEqual(download.status_code, 200)
        disposition = download.headers["Content-Disposition"]
        self.assertTrue(disposition.startswith("attachment"))
        self.assertNotIn("/", disposition.split("filename", 1)[1].replace("%2F", ""))
        self.assertEqual(download.headers.get("X-Content-Type-Options"), "nosniff")
        # A very long name is accepted without error too.
        response = self.submit(
            self.valid_data(subject="Long name"),
            files=[("attachments", (names[5], PDF))],
        )
        self.assertEqual(response.status_code, 303)

    def test_too_many_and_too_large_files(self):
        self.assertRefusedUpload(
            [("attachments", (f"f{i}.pdf", PDF)) for i in range(6)]
        )
        self.env["ir.config_parameter"].sudo().set_param("cic_portal.max_upload_mb", 1)
        big = PDF + b"0" * (1024 * 1024 + 10)
        response = self.assertRefusedUpload([("attachments", ("big.pdf", big))])
        self.assertIn('id="cic_form_error"', response.text)
        self.assertIn("big.pdf", response.text)

    def test_huge_multipart_body(self):
        """11 MB of text in a form field: werkzeug's form limit answers 413, no 500
        and nothing registered; 12 MB of file is refused by the upload limit."""
        huge = "x" * (11 * 1024 * 1024)
        with mute_logger("odoo.http", "werkzeug"):
            self.assertRefusedUpload(None, data=self.valid_data(message=huge))
            self.assertRefusedUpload(
                [("attachments", ("huge.pdf", PDF + b"0" * (12 * 1024 * 1024)))]
            )
