"""CNP and internal fields, attacked over JSON-RPC by the role that would abuse them
(issue 14, points 12 and 14).

Before: a clerk read every full CNP with read/search_read/web_read and exported
them (the export was only logged); searches on the CNP left no trace; a citizen
read the draft answer, the internal notes and deadline of his own entry over
JSON-RPC; the anonymisation of an entry left the petitioner's name in the
audit log, the tracking values, the representative and filer fields, the CNP
access log and the audience's calendar event.
"""

from rpc import call_kw
from security_matrix import SAMPLE_CNP, Fixture

from odoo import fields
from odoo.tests import HttpCase, tagged

MASK = "**********144"
# Back-office fields of an entry that its citizen must not read.
INTERNAL_FIELDS = (
    "cic_answer_body",
    "cic_answer_legal_basis",
    "notes",
    "cic_internal_due_date",
    "cic_resolution",
    "cic_department_approval_id",
    "cic_head_approval_id",
    "cic_criticised_user_ids",
)


class RpcMixin:
    def rpc(self, role, model, method, *args, **kwargs):
        """The JSON-RPC answer of /web/dataset/call_kw as ``role``."""
        login = self.fx.users[role].login
        self.authenticate(login, login)
        response = call_kw(self, model, method, *args, **kwargs)
        self.assertEqual(response.status_code, 200, "an error, never a 500")
        return response.json()

    def call(self, role, model, method, *args, **kwargs):
        answer = self.rpc(role, model, method, *args, **kwargs)
        self.assertNotIn("error", answer, f"{role} {method}")
        return answer.get("result")

    def assertDenied(self, role, model, method, *args, **kwargs):
        """The call fails; return the error message shown to the user."""
        answer = self.rpc(role, model, method, *args, **kwargs)
        self.assertIn("error", answer, f"{role} {method} was allowed")
        return answer["error"]["data"]["message"]


