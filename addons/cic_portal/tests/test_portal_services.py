# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The portal's decisions as model methods (issue 18 point 4), called as the
person the portal calls them for: the visitor (public user) or the citizen
(portal user). The HTTP journeys over them are test_portal_forms, test_tracking,
test_audience and test_rating."""

import io
from datetime import timedelta

from werkzeug.datastructures import FileStorage

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged

from .common import CicPortalCommon

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@tagged("post_install", "-at_install")
class TestPortalServices(CicPortalCommon, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_cic_portal()
        cls.public = cls.env.ref("base.public_user")
        cls.Submission = cls.env["cic.portal.submission"]

    def _as(self, user, model="cic.portal.submission"):
        return self.env[model].with_user(user)

    def _form(self, **overrides):
        return {
            "first_name": "Maria",
            "last_name": "Stoica",
            "email": "maria.stoica@example.com",
            "phone": "0722111222",
            "street": "Strada Florilor",
            "street_number": "7",
            "locality": "Exemplu",
            "zip": "500002",
            **overrides,
        }

    def _register(self, user, token, subject="Cerere prin serviciu", **options):
        Submission = self._as(user)
        form = self._form()
        vals = {
            "name": subject,
            "description": "<p>Text</p>",
            "cic_procedure_id": self.procedure_petition.id,
            **Submission._cic_petitioner_address_vals(form),
        }
        return Submission._cic_register_ticket(
            token, vals, Submission._cic_citizen_partner_vals(form), **options
        )

    # ------------------------------------------------------------------
    # Submission service
    # ------------------------------------------------------------------
    def test_visitor_registers_once_per_token(self):
        partners_before = self.env["res.partner"].search_count([])
        ticket = self._register(
            self.public,
            "tok-visitor",
            uploads=[("cerere.pdf", PDF, "application/pdf")],
            throttle_keys=["203.0.113.7"],
        )
        self.assertEqual(ticket.cic_procedure_id, self.procedure_petition)
        self.assertTrue(ticket.cic_portal_origin)
        self.assertTrue(ticket.cic_visitor_unconfirmed)
        self.assertEqual(ticket.partner_id.name, "Maria Stoica")
        self.assertEqual(ticket.cic_petitioner_street, "Strada Florilor 7")
        self.assertTrue(ticket.access_token)
        # The visitor's file, attached as the visitor: "sent by the petitioner".
        sent = ticket._cic_citizen_attachments()
        self.assertEqual(sent.mapped("name"), ["cerere.pdf"])
        self.assertEqual(sent.create_uid, self.public)
        throttle = self.env["cic.portal.throttle"].search(
            [("kind", "=", "submit"), ("client_key", "=", "203.0.113.7")]
        )
        self.assertEqual(len(throttle), 1)
        # The same form sent again: the same entry, no second contact.
        again = self._register(self.public, "tok-visitor")
        self.assertEqual(again, ticket)
        self.assertEqual(self.env["res.partner"].search_count([]), partners_before + 1)

    def test_citizen_files_as_himself(self):
        ticket = self._register(self.portal_a, "tok-citizen")
        self.assertEqual(ticket.partner_id, self.portal_a.partner_id)
        self.assertFalse(ticket.cic_visitor_unconfirmed)
        self.assertFalse(ticket.cic_filed_by_partner_id)

    def test_unbound_organisation_is_not_the_petitioner(self):
        """A citizen quoting an organisation's CUI he is not bound to files as
        himself."""
        self.assertIsNone(
            self._as(self.portal_a)._cic_verified_organisation("RO18547290")
        )
        self.assertIsNone(self._as(self.public)._cic_verified_organisation("18547290"))

    def test_form_token(self):
        Submission = self._as(self.public)
        token = Submission._cic_new_form_token()
        uid = Submission._cic_check_form_token(token)
        self.assertEqual(len(uid), 32)
        for forged in ("", "abc", token[:-2] + "xx"):
            with self.assertRaises(UserError):
                Submission._cic_check_form_token(forged)
        self.env["ir.config_parameter"].sudo().set_param(
            "cic_portal.min_fill_seconds", 3600
        )
        with self.assertRaisesRegex(UserError, "too quickly"):
            Submission._cic_check_form_token(token)

    def test_uploads_are_limited(self):
        def upload(name, data=PDF):
            return FileStorage(stream=io.BytesIO(data), filename=name)

        Submission = self._as(self.public)
        accepted = Submission._cic_read_uploads([upload("a.pdf"), upload("")])
        self.assertEqual([name for name, _data, _type in accepted], ["a.pdf"])
        with self.assertRaisesRegex(UserError, "at most 5"):
            Submission._cic_read_uploads([upload(f"{i}.pdf") for i in range(6)])
        with self.assertRaises(UserError):
            Submission._cic_read_uploads([upload("virus.exe", b"MZ\x90\x00")])

    # ------------------------------------------------------------------
    # Tracking
    # ------------------------------------------------------------------
    def test_tracking_url_and_receipt_qr(self):
        self.env["ir.config_parameter"].sudo().set_param(
            "web.base.url", "https://primaria.example.ro"
        )
        ticket = self._make_request(self.portal_a.partner_id, name="Chitanță QR")
        number = ticket.cic_registration_number.replace("/", "%2F")
        self.assertEqual(
            ticket._cic_tracking_url(),
            f"https://primaria.example.ro/cic/track?number={number}"
            f"&code={ticket.cic_access_code}",
        )
        html, _type = self.env["ir.actions.report"]._render_qweb_html(
            "cic_registry.action_report_registration_receipt", ticket.ids
        )
        html = html.decode()
        # Odoo's barcode widget: a QR code inlined as a PNG data URI.
        self.assertIn('src="data:image/png;base64,iVBORw0KGgo', html)
        self.assertIn("/cic/track?number=", html)

    def test_track_lookup_as_visitor(self):
        ticket = self._make_request(self.portal_a.partner_id, name="Urmărire model")
        Ticket = self._as(self.public, "helpdesk.ticket")
        code = ticket.cic_access_code.replace("-", " ").lower()
        found, error = Ticket._cic_track_lookup(
            ticket.cic_registration_number, code, "198.51.100.1"
        )
        self.assertEqual(found, ticket)
        self.assertIsNone(error)
        wrong, error = Ticket._cic_track_lookup(
            ticket.cic_registration_number, "AAAA-AAAA-AAAA", "198.51.100.1"
        )
        unknown, error_unknown = Ticket._cic_track_lookup(
            "999999/01.01.2000", ticket.cic_access_code, "198.51.100.1"
        )
        self.assertFalse(wrong or unknown)
        self.assertEqual(error, error_unknown)

    def test_track_lockout(self):
        self.env["ir.config_parameter"].sudo().set_param(
            "cic_portal.track_max_failures", 2
        )
        ticket = self._make_request(self.portal_a.partner_id, name="Blocare model")
        Ticket = self._as(self.public, "helpdesk.ticket")
        for _i in range(2):
            Ticket._cic_track_lookup("1/01.01.2000", "AAAA-AAAA-AAAA", "192.0.2.9")
        found, error = Ticket._cic_track_lookup(
            ticket.cic_registration_number, ticket.cic_access_code, "192.0.2.9"
        )
        self.assertFalse(found)
        self.assertIn("15", error)
        # Another client is not locked out.
        found, _error = Ticket._cic_track_lookup(
            ticket.cic_registration_number, ticket.cic_access_code, "192.0.2.10"
        )
        self.assertEqual(found, ticket)

    # ------------------------------------------------------------------
    # Audience booking
    # ------------------------------------------------------------------
    def _free_slot(self, official):
        today = self.env["cic.calendar"].today()
        slots = official._get_free_slots(today, today + timedelta(days=21))
        return fields.Datetime.to_string(slots[0]["start"])

    def test_citizen_books_once_per_token(self):
        official = self._weekday_official("cic_srv_mayor", "Primar Serviciu")
        slot = self._free_slot(official)
        Audience = self._as(self.portal_a, "cic.audience.request")
        vals = {"official_id": official.id, "subject": "Audiență model"}
        audience = Audience._cic_portal_book(vals, slot, "tok-audience")
        self.assertEqual(audience.partner_id, self.portal_a.partner_id)
        self.assertEqual(audience.channel, "online")
        self.assertEqual(audience.state, "scheduled")
        self.assertEqual(fields.Datetime.to_string(audience.slot_start), slot)
        self.assertEqual(
            Audience._cic_portal_book(vals, slot, "tok-audience"), audience
        )
        self.assertEqual(
            self.env["cic.audience.request"].search_count(
                [("subject", "=", "Audiență model")]
            ),
            1,
        )

    def test_booking_refusals(self):
        official = self._weekday_official("cic_srv_mayor2", "Primar Refuz")
        slot = self._free_slot(official)
        vals = {"official_id": official.id, "subject": "Audiență refuzată"}
        with self.assertRaises(UserError):
            self._as(self.public, "cic.audience.request")._cic_portal_book(
                vals, slot, "tok-public"
            )
        Audience = self._as(self.portal_b, "cic.audience.request")
        with self.assertRaises(UserError):
            Audience._cic_portal_book(vals, "not a date", "tok-bad-slot")
        official.published = False
        with self.assertRaises(UserError):
            Audience._cic_portal_book(vals, slot, "tok-unpublished")
        self.assertFalse(
            self.env["cic.audience.request"].search(
                [("subject", "=", "Audiență refuzată")]
            )
        )

    # ------------------------------------------------------------------
    # Rating (the hook the satisfaction rework rewires)
    # ------------------------------------------------------------------
    def test_rate_closed_request_once(self):
        ticket = self._make_request(self.portal_a.partner_id, name="Evaluare model")
        mine = ticket.with_user(self.portal_a)
        self.assertFalse(mine._cic_rate("5", "Foarte bine"))  # still open
        ticket.stage_id = self.env["helpdesk.ticket.stage"].search(
            [("closed", "=", True)], limit=1
        )
        self.assertFalse(mine._cic_rate("9"))
        self.assertTrue(mine._cic_rate("4", "  Bine  "))
        self.assertFalse(mine._cic_rate("1"))
        # an anonymous answer of the satisfaction survey (cic_performance)
        answer = self.env["survey.user_input"].search(
            [("cic_procedure_id", "=", ticket.cic_procedure_id.id)],
            order="id desc",
            limit=1,
        )
        self.assertFalse(answer.partner_id)
        lines = answer.user_input_line_ids
        scale = lines.filtered(lambda line: line.answer_type == "scale")
        self.assertEqual(scale.value_scale, 4)
        self.assertIn("Bine", lines.mapped("value_text_box"))
