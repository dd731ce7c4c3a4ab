"""Mail server unreachable: the e-mails wait and are sent later, none is lost."""

from unittest.mock import patch

from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestMailServerDown(TransactionCase):
    def mails(self, *addresses):
        return self.env["mail.mail"].create(
            [
                {
                    "subject": "Confirmare înregistrare",
                    "body_html": "<p>Cod de acces</p>",
                    "email_to": address,
                    "email_from": "cic@primaria.example",
                }
                for address in addresses
            ]
        )

    def send_with_server_down(self, mails):
        def refuse(*args, **kwargs):
            raise ConnectionRefusedError(111, "Connection refused")

        with (
            patch.object(type(self.env["ir.mail_server"]), "connect", refuse),
            mute_logger("odoo.addons.mail.models.mail_mail"),
        ):
            mails.send(raise_exception=False)

    def test_failed_mails_are_queued_again(self):
        mails = self.mails("ana@example.com", "ion@example.com")
        self.send_with_server_down(mails)
        self.assertEqual(set(mails.mapped("state")), {"exception"})
        # Odoo's own queue cron ignores them ...
        queued = self.env["mail.mail"].search(
            [("state", "=", "outgoing"), ("id", "in", mails.ids)]
        )
        self.assertFalse(queued)
        # ... the suite's cron puts them back, and the next run sends them.
        cron = self.env.ref("cic_portal.ir_cron_cic_retry_unreachable_mail")
        self.assertTrue(cron.active)
        cron.method_direct_trigger()
        self.assertEqual(set(mails.mapped("state")), {"outgoing"})

    def test_refused_addresses_stay_failed(self):
        invalid = self.mails("no-address")
        invalid.write({"state": "exception", "failure_type": "mail_email_invalid"})
        old = self.mails("old@example.com")
        self.send_with_server_down(old)
        self.env.cr.execute(
            "UPDATE mail_mail SET create_date = now() - interval '10 days'"
            " WHERE id = %s",
            [old.id],
        )
        self.env.invalidate_all()
        retried = self.env["mail.mail"]._cic_retry_unreachable_server()
        self.assertNotIn(invalid, retried)
        self.assertNotIn(old, retried)
        self.assertEqual(invalid.state, "exception")


@tagged("post_install", "-at_install")
class TestConfirmationSender(TransactionCase):
    def test_visitor_confirmation_has_a_sender(self):
        """A visitor's confirmation (access code) had no sender: the public user has
        no e-mail and the template none either, so Odoo refused to send it
        (mail_from_missing). It is sent from the institution's address."""
        company = self.env.company
        company.email = "registratura@primaria-test.example"
        public = self.env.ref("base.public_user")
        # Filed by a visitor: the portal creates the entry as the public user.
        ticket = (
            self.env["helpdesk.ticket"]
            .with_user(public)
            .sudo()
            .create(
                {
                    "name": "Confirmation sender",
                    "description": "<p>x</p>",
                    "partner_id": self.env["res.partner"]
                    .create({"name": "Vizitator", "email": "viz@example.com"})
                    .id,
                    "cic_procedure_id": self.env.ref(
                        "cic_registry.procedure_petition"
                    ).id,
                    "cic_portal_origin": True,
                }
            )
        )
        self.assertTrue(ticket.cic_acknowledgement_pending)
        self.env["helpdesk.ticket"]._cron_cic_send_deferred_mail()
        mails = self.env["mail.mail"].search(
            [("model", "=", "helpdesk.ticket"), ("res_id", "=", ticket.id)]
        )
        self.assertTrue(mails)
        for mail in mails:
            self.assertIn(company.email, mail.email_from, "not from the institution")