@tagged("post_install", "-at_install")
class TestCnpJsonRpc(RpcMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.fx = Fixture(cls.env, prefix="cnpsec")
        export = cls.env.ref("base.group_allow_export")
        for role in ("clerk", "secretary", "admin"):
            cls.fx.users[role].groups_id += export
        cls.partner = cls.fx.partner_a

    def log_rows(self, **where):
        domain = [(key, "=", value) for key, value in where.items()]
        return self.env["cic.cnp.access.log"].sudo().search(domain)

    def test_clerk_reads_only_the_mask(self):
        pid = self.partner.id
        reads = {
            "read": ("read", [pid], ["cic_cnp"]),
            "search_read": ("search_read", [("id", "=", pid)], ["cic_cnp"]),
            "web_read": ("web_read", [pid], {"cic_cnp": {}}),
            "web_search_read": ("web_search_read", [("id", "=", pid)], {"cic_cnp": {}}),
        }
        for role in ("clerk", "secretary", "admin"):
            for how, (method, *args) in reads.items():
                result = self.call(role, "res.partner", method, *args)
                self.assertNotIn(SAMPLE_CNP, str(result), f"{role} {how}")
                self.assertIn(MASK, str(result), f"{role} {how}")
        # Through the petitioner of an entry, as the ticket form would ask.
        result = self.call(
            "clerk",
            "helpdesk.ticket",
            "web_read",
            [self.fx.ticket_a.id],
            {"partner_id": {"fields": {"cic_cnp": {}}}},
        )
        self.assertNotIn(SAMPLE_CNP, str(result))
        self.assertEqual(self.partner.sudo().cic_cnp, SAMPLE_CNP, "nothing changed")

    def test_export_of_the_cnp_is_refused_for_every_role(self):
        before = len(self.log_rows())
        for role in ("clerk", "secretary", "admin"):
            error = self.assertDenied(
                role,
                "res.partner",
                "export_data",
                [self.partner.id],
                ["name", "cic_cnp"],
            )
            self.assertIn("cannot be exported", error)
            self.assertDenied(
                role,
                "helpdesk.ticket",
                "export_data",
                [self.fx.ticket_a.id],
                ["name", "partner_id/cic_cnp"],
            )
        # The export dialog does not offer it; the mask stays exportable.
        self.authenticate(self.fx.users["clerk"].login, self.fx.users["clerk"].login)
        offered = self.make_jsonrpc_request(
            "/web/export/get_fields", {"model": "res.partner", "domain": []}
        )
        names = [item["id"] for item in offered]
        self.assertNotIn("cic_cnp", names)
        rows = self.call(
            "clerk", "res.partner", "export_data", [self.partner.id], ["cic_cnp_masked"]
        )
        self.assertEqual(rows["datas"], [[MASK]])
        self.assertEqual(len(self.log_rows()), before, "nothing was revealed")

    def test_search_on_the_cnp_is_logged_masked(self):
        clerk = self.fx.users["clerk"]
        count = self.call(
            "clerk", "res.partner", "search_count", [("cic_cnp", "=", SAMPLE_CNP)]
        )
        self.assertEqual(count, 1)
        rows = self.log_rows(user_id=clerk.id, access_type="search")
        self.assertEqual(len(rows), 1)
        self.assertIn("144", rows.search_value)
        self.assertNotIn(SAMPLE_CNP, rows.search_value)
        # Through another model's domain too.
        self.call(
            "clerk",
            "helpdesk.ticket",
            "search_read",
            [("partner_id.cic_cnp", "ilike", SAMPLE_CNP[:9])],
            ["name"],
        )
        rows = self.log_rows(user_id=clerk.id, access_type="search")
        self.assertEqual(len(rows), 2)
        self.assertNotIn(SAMPLE_CNP[:9], " ".join(rows.mapped("search_value")))

    def test_group_by_the_cnp_is_masked_and_logged(self):
        clerk = self.fx.users["clerk"]
        result = self.call(
            "clerk",
            "res.partner",
            "web_read_group",
            [("id", "=", self.partner.id)],
            ["cic_cnp"],
            ["cic_cnp"],
        )
        self.assertNotIn(SAMPLE_CNP, str(result))
        self.assertIn(MASK, str(result))
        result = self.call(
            "clerk",
            "res.partner",
            "read_group",
            [("id", "=", self.partner.id)],
            ["cic_cnp:max"],
            ["name"],
        )
        self.assertNotIn(SAMPLE_CNP, str(result))
        rows = self.log_rows(user_id=clerk.id, access_type="group")
        self.assertEqual(len(rows), 2)

    def test_reveal_asks_a_reason_and_logs_it(self):
        clerk = self.fx.users["clerk"]
        action = self.call(
            "clerk", "res.partner", "action_cic_reveal_cnp", [self.partner.id]
        )
        self.assertEqual(action["res_model"], "cic.cnp.reveal")
        blank = self.call(
            "clerk",
            "cic.cnp.reveal",
            "create",
            {"partner_id": self.partner.id, "reason": "  "},
        )
        error = self.assertDenied("clerk", "cic.cnp.reveal", "action_reveal", [blank])
        self.assertIn("reason", error)
        self.assertFalse(self.log_rows(user_id=clerk.id, access_type="reveal"))
        wizard = self.call(
            "clerk",
            "cic.cnp.reveal",
            "create",
            {"partner_id": self.partner.id, "reason": "Certificat nr. 12/2026"},
        )
        shown = self.call("clerk", "cic.cnp.reveal", "action_reveal", [wizard])
        self.assertEqual(shown["params"]["message"], SAMPLE_CNP)
        row = self.log_rows(user_id=clerk.id, access_type="reveal")
        self.assertEqual(len(row), 1)
        self.assertEqual(row.partner_id, self.partner)
        self.assertEqual(row.reason, "Certificat nr. 12/2026")

    def test_other_roles_cannot_reveal(self):
        wizard = (
            self.env["cic.cnp.reveal"]
            .with_user(self.fx.users["clerk"])
            .create({"partner_id": self.partner.id, "reason": "Dosar"})
        )
        for role in ("staff_1", "head_1", "auditor", "portal_a", "portal_b"):
            self.assertDenied(
                role, "res.partner", "action_cic_reveal_cnp", [self.partner.id]
            )
            self.assertDenied(
                role,
                "cic.cnp.reveal",
                "create",
                {"partner_id": self.partner.id, "reason": "curiozitate"},
            )
            self.assertDenied(role, "cic.cnp.reveal", "action_reveal", [wizard.id])
        self.assertFalse(self.log_rows(access_type="reveal"))


@tagged("post_install", "-at_install")
class TestInternalFieldsPortal(RpcMixin, HttpCase):
    """A citizen reads his own entry, not its back-office fields."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.fx = Fixture(cls.env, prefix="intsec")
        cls.ticket = cls.fx.ticket_a
        cls.ticket.sudo().write(
            {
                "cic_answer_body": "<p>SECRET-DRAFT answer</p>",
                "notes": "<p>SECRET-NOTE</p>",
                "cic_resolution": "SECRET-RESOLUTION",
            }
        )

    def test_citizen_cannot_read_internal_fields_of_his_entry(self):
        tid = self.ticket.id
        for fname in INTERNAL_FIELDS:
            self.assertDenied("portal_a", "helpdesk.ticket", "read", [tid], [fname])
            self.assertDenied(
                "portal_a",
                "helpdesk.ticket",
                "search_read",
                [("id", "=", tid)],
                [fname],
            )
            self.assertDenied(
                "portal_a", "helpdesk.ticket", "web_read", [tid], {fname: {}}
            )
        # Guessing the draft through a domain or a grouping fails as well.
        self.assertDenied(
            "portal_a",
            "helpdesk.ticket",
            "search_count",
            [("cic_answer_body", "ilike", "SECRET")],
        )
        self.assertDenied(
            "portal_a",
            "helpdesk.ticket",
            "read_group",
            [],
            ["cic_internal_due_date"],
            ["cic_internal_due_date"],
        )
        # The fields he may read leave them out.
        described = self.call("portal_a", "helpdesk.ticket", "fields_get")
        self.assertFalse(set(INTERNAL_FIELDS) & set(described))
        # The back office still reads them.
        rows = self.call("clerk", "helpdesk.ticket", "read", [tid], ["cic_answer_body"])
        self.assertIn("SECRET-DRAFT", rows[0]["cic_answer_body"])

    def test_portal_pages_still_work(self):
        login = self.fx.users["portal_a"].login
        self.authenticate(login, login)
        for url in ("/my/requests", f"/my/requests/{self.ticket.id}"):
            response = self.url_open(url)
            self.assertEqual(response.status_code, 200, url)
            self.assertNotIn("SECRET", response.text, url)
        self.assertIn(self.ticket.cic_registration_number, response.text)


@tagged("post_install", "-at_install")
class TestAnonymisationClearsEveryCopy(RpcMixin, HttpCase):
    """A petitioner with a copy of his data in every place an entry keeps one,
    anonymised by a clerk: afterwards no column of the database quotes his name,
    CNP, e-mail or phone."""

    NAME = "Zamfira Anonimizabilă"
    EMAIL = "zamfira.anonimizabila@example.org"
    PHONE = "0799123987"
    STREET = "Strada Ulmilor Ascunși 77"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        from stdnum.ro import cnp

        cls.CNP = "2911224" + "46002" + cnp.calc_check_digit("291122446002")
        env = cls.env
        cls.fx = Fixture(env, prefix="anonsec")
        clerk = cls.fx.users["clerk"]
        cls.person = env["res.partner"].create(
            {
                "name": cls.NAME,
                "email": cls.EMAIL,
                "phone": cls.PHONE,
                "street": cls.STREET,
                "cic_cnp": cls.CNP,
            }
        )
        organisation = env["res.partner"].create(
            {"name": "Asociația Test Anonimizare", "is_company": True}
        )
        procedure = env.ref("cic_registry.procedure_petition")
        Ticket = env["helpdesk.ticket"]
        cls.entry = Ticket.create(
            {
                "name": "Petiție de anonimizat",
                "description": f"<p>Subsemnata {cls.NAME}, {cls.STREET}</p>",
                "partner_id": cls.fx.partner_b.id,
                "team_id": cls.fx.team_1.id,
                "cic_procedure_id": procedure.id,
            }
        )
        # A correction of the petitioner: the audit log quotes the new one.
        cls.entry.with_user(clerk).write({"partner_id": cls.person.id})
        cls.entry.write(
            {
                "partner_email": cls.EMAIL,
                "notes": f"<p>Sunat la {cls.PHONE}</p>",
                "cic_answer_body": f"<p>Stimată doamnă {cls.NAME},</p>",
            }
        )
        cls.entry.message_post(
            body=f"Confirmare pentru {cls.NAME} ({cls.EMAIL})",
            message_type="notification",
        )
        cls.entry._message_log(
            body="",
            tracking_value_ids=[
                (
                    0,
                    0,
                    {
                        "field_id": env["ir.model.fields"]
                        ._get("helpdesk.ticket", "partner_name")
                        .id,
                        "old_value_char": "",
                        "new_value_char": cls.NAME,
                    },
                )
            ],
        )
        # Filed online on behalf of an organisation by the same person.
        cls.filed = Ticket.create(
            {
                "name": "Cerere pentru asociație",
                "description": "<p>Cerere</p>",
                "partner_id": organisation.id,
                "team_id": cls.fx.team_1.id,
                "cic_procedure_id": procedure.id,
                "cic_representative_name": cls.NAME,
                "cic_filed_by_partner_id": cls.person.id,
            }
        )
        # An access to the CNP (the log copies the name).
        env["cic.cnp.access.log"].with_user(clerk).sudo()._log_access(
            cls.person, "read"
        )
        # The audience the petition comes from, with its calendar event.
        official_user = cls.fx.users["secretary"]
        room = env["cic.audience.room"].create({"name": "Sala anonimizare"})
        official = env["cic.audience.official"].create(
            {"user_id": official_user.id, "job_title": "Primar", "room_id": room.id}
        )
        start = fields.Datetime.now().replace(microsecond=0)
        cls.audience = env["cic.audience.request"].create(
            {
                "official_id": official.id,
                "partner_id": cls.person.id,
                "subject": "Audiență anonimizare",
                "description": f"{cls.NAME} cere audiență",
                "room_id": room.id,
                "slot_start": start,
                "slot_stop": fields.Datetime.add(start, minutes=30),
                "ticket_id": cls.entry.id,
            }
        )
        cls.audience._sync_event()
        cls.selection = env["cic.archive.selection"].create(
            {
                "name": "Selecție anonimizare",
                "decision_number": "PV 9",
                "decision_date": "2026-01-15",
                "ticket_ids": [(6, 0, (cls.entry | cls.filed).ids)],
                "state": "decided",
            }
        )

    def quotes(self, needles):
        """(table, column) of every text column of the database that contains one
        of ``needles``."""
        self.env.flush_all()
        cr = self.env.cr
        cr.execute(
            """SELECT c.table_name, array_agg(c.column_name::text)
                 FROM information_schema.columns c
                 JOIN information_schema.tables t
                   ON t.table_name = c.table_name AND t.table_schema = c.table_schema
                WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
                  AND c.data_type IN ('character varying', 'text', 'jsonb')
                  AND c.table_name NOT IN ('bus_bus', 'ir_logging')
             GROUP BY c.table_name"""
        )
        patterns = [f"%{needle}%" for needle in needles]
        found = []
        for table, columns in cr.fetchall():
            for column in columns:
                cr.execute(
                    f'SELECT 1 FROM "{table}" WHERE "{column}"::text ILIKE ANY(%s) LIMIT 1',  # noqa: E501
                    [patterns],
                )
                if cr.fetchone():
                    found.append((table, column))
        return found

    def test_clerk_anonymises_and_nothing_quotes_the_person(self):
        needles = [self.NAME, self.CNP, self.EMAIL, self.PHONE, self.STREET]
        before = {table for table, _column in self.quotes(needles)}
        copies = {
            "res_partner",
            "helpdesk_ticket",
            "cic_audit_log",
            "cic_cnp_access_log",
            "mail_message",
            "mail_tracking_value",
            "calendar_event",
            "calendar_attendee",
            "cic_audience_request",
        }
        self.assertEqual(copies - before, set(), "the fixture holds every copy")
        self.call(
            "clerk", "cic.archive.selection", "action_anonymise", [self.selection.id]
        )
        self.assertEqual(self.selection.state, "done")
        self.assertEqual(self.quotes(needles), [])
        # The register itself stays: numbers, dates, subjects.
        for entry in self.entry | self.filed:
            self.assertTrue(entry.cic_registration_number)
            self.assertTrue(entry.cic_registration_date)
            self.assertTrue(entry.cic_anonymised_date)
        self.assertTrue(self.audience.cic_registration_number)
        access = self.env["cic.cnp.access.log"].search(
            [("partner_id", "=", self.person.id)]
        )
        self.assertEqual(len(access), 1, "who accessed the CNP when stays")
        self.assertEqual(access.user_id, self.fx.users["clerk"])
