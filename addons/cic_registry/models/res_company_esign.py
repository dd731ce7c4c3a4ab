# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Electronic signature (PAdES) of the letters with the institution's certificate.

The company names a PKCS#12 file (.p12/.pfx) on the server and where its password
is: an environment variable of the Odoo process or a file (a Docker secret). Only
these names are stored in the database; the key and the password are read at
signing time and never kept. Without a file the letters are sent unsigned.
"""

import contextlib
import datetime
import io
import logging
import os
import re

import pytz
from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12
from pyhanko import stamp
from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.text import TextBoxStyle
from pyhanko.sign import fields as sig_fields
from pyhanko.sign import signers
from pyhanko_certvalidator.registry import SimpleCertificateStore

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.misc import file_path

from .cic_calendar import INSTITUTION_TZ

ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
SIGNATURE_FIELD = "CIC_Signature"
# Visible signature box, in points from the bottom-left corner of the last page:
# bottom right, inside the 32 mm (90 pt) bottom margin of the letters' paper format
# (base.paperformat_euro), so that it never covers the text, and above the page
# number ("Pagina X din Y", y = 14).
SIGNATURE_BOX = (345, 26, 565, 86)
# A font with every Romanian letter, shipped with Odoo's web module.
STAMP_FONT = "web/static/fonts/sign/NotoSans-Reg.ttf"


@contextlib.contextmanager
def _quiet_font_subsetting():
    """fontTools logs a WARNING for each OpenType table it cannot subset (none
    that a signature box needs); nothing to report."""
    logger = logging.getLogger("fontTools.subset")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


class ResCompany(models.Model):
    _inherit = "res.company"

    cic_esign_pkcs12_path = fields.Char(
        string="Signing certificate file (PKCS#12)",
        groups="base.group_system",
        help="Path, on the Odoo server, of the .p12/.pfx file holding the "
        "institution's qualified certificate and its private key. Letters sent by "
        "e-mail are signed with it (PAdES); empty: they are sent unsigned.",
    )
    cic_esign_password_env = fields.Char(
        string="Password environment variable",
        groups="base.group_system",
        help="Name of the environment variable of the Odoo server that holds the "
        "password of the certificate file.",
    )
    cic_esign_password_file = fields.Char(
        string="Password file",
        groups="base.group_system",
        help="Path of a file on the server holding the password of the certificate "
        "file (e.g. a Docker secret under /run/secrets); read instead of the "
        "environment variable when set.",
    )

    @api.constrains("cic_esign_password_env")
    def _check_cic_esign_password_env(self):
        for company in self:
            name = company.cic_esign_password_env
            if name and not ENV_NAME.match(name):
                raise ValidationError(
                    self.env._(
                        "The password environment variable must be a variable name "
                        "(letters, digits and underscores), not the password itself."
                    )
                )

    def _cic_esign_configured(self):
        self.ensure_one()
        return bool(self.sudo().cic_esign_pkcs12_path)

    def _cic_esign_password(self):
        """The password of the certificate file, read now from its secret."""
        company = self.sudo()
        if company.cic_esign_password_file:
            try:
                with open(company.cic_esign_password_file, "rb") as secret:
                    return secret.read().rstrip(b"\r\n")
            except OSError as error:
                raise UserError(
                    self.env._(
                        "The password file of the signing certificate cannot be "
                        "read (%(error)s).",
                        error=error.strerror,
                    )
                ) from error
        name = company.cic_esign_password_env
        if name and name in os.environ:
            return os.environ[name].encode()
        raise UserError(
            self.env._(
                "The password of the signing certificate is not available: set the "
                "password file or the environment variable named in the settings."
            )
        )

    def _cic_esign_signer(self):
        """A pyHanko signer with the key and certificates of the PKCS#12 file."""
        self.ensure_one()
        path = self.sudo().cic_esign_pkcs12_path
        try:
            with open(path, "rb") as p12:
                data = p12.read()
        except OSError as error:
            raise UserError(
                self.env._(
                    "The signing certificate file %(path)s cannot be read "
                    "(%(error)s).",
                    path=path,
                    error=error.strerror,
                )
            ) from error
        try:
            key, cert, chain = pkcs12.load_key_and_certificates(
                data, self._cic_esign_password()
            )
        except ValueError as error:
            raise UserError(
                self.env._(
                    "The signing certificate file cannot be opened: wrong password "
                    "or not a PKCS#12 file."
                )
            ) from error
        if not key or not cert:
            raise UserError(
                self.env._(
                    "The signing certificate file holds no private key and "
                    "certificate."
                )
            )
        der = serialization.Encoding.DER
        registry = SimpleCertificateStore()
        registry.register_multiple(
            [asn1_x509.Certificate.load(c.public_bytes(der)) for c in chain or []]
        )
        return signers.SimpleSigner(
            signing_cert=asn1_x509.Certificate.load(cert.public_bytes(der)),
            signing_key=asn1_keys.PrivateKeyInfo.load(
                key.private_bytes(
                    der,
                    serialization.PrivateFormat.PKCS8,
                    serialization.NoEncryption(),
                )
            ),
            cert_registry=registry,
        )

    def _cic_esign_stamp_style(self):
        """The visible box: who signed and when, in the language of ``self.env``."""
        text = "\n".join(
            (
                self.env._("Electronically signed by:"),
                "%(signer)s",
                self.env._("Signing date:") + " %(signed_at)s",
            )
        )
        return stamp.TextStampStyle(
            stamp_text=text,
            # The same size for the shaping (the factory) and the layout (the box),
            # or the lines are laid out with the widths of another size.
            text_box_style=TextBoxStyle(
                font=GlyphAccumulatorFactory(file_path(STAMP_FONT), font_size=9),
                font_size=9,
            ),
        )

    def _cic_esign_pdf(self, pdf, reason):
        """Return ``pdf`` (bytes) signed with the company's certificate (PAdES
        B-B), with a visible signature box on its last page, and the name of the
        signer (common name of the certificate)."""
        self.ensure_one()
        signer = self._cic_esign_signer()
        try:
            writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
            sig_fields.append_signature_field(
                writer,
                sig_fields.SigFieldSpec(SIGNATURE_FIELD, on_page=-1, box=SIGNATURE_BOX),
            )
            metadata = signers.PdfSignatureMetadata(
                field_name=SIGNATURE_FIELD,
                md_algorithm="sha256",
                subfilter=sig_fields.SigSeedSubFilter.PADES,
                reason=reason,
                location=self.city or None,
            )
            pdf_signer = signers.PdfSigner(
                metadata, signer=signer, stamp_style=self._cic_esign_stamp_style()
            )
            # The time in the box is the institution's (pyHanko's own is the server's).
            signed_at = datetime.datetime.now(pytz.timezone(INSTITUTION_TZ))
            with _quiet_font_subsetting():
                signed = pdf_signer.sign_pdf(
                    writer,
                    appearance_text_params={
                        "signed_at": signed_at.strftime("%d.%m.%Y %H:%M:%S %Z")
                    },
                ).getvalue()
        except (PdfError, ValueError, KeyError) as error:
            raise UserError(
                self.env._("The letter could not be signed: %(error)s", error=error)
            ) from error
        subject = signer.signing_cert.subject.native
        return signed, subject.get(
            "common_name"
        ) or signer.signing_cert.subject.human_friendly
