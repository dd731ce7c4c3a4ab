# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""CNP restricted to clerks and above; reads give the mask, the full CNP only
through the reveal action with a logged reason (R-GDPR-1, issue 14)."""

from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, new_test_user


class TestCnpAccess(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.staff = new_test_user(
            cls.env, login="cnp_staff", groups="cic_registry.group_cic_department"
        )
        cls.clerk = new_test_user(
            cls.env, login="cnp_clerk", groups="cic_registry.group_cic_clerk"
        )
        cls.auditor = new_test_user(
            cls.env, login="cnp_auditor", groups="cic_registry.group_cic_auditor"
        )
        cls.partner = cls.env["res.partner"].create(
            {"name": "Petent CNP", "cic_cnp": "1630615123457"}
        )
        cls.Log = cls.env["cic.cnp.access.log"].sudo()

    def _logs(self, user=None):
        return self.Log.search(
            [
                ("partner_id", "=", self.partner.id),
                ("user_id", "=", (user or self.clerk).id),
            ]
        )

    def test_department_user_sees_masked_value_only(self):
        partner = self.partner.with_user(self.staff)
        self.assertEqual(
            partner.read(["cic_cnp_masked"])[0]["cic_cnp_masked"], "**********457"
        )
        # fields_get lists only the fields the user may read.
        self.assertNotIn("cic_cnp", partner.fields_get())
        with self.assertRaises(AccessError):
            partner.read(["cic_cnp"])
        with self.assertRaises(AccessError):
            partner.web_read({"cic_cnp": {}})
        self.assertFalse(self._logs(self.staff))

    def test_department_user_form_has_no_cnp(self):
        arch = (
            self.env["res.partner"]
            .with_user(self.staff)
            .get_views([(False, "form")])["views"]["form"]["arch"]
        )
        self.assertIn('name="cic_cnp_masked"', arch)
        self.assertNotIn('name="cic_cnp"', arch)

    def _reveal(self, reason="Certificat de urbanism 12/2026", user=None):
        wizard = (
            self.env["cic.cnp.reveal"]
            .with_user(user or self.clerk)
            .create({"partner_id": self.partner.id, "reason": reason})
        )
        return wizard.action_reveal()

    def test_clerk_read_gives_the_mask_unlogged(self):
        partner = self.partner.with_user(self.clerk)
        values = partner.read(["name", "cic_cnp"])[0]
        self.assertEqual(values["cic_cnp"], "**********457")
        self.assertEqual(
            partner.web_read({"cic_cnp": {}})[0]["cic_cnp"], "**********457"
        )
        self.assertFalse(self._logs(), "nothing was revealed")
        # The code itself (superuser) still has the number.
        self.assertEqual(self.partner.sudo().cic_cnp, "1630615123457")

    def test_clerk_reveal_is_logged_with_reason(self):
        action = self.partner.with_user(self.clerk).action_cic_reveal_cnp()
        self.assertEqual(action["res_model"], "cic.cnp.reveal")
        shown = self._reveal()
        self.assertEqual(shown["params"]["message"], "1630615123457")
        log = self._logs()
        self.assertEqual(len(log), 1)
        self.assertEqual(log.access_type, "reveal")
        self.assertEqual(log.reason, "Certificat de urbanism 12/2026")
        self.assertEqual(log.res_model, "res.partner")
        self.assertEqual(log.partner_name, "Petent CNP")
        self.assertTrue(log.access_date)

    def test_reveal_needs_a_reason_and_a_clerk(self):
        with self.assertRaises(UserError):
            self._reveal(reason="   ")
        with self.assertRaises(AccessError):
            self.partner.with_user(self.staff).action_cic_reveal_cnp()
        with self.assertRaises(AccessError):
            self._reveal(user=self.staff)
        with self.assertRaises(AccessError):
            self._reveal(user=self.auditor)
        self.assertFalse(self.Log.search([("partner_id", "=", self.partner.id)]))

    def test_reads_without_cnp_are_not_logged(self):
        self.partner.with_user(self.clerk).read(["name", "cic_cnp_masked"])
        without_cnp = self.env["res.partner"].create({"name": "Fără CNP"})
        without_cnp.with_user(self.clerk).read(["cic_cnp"])
        self.assertFalse(self._logs())
        self.assertFalse(self.Log.search([("partner_id", "=", without_cnp.id)]))

    def test_export_is_refused(self):
        self.clerk.groups_id += self.env.ref("base.group_allow_export")
        with self.assertRaisesRegex(UserError, "cannot be exported"):
            self.partner.with_user(self.clerk).export_data(["name", "cic_cnp"])
        with self.assertRaisesRegex(UserError, "cannot be exported"):
            self.partner.export_data(["cic_cnp"])  # even the administrator
        self.assertFalse(self._logs())

    def test_search_is_logged_masked(self):
        Partner = self.env["res.partner"].with_user(self.clerk)
        self.assertEqual(
            Partner.search([("cic_cnp", "=", "1630615123457")]), self.partner
        )
        log = self.Log.search(
            [("user_id", "=", self.clerk.id), ("access_type", "=", "search")]
        )
        self.assertEqual(len(log), 1)
        self.assertEqual(log.search_value, "cic_cnp = **********457")

    def test_log_is_immutable(self):
        self._reveal()
        log = self._logs()
        with self.assertRaises(UserError):
            log.write({"partner_name": "altered"})
        with self.assertRaises(UserError):
            log.unlink()
        self.assertEqual(log.partner_name, "Petent CNP")

    def test_log_rights(self):
        self._reveal()
        log = self._logs()
        with self.assertRaises(AccessError):
            log.with_user(self.clerk).read(["user_id"])
        with self.assertRaises(AccessError):
            log.with_user(self.staff).read(["user_id"])
        self.assertEqual(log.with_user(self.auditor).read(["user_id"])[0]["id"], log.id)
        with self.assertRaises(AccessError):
            self.env["cic.cnp.access.log"].with_user(self.auditor).create(
                {"user_id": self.auditor.id, "access_type": "read"}
            )
        with self.assertRaises(AccessError):
            log.with_user(self.auditor).unlink()
