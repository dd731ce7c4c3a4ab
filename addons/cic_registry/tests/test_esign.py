# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Electronic signature of the letters sent by e-mail (issue 21, point 5).

A throwaway CA issues the institution's certificate; the PKCS#12 file and its password
are written to temporary files. The clerk dispatches an answer; the archived PDF must
carry a valid PAdES signature of the institution (checked with pyHanko against the
test CA), be the very file e-mailed, match its stored SHA-256, and fail validation once
a byte of the signed content is changed. Without a certificate the answer goes
unsigned and says so."""

import base64
import datetime
import hashlib
import io
import os
import shutil
import subprocess
import tempfile
from unittest.mock import patch

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from pdfminer.high_level import extract_text
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from .workflow_common import CicWorkflowCase

SIGNER_NAME = "Primăria Comunei Exemplu"


def _certificate(name, key, issuer_name, issuer_key, ca):
    now = datetime.datetime.utcnow()
    usage = dict.fromkeys(
        (
            "digital_signature",
            "content_commitment",
            "key_encipherment",
            "data_encipherment",
            "key_agreement",
            "key_cert_sign",
            "crl_sign",
            "encipher_only",
            "decipher_only",
        ),
        False,
    )
    if ca:
        usage.update(digital_signature=True, key_cert_sign=True, crl_sign=True)
    else:
        usage.update(digital_signature=True, content_commitment=True)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer_name or subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(**usage), critical=True)
        .sign(issuer_key or key, hashes.SHA256())
    )


class TestLetterSignature(CicWorkflowCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        ca_cert = _certificate("CIC Test CA", ca_key, None, None, ca=True)
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        cert = _certificate(SIGNER_NAME, key, ca_cert.subject, ca_key, ca=False)
        cls.ca = asn1_x509.Certificate.load(
            ca_cert.public_bytes(serialization.Encoding.DER)
        )
        cls.tmp = tempfile.mkdtemp(prefix="cic-esign-test-")
        cls.addClassCleanup(shutil.rmtree, cls.tmp, ignore_errors=True)
        password = os.urandom(12).hex()
        cls.p12_path = os.path.join(cls.tmp, "institution.p12")
        with open(cls.p12_path, "wb") as p12:
            p12.write(
                pkcs12.serialize_key_and_certificates(
                    b"institution",
                    key,
                    cert,
                    [ca_cert],
                    serialization.BestAvailableEncryption(password.encode()),
                )
            )
        cls.password = password
        cls.password_path = os.path.join(cls.tmp, "password")
        with open(cls.password_path, "w", encoding="utf-8") as secret:
            secret.write(password + "\n")
        cls.company.sudo().write(
            {
                "cic_esign_pkcs12_path": False,
                "cic_esign_password_file": False,
                "cic_esign_password_env": False,
            }
        )

    def configure(self, **vals):
        values = {
            "cic_esign_pkcs12_path": self.p12_path,
            "cic_esign_password_file": self.password_path,
        }
        values.update(vals)
        self.company.sudo().write(values)

    def dispatch_answer(self):
        ticket = self.petition()
        self.prepare_answer(ticket)
        self.approve(ticket)
        # Odoo renders reports as HTML in tests unless asked for the real PDF.
        ticket.with_user(self.clerk).with_context(
            force_report_rendering=True
        ).action_cic_dispatch_answer()
        return ticket, self.letters(ticket, "answer")

    def validate(self, pdf):
        reader = PdfFileReader(io.BytesIO(pdf))
        self.assertEqual(len(reader.embedded_signatures), 1)
        signature = reader.embedded_signatures[0]
        status = validate_pdf_signature(
            signature, ValidationContext(trust_roots=[self.ca])
        )
        return signature, status

    def assert_signature_box(self, pdf):
        """The box's text is in the field's appearance, which poppler's pdftotext
        extracts (pdfminer reads the page content only: there, the letter itself)."""
        self.assertIn("Answer to no.", " ".join(extract_text(io.BytesIO(pdf)).split()))
        pdftotext = shutil.which("pdftotext")
        if not pdftotext:
            return
        with open(os.path.join(self.tmp, "letter.pdf"), "wb") as letter:
            letter.write(pdf)
        text = subprocess.run(
            [pdftotext, "-enc", "UTF-8", letter.name, "-"],
            capture_output=True,
            check=True,
        ).stdout.decode()
        text = " ".join(text.split())
        self.assertIn("Electronically signed by:", text)
        self.assertIn(SIGNER_NAME, text)
        self.assertIn("Signing date:", text)

    def sent_attachment(self, letter):
        message = letter.message_ids.filtered("attachment_ids")
        self.assertEqual(len(message), 1, "one e-mail with the letter")
        return message.attachment_ids

    def test_answer_sent_signed_and_archived_with_hash(self):
        self.configure()
        ticket, letter = self.dispatch_answer()
        self.assertEqual(ticket.cic_closure_reason, "answered")
        self.assertEqual(letter.cic_letter_signature, "signed")
        self.assertEqual(letter.cic_letter_signer, SIGNER_NAME)
        pdf = letter._cic_letter_pdf_content()
        self.assertTrue(pdf.startswith(b"%PDF-"))
        self.assertEqual(letter.cic_letter_sha256, hashlib.sha256(pdf).hexdigest())
        self.assertTrue(letter.cic_letter_pdf_intact)
        self.assertEqual(self.sent_attachment(letter).raw, pdf, "the file e-mailed")

        signature, status = self.validate(pdf)
        self.assertTrue(status.intact and status.valid and status.trusted)
        self.assertTrue(status.bottom_line)
        self.assertEqual(status.signing_cert.subject.native["common_name"], SIGNER_NAME)
        self.assertEqual(str(status.coverage), "SignatureCoverageLevel.ENTIRE_FILE")
        # PAdES, with a visible box on the last page naming the signer.
        self.assertEqual(signature.sig_object["/SubFilter"], "/ETSI.CAdES.detached")
        self.assertTrue(signature.sig_field.get("/AP"), "a visible appearance")
        self.assert_signature_box(pdf)

        # One byte changed in the signed content: the signature no longer holds.
        position = pdf.index(b"stream", pdf.index(b"/Contents")) + 20
        self.assertLess(position, signature.byte_range[1])
        tampered = bytearray(pdf)
        tampered[position] ^= 0x01
        _signature, status = self.validate(bytes(tampered))
        self.assertFalse(status.intact)
        self.assertFalse(status.bottom_line)

    def test_archived_file_changed_is_shown(self):
        self.configure()
        _ticket, letter = self.dispatch_answer()
        self.assertTrue(letter.cic_letter_pdf_intact)
        attachment = (
            self.env["ir.attachment"]
            .sudo()
            .search(
                [
                    ("res_model", "=", letter._name),
                    ("res_id", "=", letter.id),
                    ("res_field", "=", "cic_letter_pdf"),
                ]
            )
        )
        attachment.raw = attachment.raw + b"\n%changed"
        letter.invalidate_recordset()
        self.assertFalse(letter.cic_letter_pdf_intact)

    def test_anonymisation_removes_the_archived_letter(self):
        _ticket, letter = self.dispatch_answer()
        self.assertTrue(letter.cic_letter_pdf)
        selection = self.env["cic.archive.selection"].create(
            {"name": "Selecția 2026", "team_id": self.team.id}
        )
        selection.sudo().state = "decided"
        letter._cic_anonymise(selection)
        self.assertFalse(letter.cic_letter_pdf)
        self.assertFalse(
            self.env["ir.attachment"]
            .sudo()
            .search_count(
                [
                    ("res_model", "=", letter._name),
                    ("res_id", "=", letter.id),
                    ("res_field", "=", "cic_letter_pdf"),
                ]
            )
        )
        self.assertTrue(letter.cic_letter_sha256, "the hash of what was sent stays")

    def test_answer_sent_unsigned_without_certificate(self):
        _ticket, letter = self.dispatch_answer()
        self.assertEqual(letter.cic_letter_signature, "unsigned")
        self.assertFalse(letter.cic_letter_signer)
        pdf = letter._cic_letter_pdf_content()
        self.assertEqual(letter.cic_letter_sha256, hashlib.sha256(pdf).hexdigest())
        self.assertEqual(self.sent_attachment(letter).raw, pdf)
        self.assertFalse(PdfFileReader(io.BytesIO(pdf)).embedded_signatures)
        notes = letter.message_ids.filtered(lambda m: "Sent unsigned" in (m.body or ""))
        self.assertTrue(notes, "the chatter says the letter went unsigned")

    def test_wrong_password_stops_the_dispatch(self):
        with open(os.path.join(self.tmp, "wrong"), "w", encoding="utf-8") as secret:
            secret.write("not-the-password")
        self.configure(cic_esign_password_file=os.path.join(self.tmp, "wrong"))
        ticket = self.petition()
        self.prepare_answer(ticket)
        self.approve(ticket)
        # assertRaises (not assertRaisesRegex) rolls back to a savepoint, as the
        # failed request does.
        with self.assertRaises(UserError) as caught:
            ticket.with_user(self.clerk).with_context(
                force_report_rendering=True
            ).action_cic_dispatch_answer()
        self.assertIn("wrong password", str(caught.exception))
        self.assertFalse(ticket.cic_answer_ids)
        self.assertFalse(ticket.cic_closure_reason)

    def test_password_from_environment_variable(self):
        self.configure(
            cic_esign_password_file=False, cic_esign_password_env="CIC_TEST_ESIGN_PWD"
        )
        company = self.company.with_user(self.clerk)
        with self.assertRaisesRegex(UserError, "not available"):
            company._cic_esign_password()
        with patch.dict(os.environ, {"CIC_TEST_ESIGN_PWD": self.password}):
            self.assertEqual(company._cic_esign_password(), self.password.encode())
            signer = company._cic_esign_signer()
        self.assertEqual(signer.signing_cert.subject.native["common_name"], SIGNER_NAME)
        with self.assertRaises(ValidationError):
            self.company.sudo().cic_esign_password_env = self.password + "!"

    def test_settings_and_archive_out_of_reach_of_the_clerk(self):
        """The clerk neither reads where the certificate is nor rewrites the archive."""
        self.configure()
        _ticket, letter = self.dispatch_answer()
        with self.assertRaises(AccessError):
            self.company.with_user(self.clerk).read(["cic_esign_pkcs12_path"])
        with self.assertRaises(AccessError):
            letter.with_user(self.clerk).write(
                {"cic_letter_sha256": "0" * 64, "cic_letter_signature": "unsigned"}
            )
        self.assertEqual(letter.cic_letter_signature, "signed")


@tagged("post_install", "-at_install")
class TestLetterArchiveByHttp(CicWorkflowCase, HttpCase):
    """The clerk, logged in, forges writes of the archived letter and reads the
    certificate settings through JSON-RPC: refused, nothing changed."""

    def call(self, model, method, args, kwargs=None):
        return self.make_jsonrpc_request(
            "/web/dataset/call_kw",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    def test_clerk_cannot_rewrite_the_archive_nor_read_the_certificate_path(self):
        ticket = self.petition()
        self.prepare_answer(ticket)
        self.approve(ticket)
        ticket.with_user(self.clerk).action_cic_dispatch_answer()
        letter = self.letters(ticket, "answer")
        pdf = b"%PDF-1.7 archived"
        letter.sudo().write(
            {
                "cic_letter_pdf": base64.b64encode(pdf),
                "cic_letter_sha256": hashlib.sha256(pdf).hexdigest(),
                "cic_letter_signature": "signed",
                "cic_letter_signer": SIGNER_NAME,
            }
        )
        self.company.sudo().cic_esign_pkcs12_path = "/etc/odoo/cic-signing.p12"
        self.authenticate(self.clerk.login, self.clerk.login)
        forged = {"cic_registration_write": True, "cic_wf": True, "su": True}
        attempts = [
            (
                "write",
                [
                    letter.ids,
                    {
                        "cic_letter_pdf": base64.b64encode(b"%PDF-1.7 forged").decode(),
                        "cic_letter_sha256": hashlib.sha256(b"forged").hexdigest(),
                    },
                ],
            ),
            ("write", [letter.ids, {"cic_letter_signature": "unsigned"}]),
            ("write", [letter.ids, {"cic_letter_signer": "Somebody else"}]),
            ("write", [letter.ids, {"cic_letter_sha256": False}]),
        ]
        for method, args in attempts:
            with (
                self.subTest(args=args[1]),
                mute_logger("odoo.http"),
                self.assertRaises(JsonRpcException),
            ):
                self.call("helpdesk.ticket", method, args, {"context": forged})
        with mute_logger("odoo.http"), self.assertRaises(JsonRpcException):
            self.call(
                "res.company",
                "read",
                [self.company.ids, ["cic_esign_pkcs12_path", "cic_esign_password_env"]],
            )
        letter.invalidate_recordset()
        self.assertEqual(letter._cic_letter_pdf_content(), pdf)
        self.assertEqual(letter.cic_letter_sha256, hashlib.sha256(pdf).hexdigest())
        self.assertEqual(letter.cic_letter_signature, "signed")
        self.assertEqual(letter.cic_letter_signer, SIGNER_NAME)
        self.assertTrue(letter.cic_letter_pdf_intact)
