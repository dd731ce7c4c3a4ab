"""Workflow results and registration numbers hold against any client.

Tried over JSON-RPC (``/web/dataset/call_kw``, as the web client or a script sends
it) by a department member and a CIC clerk, with a forged ``cic_workflow_write``
context: every field declared protected (approvals, extensions, refusals, closure,
complaint admission, ...) is refused, set or cleared, on create and on write; the
registration fields are refused on every model that takes a number. The honest
actions, as the role allowed, still work and are audited under the acting user.
"""

import base64

from rpc import call_kw
from security_matrix import Fixture

from odoo import fields
from odoo.tests import HttpCase, tagged

from odoo.addons.cic_audience.models.cic_audience_request import ACTION_FIELDS
from odoo.addons.cic_registry.models.cic_registration_mixin import (
    PROTECTED_FIELDS as REGISTRATION_FIELDS,
)

FORGED_CONTEXT = {"cic_workflow_write": True, "cic_registration_write": True}
FORGED_REGISTRATION = {
    "cic_registration_seq": 99999,
    "cic_registration_number": "99999/forged",
    "cic_registration_date": "2020-01-01 10:00:00",
    "cic_registration_year": 2020,
    "cic_registration_shared": True,
}
LEGACY_VALUES = {
    "cic_is_legacy": True,
    "cic_legacy_number": "777",
    "cic_legacy_date": "2020-01-01",
    "cic_legacy_year": 2020,
}


