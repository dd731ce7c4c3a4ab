# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Online form fields set by the administrator (issue 16 point 3): the
administrator builds a service in the browser, a citizen files it, the clerk
reads the answers; the legal minimum of a procedure stays whatever is edited."""

import io

from werkzeug.datastructures import FileStorage

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import CicPortalHttpCase

SERVICE = "Tur autorizație de foraj"


@tagged("post_install", "-at_install")
class TestServiceFields(CicPortalHttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.admin = new_test_user(
            cls.env,
            login="cic_form_admin",
            groups="base.group_user,base.group_system,cic_registry.group_cic_manager",
            name="Adriana Administrator",
        )
        cls.clerk = new_test_user(
            cls.env,
            login="cic_form_clerk",
            groups="cic_registry.group_cic_clerk",
            name="Cristina Registratură",
        )
        cls.answer_format = cls.env.ref("cic_portal.service_field_foi_answer_format")
        Field = cls.env["cic.service.field"]
        cls.depth = Field.create(
            {
                "service_id": cls.free_service.id,
                "name": "Adâncime (m)",
                "field_type": "number",
                "required": True,
            }
        )
        cls.water_use = Field.create(
            {
                "service_id": cls.free_service.id,
                "name": "Folosința apei",
                "field_type": "choice",
                "options": "casnic|Casnică\nindustrial|Industrială",
            }
        )

    # ------------------------------------------------------------------
    # The whole journey: administrator, citizen, clerk
    # ------------------------------------------------------------------
    def test_admin_builds_service_citizen_files_clerk_reads(self):
        self.start_tour(
            "/odoo/action-cic_portal.action_cic_service",
            "cic_portal_admin_service_tour",
            login="cic_form_admin",
        )
        service = self.env["cic.service"].search([("name", "=", SERVICE)])
        self.assertEqual(len(service), 1)
        self.assertEqual(service.create_uid, self.admin)
        self.assertEqual(service.category_id.name, "Tur mediu")
        self.assertEqual(service.procedure_id.code, "tour_drilling")
        self.assertEqual(service.term_days, 30)
        self.assertEqual(service.department_id.name, "Tur Serviciul Mediu")
        self.assertIn("actul de identitate", service.required_documents)
        depth, use = service.form_field_ids.sorted(lambda f: (f.sequence, f.id))
        self.assertEqual(
            (depth.name, depth.field_type, depth.required),
            ("Adâncimea forajului în metri", "number", True),
        )
        self.assertEqual((use.field_type, use.required), ("choice", False))
        self.assertEqual(
            use._cic_options(), [("casnic", "Casnică"), ("industrial", "Industrială")]
        )

        # The citizen files it: bad answers are refused with a message.
        self.authenticate("cic_portal_a", "cic_portal_a")
        url = f"/cic/services/{service.slug}/apply"
        page = self.url_open(url)
        self.assertIn(f'name="{depth.key}"', page.text)
        self.assertIn('value="industrial"', page.text)
        subject = "Foraj pentru apă menajeră"
        for bad in (
            {depth.key: "adânc", use.key: "casnic"},
            {depth.key: "", use.key: "casnic"},
            {depth.key: "12", use.key: "piscină"},
        ):
            with self.subTest(bad=bad):
                response = self._submit(
                    url, self._petition_data(subject=subject, **bad)
                )
                self.assertEqual(response.status_code, 200)
                self.assertIn('id="cic_form_error"', response.text)
                wrong = depth.key if bad[depth.key] != "12" else use.key
                self.assertIn(f'id="cic_err_{wrong}"', response.text)
                self.assertFalse(self._tickets(subject))
        good = self._petition_data(
            subject=subject, **{depth.key: "12,5", use.key: "casnic"}
        )
        response = self._submit(url, good)
        self.assertEqual(response.status_code, 303)
        ticket = self._tickets(subject)
        self.assertEqual(ticket.cic_service_id, service)
        self.assertEqual(ticket.team_id, service.department_id)
        self.assertEqual(ticket.partner_id, self.portal_a.partner_id)

        # The clerk reads the answers on the request.
        answers = ticket.with_user(self.clerk).cic_form_answer_ids
        self.assertEqual(answers.mapped("name"), [depth.name, use.name])
        self.assertEqual(answers.mapped("value"), ["12.5", "Casnică"])
        self.assertEqual(answers[0].value_number, 12.5)
        self.assertEqual(answers[1].value_code, "casnic")
        # ... and the citizen on his request page.
        page = self.url_open(f"/my/requests/{ticket.id}")
        self.assertIn("o_cic_form_answers", page.text)
        self.assertIn("Casnică", page.text)

    # ------------------------------------------------------------------
    # Parsing by type
    # ------------------------------------------------------------------
    def _parse(self, field, raw=None, upload=None):
        files = {field.key: upload} if upload else {}
        return field._cic_parse_form({field.key: raw}, files)

    def test_number_parsing(self):
        for raw, number in (("12,5", 12.5), ("1.234,5", 1234.5), (" 7 ", 7.0)):
            answers, errors = self._parse(self.depth, raw)
            self.assertFalse(errors, raw)
            self.assertEqual(answers[0]["value_number"], number)
        for raw in ("abc", "nan", "inf", "1e999", "12,5,3"):
            answers, errors = self._parse(self.depth, raw)
            self.assertIn(self.depth.key, errors, raw)
            self.assertFalse(answers)

    def test_date_parsing(self):
        learned = self.env.ref("cic_portal.service_field_foi_complaint_learned_date")
        for raw in ("2026-03-02", "02.03.2026", "2/3/2026"):
            answers, errors = self._parse(learned, raw)
            self.assertFalse(errors, raw)
            self.assertEqual(str(answers[0]["value_date"]), "2026-03-02")
            self.assertEqual(answers[0]["value"], "02.03.2026")
        for raw in ("31.02.2026", "mâine", "2026-13-01", "01.01.1200"):
            self.assertIn(learned.key, self._parse(learned, raw)[1], raw)
        # Optional: left empty, no answer and no error.
        self.assertEqual(self._parse(learned, ""), ([], {}))

    def test_choice_among_options(self):
        answers, errors = self._parse(self.water_use, "industrial")
        self.assertEqual((answers[0]["value"], errors), ("Industrială", {}))
        self.assertIn(self.water_use.key, self._parse(self.water_use, "Industrială")[1])

    def test_file_type_and_size_as_the_attachments(self):
        scan = self.env["cic.service.field"].create(
            {
                "service_id": self.free_service.id,
                "name": "Plan de situație",
                "field_type": "file",
                "required": True,
            }
        )
        pdf = FileStorage(io.BytesIO(b"%PDF-1.4 plan"), filename="plan.pdf")
        answers, errors = self._parse(scan, upload=pdf)
        self.assertFalse(errors)
        self.assertEqual(answers[0]["upload"][2], "application/pdf")
        fake = FileStorage(io.BytesIO(b"just text"), filename="plan.pdf")
        self.assertIn(scan.key, self._parse(scan, upload=fake)[1])
        self.assertIn(scan.key, self._parse(scan)[1], "a required file is missing")
        self.env["ir.config_parameter"].set_param("cic_portal.max_upload_mb", 1)
        big = FileStorage(io.BytesIO(b"%PDF-1.4" + b"0" * 1024 * 1024), "big.pdf")
        self.assertIn(scan.key, self._parse(scan, upload=big)[1])

    # ------------------------------------------------------------------
    # The legal minimum
    # ------------------------------------------------------------------
    def test_admin_cannot_remove_legal_minimum(self):
        field = self.answer_format.with_user(self.admin)
        self.assertTrue(field.legal)
        with self.assertRaises(UserError):
            field.unlink()
        with self.assertRaises(ValidationError):
            field.write({"required": False})
        with self.assertRaises(ValidationError):
            field.write({"field_type": "text"})
        with self.assertRaises(UserError):
            field.write({"key": "format_raspuns"})
        with self.assertRaises(UserError):
            field.write({"procedure_id": self.procedure_petition.id})
        # Relabelled and explained, it stays required.
        field.write({"name": "Cum doriți răspunsul", "help": "E-mail sau poștă"})
        self.assertTrue(self.answer_format.required)
        # The service's own fields are the administrator's to remove.
        self.depth.with_user(self.admin).unlink()
        self.assertFalse(self.depth.exists())

    def test_legal_minimum_enforced_without_its_record(self):
        """Even with its record gone (deleted in SQL), a Law 544 request without
        the answer format, or a service request without the postal address, is
        refused: the code holds the legal minimum."""
        self.env.cr.execute(
            "DELETE FROM cic_service_field WHERE id = %s", [self.answer_format.id]
        )
        self.env.invalidate_all()
        data = self._petition_data(subject="Cerere 544 fără format")
        response = self._submit("/cic/form/foi_request", data)
        self.assertEqual(response.status_code, 200)
        self.assertIn('id="cic_form_error"', response.text)
        self.assertFalse(self._tickets(data["subject"]))
        data = self._petition_data(subject="Serviciu fără adresă", street="")
        url = f"/cic/services/{self.free_service.slug}/apply"
        response = self._submit(url, dict(data, **{self.depth.key: "3"}))
        self.assertEqual(response.status_code, 200)
        self.assertFalse(self._tickets(data["subject"]))

    def test_key_checked(self):
        Field = self.env["cic.service.field"].with_user(self.admin)
        for key in ("email", "subject", "Adresă", "1st"):
            with self.subTest(key=key), self.assertRaises(ValidationError):
                Field.create(
                    {"service_id": self.free_service.id, "name": "X", "key": key}
                )
        with self.assertRaises(ValidationError):  # same name on the same form
            Field.create(
                {"service_id": self.free_service.id, "name": "Y", "key": self.depth.key}
            )
        with self.assertRaises(ValidationError):  # a choice without options
            Field.create(
                {
                    "service_id": self.free_service.id,
                    "name": "Z",
                    "field_type": "choice",
                }
            )

    # ------------------------------------------------------------------
    # Who reads what
    # ------------------------------------------------------------------
    def _answered_request(self, partner):
        ticket = self._make_request(partner, service=self.free_service)
        answers, errors = (self.depth | self.water_use)._cic_parse_form(
            {self.depth.key: "40", self.water_use.key: "casnic"}, {}
        )
        self.assertFalse(errors)
        return ticket, ticket._cic_store_form_answers(answers)

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.models")
    def test_citizen_cannot_read_anothers_answers(self):
        ticket, answers = self._answered_request(self.portal_a.partner_id)
        Answer = self.env["cic.request.form.answer"]
        domain = [("ticket_id", "=", ticket.id)]
        self.assertEqual(Answer.with_user(self.portal_a).search(domain), answers)
        self.assertFalse(Answer.with_user(self.portal_b).search(domain))
        with self.assertRaises(AccessError):
            answers.with_user(self.portal_b).read(["value"])
        # Nor can a department that does not handle the request.
        other = new_test_user(
            self.env, login="cic_form_dept", groups="cic_registry.group_cic_department"
        )
        self.assertFalse(Answer.with_user(other).search(domain))
        # Nobody but the form writes them.
        with self.assertRaises(AccessError):
            answers.with_user(self.clerk).write({"value": "altceva"})

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.models")
    def test_unpublished_service_fields_hidden_from_visitors(self):
        public = self.env.ref("base.public_user")
        Field = self.env["cic.service.field"].with_user(public)
        domain = [("service_id", "=", self.free_service.id)]
        self.assertEqual(Field.search(domain), self.depth | self.water_use)
        self.free_service.is_published = False
        self.assertFalse(Field.search(domain))
        self.assertTrue(
            Field.search([("id", "=", self.answer_format.id)]), "a procedure's form"
        )
        with self.assertRaises(AccessError):
            self.depth.with_user(self.portal_a).write({"required": False})
