"""Audit trail: every change of a registry entry's legal fields and every reveal of
a full CNP leaves a row that no user can change.

Gaps found and fixed in cic_registry: approvals, extensions, forwarding and the
recomputed due dates were not audited; ``search_read`` (JSON-RPC) read CNPs unlogged,
and so did grouping partners by their CNP. Since issue 14 no read returns the full
CNP at all: the clerk's reveal action (with a reason) is the one way, and logged.
"""

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import TransactionCase, new_test_user, tagged

CNP = "2850315400012"


@tagged("post_install", "-at_install")
class TestAuditTrail(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.clerk = new_test_user(
            cls.env,
            login="aud_clerk",
            groups="cic_registry.group_cic_clerk,base.group_allow_export",
        )
        cls.head = new_test_user(
            cls.env, login="aud_head", groups="cic_registry.group_cic_department_head"
        )
        cls.secretary = new_test_user(
            cls.env, login="aud_secretary", groups="cic_registry.group_cic_secretary"
        )
        cls.admin = new_test_user(
            cls.env, login="aud_admin", groups="cic_registry.group_cic_manager"
        )
        cls.team = cls.env["helpdesk.ticket.team"].create(
            {
                "name": "Audit department",
                "cic_head_id": cls.head.id,
                "user_ids": [(6, 0, (cls.head | cls.clerk).ids)],
            }
        )
        cls.partner = cls.env["res.partner"].create(
            {
                "name": "Maria Audit",
                "email": "maria.audit@example.com",
                "street": "Strada Mare 1",
                "city": "Exemplu",
                "cic_cnp": CNP,
            }
        )
        cls.procedure = cls.env.ref("cic_registry.procedure_petition")

    def entry(self):
        return self.env["helpdesk.ticket"].create(
            {
                "name": "Audited petition",
                "description": "<p>x</p>",
                "partner_id": self.partner.id,
                "team_id": self.team.id,
                "cic_procedure_id": self.procedure.id,
            }
        )

    def logs(self, entry):
        return self.env["cic.audit.log"].search(
            [("res_model", "=", "helpdesk.ticket"), ("res_id", "=", entry.id)]
        )

    def logged_fields(self, entry):
        return {
            (log.field_name, log.user_id.login)
            for log in self.logs(entry)
            if log.event == "correction"
        }

    def label(self, name):
        return (
            self.env["helpdesk.ticket"]
            ._fields[name]
            .get_description(self.env)["string"]
        )

    # ----------------------------------------------------------- legal fields
    def test_register_columns_and_dates_audited(self):
        entry = self.entry()
        values = {
            "cic_sender_ref": "12/2026",
            "cic_sender_date": fields.Date.today(),
            "cic_dispatch_date": fields.Date.today(),
            "cic_page_count": 7,
        }
        for name, value in values.items():
            entry.with_user(self.clerk).write({name: value})
            self.assertIn((self.label(name), "aud_clerk"), self.logged_fields(entry))

    def test_procedure_change_logs_the_new_deadline(self):
        entry = self.entry()
        due = entry.cic_legal_due_date
        entry.with_user(self.clerk).write(
            {"cic_procedure_id": self.env.ref("cic_registry.procedure_foi_request").id}
        )
        self.assertNotEqual(entry.cic_legal_due_date, due)
        deadline = self.logs(entry).filtered(
            lambda log: log.field_name == self.label("cic_legal_due_date")
        )
        self.assertEqual(deadline.old_value, fields.Date.to_string(due))
        self.assertEqual(
            deadline.new_value, fields.Date.to_string(entry.cic_legal_due_date)
        )

    def test_extension_audited_with_new_due_date(self):
        entry = self.entry()
        due = entry.cic_legal_due_date
        max_days = (self.procedure.extended_term_days or 0) - self.procedure.term_days
        self.assertGreater(max_days, 0, "petitions may be extended (OG 27 art. 9)")
        entry.with_user(self.secretary)._cic_extend_petition(
            max_days, "More research needed"
        )
        logged = self.logged_fields(entry)
        for name in ("cic_extension_days", "cic_extension_reason"):
            self.assertIn((self.label(name), "aud_secretary"), logged)
        self.assertGreater(entry.cic_legal_due_date, due)
        self.assertIn((self.label("cic_legal_due_date"), "aud_secretary"), logged)

    def test_approvals_audited(self):
        entry = self.entry()
        entry.write(
            {
                "cic_answer_body": "<p>Answer</p>",
                "cic_answer_legal_basis": "OG 27/2002",
            }
        )
        entry.with_user(self.head).action_cic_approve_department()
        entry.with_user(self.secretary).action_cic_approve_head()
        logged = self.logged_fields(entry)
        self.assertIn((self.label("cic_department_approval_id"), "aud_head"), logged)
        self.assertIn((self.label("cic_head_approval_id"), "aud_secretary"), logged)
        # A changed answer resets the approvals: that is audited too.
        entry.with_user(self.clerk).write({"cic_answer_body": "<p>Changed</p>"})
        resets = self.logs(entry).filtered(
            lambda log: log.field_name == self.label("cic_head_approval_id")
            and log.user_id == self.clerk
        )
        self.assertEqual(resets.new_value, "")

    def test_registration_number_and_date_cannot_be_changed(self):
        entry = self.entry()
        for user in (self.clerk, self.admin):
            for name, value in (
                ("cic_registration_number", "1/01.01.2000"),
                ("cic_registration_seq", 1),
                ("cic_registration_date", fields.Datetime.now()),
            ):
                with self.assertRaises(UserError, msg=name):  # AccessError too
                    entry.with_user(user).write({name: value})

    # ---------------------------------------------------------------- CNP reads
    def cnp_rows(self, access_type=None):
        domain = [("user_id", "=", self.clerk.id)]
        if access_type:
            domain.append(("access_type", "=", access_type))
        return self.env["cic.cnp.access.log"].search(domain)

    def test_no_way_of_reading_returns_the_full_cnp(self):
        """Every read path gives the mask (nothing revealed, nothing to log); the
        export is refused; the reveal action is the one way, and it is logged."""
        Partner = self.env["res.partner"].with_user(self.clerk)
        partner = self.partner.with_user(self.clerk)
        reads = {
            "read": lambda: partner.read(["cic_cnp"]),
            "search_read": lambda: Partner.search_read(
                [("id", "=", self.partner.id)], ["cic_cnp"]
            ),
            "web_read": lambda: partner.web_read({"cic_cnp": {}}),
            "web_search_read": lambda: Partner.web_search_read(
                [("id", "=", self.partner.id)], {"cic_cnp": {}}
            ),
        }
        for how, read in reads.items():
            result = read()
            self.assertNotIn(CNP, str(result), how)
            self.assertIn("**********012", str(result), how)
        with self.assertRaisesRegex(UserError, "cannot be exported"):
            partner.export_data(["cic_cnp"])
        self.assertFalse(self.cnp_rows())
        wizard = (
            self.env["cic.cnp.reveal"]
            .with_user(self.clerk)
            .create({"partner_id": self.partner.id, "reason": "Audit test"})
        )
        self.assertEqual(wizard.action_reveal()["params"]["message"], CNP)
        self.assertEqual(self.cnp_rows("reveal").reason, "Audit test")

    def test_masked_reads_are_not_logged(self):
        before = len(self.cnp_rows())
        self.partner.with_user(self.clerk).read(["name", "cic_cnp_masked"])
        self.assertEqual(len(self.cnp_rows()), before)

    def test_grouping_by_the_cnp_is_masked_and_logged(self):
        """Group labels and min/max/array_agg aggregates of ``cic_cnp`` would show
        full CNPs without a read: each way gives the mask and is logged; counting
        them is not logged."""
        Partner = self.env["res.partner"].with_user(self.clerk)
        domain = [("id", "=", self.partner.id)]
        groupings = {
            "read_group": lambda: Partner.read_group(domain, ["cic_cnp"], ["cic_cnp"]),
            "web_read_group": lambda: Partner.web_read_group(
                domain, ["cic_cnp"], ["cic_cnp"]
            ),
            "read_progress_bar": lambda: Partner.read_progress_bar(
                domain, "cic_cnp", {"field": "active", "colors": {}}
            ),
            "max": lambda: Partner.read_group(domain, ["cic_cnp:max"], ["name"]),
            "array_agg": lambda: Partner.read_group(
                domain, ["cnps:array_agg(cic_cnp)"], ["name"]
            ),
        }
        for how, group in groupings.items():
            before = len(self.cnp_rows("group"))
            result = group()
            self.assertNotIn(CNP, str(result), how)
            self.assertIn("**********012", str(result), how)
            self.assertEqual(len(self.cnp_rows("group")), before + 1, how)
        before = len(self.cnp_rows())
        result = Partner.read_group(domain, ["cic_cnp:count_distinct"], ["name"])
        self.assertEqual(result[0]["cic_cnp"], 1)
        self.assertEqual(len(self.cnp_rows()), before)