@tagged("post_install", "-at_install")
class TestWorkflowProtections(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.fx = Fixture(cls.env, prefix="wfsec")
        cls.users = cls.fx.users
        env = cls.fx.env
        petition = env.ref("cic_registry.procedure_petition")
        cls.ticket_c = (
            env["helpdesk.ticket"]
            .sudo()
            .create(
                {
                    "name": "wfsec petition with every result set",
                    "description": "<p>C</p>",
                    "partner_id": cls.fx.partner_a.id,
                    "team_id": cls.fx.team_1.id,
                    "cic_procedure_id": petition.id,
                }
            )
        )
        cls.official = env["cic.audience.official"].create(
            {"user_id": cls.users["staff_2"].id, "job_title": "wfsec"}
        )
        cls.request = env["cic.audience.request"].create(
            {
                "official_id": cls.official.id,
                "partner_id": cls.fx.partner_a.id,
                "subject": "wfsec audience",
            }
        )
        cls.samples = {
            "res.users": cls.users["staff_1"],
            "res.partner": cls.fx.partner_b,
            "helpdesk.ticket": cls.fx.ticket_b,
            "cic.audience.request": cls.request,
            "cic.institution": env["cic.institution"].create(
                {"name": "wfsec institution", "kind": "other"}
            ),
        }

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def login(self, role):
        login = self.users[role].login
        self.authenticate(login, login)

    def rpc(self, model, method, *args, **kwargs):
        """call_kw as the logged-in user: (result, None) or (None, error data)."""
        answer = call_kw(self, model, method, *args, **kwargs).json()
        if "error" in answer:
            return None, answer["error"]["data"]
        return answer["result"], None

    def assertRefused(self, error, kind, msg=None):
        self.assertTrue(error, msg)
        self.assertEqual(error["name"], f"odoo.exceptions.{kind}", msg)
        return error["message"]

    def protected_fields(self):
        return sorted(self.env["helpdesk.ticket"]._cic_protected_fields())

    def sample_value(self, name):
        """A value a forger could send for the protected field ``name``."""
        field = self.env["helpdesk.ticket"]._fields[name]
        if field.type == "many2one":
            record = self.samples.get(field.comodel_name)
            self.assertTrue(record, f"no sample {field.comodel_name} for {name}")
            return record.id
        if field.type == "selection":
            return field.get_values(self.env)[-1]
        return {
            "boolean": True,
            "integer": 7,
            "float": 7.0,
            "char": "forged",
            "text": "forged",
            "html": "<p>forged</p>",
            "binary": base64.b64encode(b"forged").decode(),
            "date": fields.Date.to_string(fields.Date.today()),
            "datetime": fields.Datetime.to_string(fields.Datetime.now()),
        }[field.type]

    def ticket_values(self, ticket, names):
        ticket.invalidate_recordset()
        return {name: ticket[name] for name in names}

    def audit_rows(self, ticket, label):
        return self.env["cic.audit.log"].search(
            [
                ("res_model", "=", "helpdesk.ticket"),
                ("res_id", "=", ticket.id),
                ("field_name", "=", label),
            ]
        )

    def label(self, name):
        field = self.env["helpdesk.ticket"]._fields[name]
        return field.get_description(self.env)["string"]

    def prepare_answer(self, ticket):
        ticket.sudo().write(
            {
                "cic_answer_body": "<p>Răspuns</p>",
                "cic_answer_legal_basis": "OG 27/2002 art. 8",
            }
        )

    # ------------------------------------------------------------------
    # Point 2: protected workflow fields
    # ------------------------------------------------------------------
    def test_forged_context_cannot_approve(self):
        """A department member sends the context key of the workflow actions to
        write the head's approval on an entry of his department."""
        ticket = self.fx.ticket_a
        self.prepare_answer(ticket)
        self.login("staff_1")
        staff = self.users["staff_1"]
        for name, value in (
            ("cic_head_approval_id", staff.id),
            ("cic_department_approval_id", staff.id),
        ):
            _result, error = self.rpc(
                "helpdesk.ticket",
                "write",
                [ticket.id],
                {name: value},
                context=FORGED_CONTEXT,
            )
            self.assertRefused(error, "AccessError", name)
        ticket.invalidate_recordset()
        self.assertFalse(ticket.cic_head_approval_id)
        self.assertFalse(ticket.cic_department_approval_id)

    def test_every_protected_field_refused_on_write(self):
        names = self.protected_fields()
        self.assertIn("cic_head_approval_id", names)
        ticket = self.fx.ticket_a
        before = self.ticket_values(ticket, names)
        for role in ("staff_1", "clerk"):
            self.login(role)
            for name in names:
                _result, error = self.rpc(
                    "helpdesk.ticket",
                    "write",
                    [ticket.id],
                    {name: self.sample_value(name)},
                    context=FORGED_CONTEXT,
                )
                self.assertRefused(error, "AccessError", f"{role} wrote {name}")
        self.assertEqual(self.ticket_values(ticket, names), before)

    def test_clearing_a_protected_field_refused(self):
        """Clearing an approval (or any other result) is as protected as setting
        it: with a falsy value, with and without the forged context."""
        names = self.protected_fields()
        ticket = self.ticket_c
        ticket.sudo().write({name: self.sample_value(name) for name in names})
        before = self.ticket_values(ticket, names)
        for role in ("staff_1", "clerk"):
            self.login(role)
            for name in names:
                for context in ({}, FORGED_CONTEXT):
                    _result, error = self.rpc(
                        "helpdesk.ticket",
                        "write",
                        [ticket.id],
                        {name: False},
                        context=context,
                    )
                    self.assertRefused(error, "AccessError", f"{role} cleared {name}")
        self.assertEqual(self.ticket_values(ticket, names), before)

    def test_every_protected_field_refused_on_create(self):
        Ticket = self.env["helpdesk.ticket"]
        self.login("clerk")
        for name in self.protected_fields():
            subject = f"wfsec forged {name}"
            _result, error = self.rpc(
                "helpdesk.ticket",
                "create",
                {
                    "name": subject,
                    "description": "<p>x</p>",
                    "team_id": self.fx.team_1.id,
                    name: self.sample_value(name),
                },
                context=FORGED_CONTEXT,
            )
            self.assertRefused(error, "AccessError", name)
            self.assertFalse(Ticket.search_count([("name", "=", subject)]), name)

    def test_every_protected_field_is_audited(self):
        """Every protected field is audited, except a file and its name (the
        audit log keeps the file's hash, not its content)."""
        Ticket = self.env["helpdesk.ticket"]
        audited = set(Ticket._cic_audited_fields())
        files = {
            n for n in self.protected_fields() if Ticket._fields[n].type == "binary"
        }
        for name in set(self.protected_fields()) - files - {f"{n}_name" for n in files}:
            self.assertIn(name, audited)

    def test_honest_approvals_audited_as_the_approver(self):
        ticket = self.fx.ticket_a
        self.prepare_answer(ticket)
        self.login("head_1")
        _result, error = self.rpc(
            "helpdesk.ticket", "action_cic_approve_department", [ticket.id]
        )
        self.assertFalse(error)
        self.login("secretary")
        _result, error = self.rpc(
            "helpdesk.ticket", "action_cic_approve_head", [ticket.id]
        )
        self.assertFalse(error)
        ticket.invalidate_recordset()
        self.assertEqual(ticket.cic_department_approval_id, self.users["head_1"])
        self.assertEqual(ticket.cic_head_approval_id, self.users["secretary"])
        for name, role in (
            ("cic_department_approval_id", "head_1"),
            ("cic_head_approval_id", "secretary"),
        ):
            rows = self.audit_rows(ticket, self.label(name))
            self.assertEqual(rows.user_id, self.users[role], name)
        # A department member cannot approve in the head's place.
        ticket.sudo().write({"cic_answer_legal_basis": "OG 27/2002 art. 9"})
        self.assertFalse(ticket.cic_department_approval_id)
        self.login("staff_1")
        _result, error = self.rpc(
            "helpdesk.ticket", "action_cic_approve_department", [ticket.id]
        )
        self.assertRefused(error, "AccessError")
        ticket.invalidate_recordset()
        self.assertFalse(ticket.cic_department_approval_id)

    def foi_request(self):
        return (
            self.env["helpdesk.ticket"]
            .sudo()
            .create(
                {
                    "name": "wfsec public-information request",
                    "description": "<p>Cer lista contractelor.</p>",
                    "partner_id": self.fx.partner_a.id,
                    "team_id": self.fx.team_1.id,
                    "cic_procedure_id": self.env.ref(
                        "cic_registry.procedure_foi_request"
                    ).id,
                }
            )
        )

    def test_honest_refusal_audited_as_the_clerk(self):
        request = self.foi_request()
        clerk = self.users["clerk"]
        self.login("clerk")
        wizard_id, error = self.rpc(
            "cic.foi.refuse",
            "create",
            {"ticket_id": request.id, "ground": "personal_data", "reason": "Date"},
        )
        self.assertFalse(error)
        _result, error = self.rpc("cic.foi.refuse", "action_confirm", [wizard_id])
        self.assertFalse(error)
        request.invalidate_recordset()
        self.assertEqual(request.cic_foi_refusal_ground, "personal_data")
        self.assertEqual(request.cic_closure_reason, "refused")
        for name in ("cic_foi_refusal_ground", "cic_foi_refusal_reason"):
            rows = self.audit_rows(request, self.label(name))
            self.assertEqual(rows.user_id, clerk, name)
        closure = self.audit_rows(request, self.label("cic_closure_reason"))
        self.assertEqual(closure.user_id, clerk)
        tracked = self.env["mail.message"].search(
            [
                ("model", "=", "helpdesk.ticket"),
                ("res_id", "=", request.id),
                ("tracking_value_ids.field_id.name", "=", "cic_closure_reason"),
            ]
        )
        self.assertEqual(tracked.author_id, clerk.partner_id)

    def test_complaint_admission_by_the_clerk_only(self):
        request = self.foi_request()
        today = self.env["cic.calendar"].today()
        complaint = (
            self.env["helpdesk.ticket"]
            .sudo()
            .create(
                {
                    "name": "wfsec complaint",
                    "description": "<p>Nu am primit răspuns.</p>",
                    "partner_id": self.fx.partner_a.id,
                    "team_id": self.fx.team_1.id,
                    "cic_procedure_id": self.env.ref(
                        "cic_registry.procedure_foi_complaint"
                    ).id,
                    "cic_foi_request_id": request.id,
                    "cic_complaint_type": "no_answer",
                    # not before the request's registration (today)
                    "cic_complaint_known_date": today,
                }
            )
        )
        self.assertTrue(complaint.cic_complaint_in_time)
        self.login("staff_1")
        _result, error = self.rpc(
            "helpdesk.ticket", "action_cic_complaint_accept", [complaint.id]
        )
        self.assertRefused(error, "AccessError")
        complaint.invalidate_recordset()
        self.assertEqual(complaint.cic_complaint_state, "new")
        self.login("clerk")
        _result, error = self.rpc(
            "helpdesk.ticket", "action_cic_complaint_accept", [complaint.id]
        )
        self.assertFalse(error)
        complaint.invalidate_recordset()
        self.assertEqual(complaint.cic_complaint_state, "accepted")
        rows = self.audit_rows(complaint, self.label("cic_complaint_state"))
        self.assertEqual(rows.user_id, self.users["clerk"])

    def test_audience_action_results_refused(self):
        """The official (his own requests) and the clerk cannot record who
        cancelled an audience, its event, its reminder or its petition."""
        request = self.request
        event = self.env["calendar.event"].create(
            {
                "name": "wfsec event",
                "start": "2030-01-08 08:00:00",
                "stop": "2030-01-08 08:30:00",
            }
        )
        forged = {
            "cancelled_by": "citizen",
            "petition_ticket_id": self.fx.ticket_b.id,
            "event_id": event.id,
            "reminder_sent": True,
        }
        self.assertEqual(set(forged), set(ACTION_FIELDS))
        before = request.read(list(ACTION_FIELDS))
        count = self.env["cic.audience.request"].search_count([])
        for role in ("staff_2", "clerk"):
            self.login(role)
            for name, value in forged.items():
                _result, error = self.rpc(
                    "cic.audience.request",
                    "write",
                    [request.id],
                    {name: value},
                    context=FORGED_CONTEXT,
                )
                self.assertRefused(error, "AccessError", f"{role} wrote {name}")
        for name, value in forged.items():
            _result, error = self.rpc(
                "cic.audience.request",
                "create",
                {
                    "official_id": self.official.id,
                    "partner_id": self.fx.partner_a.id,
                    "subject": "wfsec forged result",
                    name: value,
                },
            )
            self.assertRefused(error, "AccessError", name)
        request.invalidate_recordset()
        self.assertEqual(request.read(list(ACTION_FIELDS)), before)
        self.assertEqual(self.env["cic.audience.request"].search_count([]), count)
        # The honest cancellation by the clerk is recorded as the institution's.
        _result, error = self.rpc("cic.audience.request", "action_cancel", [request.id])
        self.assertFalse(error)
        request.invalidate_recordset()
        self.assertEqual(
            (request.state, request.cancelled_by), ("cancel", "institution")
        )

    # ------------------------------------------------------------------
    # Point 3: registration fields
    # ------------------------------------------------------------------
    def registration_cases(self):
        """(model, create values, record) of every model that takes a number."""
        return (
            (
                "helpdesk.ticket",
                {
                    "name": "wfsec forged number",
                    "description": "<p>x</p>",
                    "team_id": self.fx.team_1.id,
                    "partner_id": self.fx.partner_a.id,
                    "cic_procedure_id": self.env.ref(
                        "cic_registry.procedure_petition"
                    ).id,
                },
                self.fx.ticket_a,
            ),
            (
                "cic.audience.request",
                {
                    "official_id": self.official.id,
                    "partner_id": self.fx.partner_a.id,
                    "subject": "wfsec forged number",
                },
                self.request,
            ),
        )

    def test_registration_fields_refused_on_create(self):
        self.assertEqual(set(FORGED_REGISTRATION), set(REGISTRATION_FIELDS))
        self.login("clerk")
        for model, values, _record in self.registration_cases():
            Model = self.env[model]
            count = Model.search_count([])
            for name, value in FORGED_REGISTRATION.items():
                _result, error = self.rpc(
                    model, "create", {**values, name: value}, context=FORGED_CONTEXT
                )
                message = self.assertRefused(error, "UserError", f"{model} {name}")
                self.assertIn("set by the server", message)
            self.assertEqual(Model.search_count([]), count, model)

    def test_registration_fields_refused_on_write(self):
        self.login("clerk")
        for model, _values, record in self.registration_cases():
            self.assertTrue(record.cic_registration_number, model)
            before = record.read(list(REGISTRATION_FIELDS))
            for name, value in FORGED_REGISTRATION.items():
                _result, error = self.rpc(
                    model, "write", [record.id], {name: value}, context=FORGED_CONTEXT
                )
                message = self.assertRefused(error, "UserError", f"{model} {name}")
                self.assertIn("set by the server", message)
                _result, error = self.rpc(model, "write", [record.id], {name: False})
                self.assertRefused(error, "UserError", f"{model} cleared {name}")
            record.invalidate_recordset()
            self.assertEqual(record.read(list(REGISTRATION_FIELDS)), before, model)

    def test_legacy_fields_refused(self):
        """A clerk cannot dodge the numbering by calling his entry a legacy one
        with an original number of his choosing: only the legacy import sets
        them."""
        model, values, record = self.registration_cases()[0]
        self.login("clerk")
        count = self.env[model].search_count([])
        for name, value in LEGACY_VALUES.items():
            _result, error = self.rpc(
                model, "create", {**values, name: value}, context=FORGED_CONTEXT
            )
            self.assertRefused(error, "UserError", name)
            _result, error = self.rpc(model, "write", [record.id], {name: value})
            self.assertRefused(error, "UserError", name)
        self.assertEqual(self.env[model].search_count([]), count)
        record.invalidate_recordset()
        self.assertFalse(record.cic_is_legacy)

    def test_honest_creation_numbered_by_the_server(self):
        """The same clerk creating the same entry without forged values gets the
        next number of the register."""
        self.login("clerk")
        for model, values, record in self.registration_cases():
            new_id, error = self.rpc(model, "create", values)
            self.assertFalse(error, model)
            new = self.env[model].browse(new_id)
            self.assertTrue(new.cic_registration_number, model)
            self.assertNotEqual(new.cic_registration_number, "99999/forged")
            self.assertGreater(new.cic_registration_seq, 0)
            self.assertNotEqual(
                new.cic_registration_seq, record.cic_registration_seq, model
            )
