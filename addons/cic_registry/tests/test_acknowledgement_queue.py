# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""R-REG-7: the acknowledgement of an electronic submission is deferred at
registration (the registry's deferred-mail helper) and posted once by the cron that
runs every minute; a crash before the cron loses nothing."""

import re

from odoo import SUPERUSER_ID, api
from odoo.tests import tagged

from .common import CicCommittedCase, CicRegistryCase

LOGGER = "odoo.addons.cic_registry.models.helpdesk_ticket_deferred_mail"


@tagged("post_install", "-at_install")
class TestAcknowledgementQueue(CicRegistryCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cron = cls.env.ref("cic_registry.ir_cron_cic_send_acknowledgements")
        cls.email = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_email")
        cls.Ticket = cls.env["helpdesk.ticket"]

    def _acks(self, entry):
        """The messages of ``entry`` whose subject carries its own number."""
        number = re.compile(rf"(?<!\d){re.escape(entry.cic_registration_number)}")
        return (
            self.env["mail.message"]
            .search([("model", "=", "helpdesk.ticket"), ("res_id", "=", entry.id)])
            .filtered(lambda message: number.search(message.subject or ""))
        )

    def _triggers(self):
        return self.env["ir.cron.trigger"].search_count(
            [("cron_id", "=", self.cron.id)]
        )

    def test_registration_queues_then_cron_posts_once(self):
        triggers = self._triggers()
        self.assertEqual(
            (self.cron.interval_number, self.cron.interval_type), (1, "minutes")
        )
        entry = self.create_entry(channel_id=self.email.id, as_user=self.clerk)
        self.assertEqual(entry.create_uid, self.clerk)
        self.assertTrue(entry.cic_registration_number)
        self.assertTrue(entry.cic_acknowledgement_pending)
        self.assertEqual(self._triggers(), triggers, "no trigger: it runs every minute")
        self.assertFalse(self._acks(entry), "nothing rendered inside the registration")
        follower = self.env["res.partner"].create(
            {"name": "Alt urmăritor", "email": "urmaritor@example.com"}
        )
        entry.message_subscribe(partner_ids=follower.ids)
        self.Ticket._cron_cic_send_deferred_mail()
        self.assertFalse(entry.cic_acknowledgement_pending)
        ack = self._acks(entry)
        self.assertEqual(len(ack), 1)
        self.assertIn("ion.testescu@example.com", ack.partner_ids.mapped("email"))
        self.assertEqual(ack.author_id, entry.create_uid.partner_id)
        mail = self.env["mail.mail"].search([("mail_message_id", "=", ack.id)])
        self.assertEqual(
            mail.recipient_ids.mapped("email"),
            ["ion.testescu@example.com"],
            "one e-mail, queued for the mail cron, to the sender only",
        )
        self.assertTrue(mail.email_from, "a sender (the institution's address)")
        self.assertFalse(mail.auto_delete, "kept after sending, as proof")
        self.Ticket._cron_cic_send_deferred_mail()
        self.assertEqual(len(self._acks(entry)), 1, "never sent twice")

    def test_paper_and_outgoing_entries_not_queued(self):
        triggers = self._triggers()
        counter = self.create_entry()
        outgoing = self.create_entry("outgoing", channel_id=self.email.id)
        without_address = self.create_entry(
            channel_id=self.email.id,
            partner_id=self.env["res.partner"].create({"name": "Fără e-mail"}).id,
        )
        for entry in counter | outgoing | without_address:
            self.assertFalse(entry.cic_acknowledgement_pending, entry.name)
        self.assertEqual(self._triggers(), triggers, "no wake-up for nothing to send")

    def test_batches_report_progress(self):
        entries = self.Ticket.browse()
        for index in range(3):
            entries |= self.create_entry(
                name=f"Sesizare {index}", channel_id=self.email.id
            )
        _cron, progress = self.cron._add_progress()
        pending = self.Ticket.search_count([("cic_acknowledgement_pending", "=", True)])
        self.Ticket.with_context(
            ir_cron_progress_id=progress.id
        )._cron_cic_send_deferred_mail(limit=2)
        self.assertEqual((progress.done, progress.remaining), (2, pending - 2))
        self.Ticket._cron_cic_send_deferred_mail(limit=pending)
        for entry in entries:
            self.assertEqual(len(self._acks(entry)), 1)

    def test_broken_template_blocks_no_other_entry(self):
        broken = self.env.ref("cic_registry.mail_template_registration_ack").copy(
            {"subject": "{{ object.cic_no_such_field }}"}
        )
        self.procedure["service_request"].acknowledgement_template_id = broken
        bad = self.create_entry("service_request", channel_id=self.email.id)
        good = self.create_entry(channel_id=self.email.id)
        with self.assertLogs(LOGGER, level="ERROR") as logs:
            self.Ticket._cron_cic_send_deferred_mail()
        self.assertTrue([line for line in logs.output if bad.display_name in line])
        self.assertFalse(self._acks(bad))
        self.assertEqual(len(self._acks(good)), 1)
        self.assertFalse((bad | good).filtered("cic_acknowledgement_pending"))


@tagged("post_install", "-at_install")
class TestDeferredMailCommitted(CicCommittedCase):
    """The deferred-mail helper on committed transactions: a crash between the
    registration and the mail, or inside the cron, loses nothing and sends nothing
    twice. Runs in cursors of its own, in a company of its own, and removes its
    committed rows at the end."""

    def setUp(self):
        super().setUp()
        self.ids = {}
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            partner = env["res.partner"].create(
                {"name": "Ana Trimisă", "email": "ana.trimisa@example.com"}
            )
            entry = env["helpdesk.ticket"].create(
                {
                    "name": "Sesizare trimisă pe e-mail",
                    "description": "<p>Test</p>",
                    "company_id": self.company_id,
                    "partner_id": partner.id,
                    "cic_procedure_id": env.ref("cic_registry.procedure_petition").id,
                    "channel_id": env.ref(
                        "helpdesk_mgmt.helpdesk_ticket_channel_email"
                    ).id,
                }
            )
            self.ids = {"partner": partner.id, "entry": entry.id}
        # The server stops here: the registration is committed, no mail was sent.

    def _cleanup(self):
        """The company's rows, then the petitioner."""
        result = super()._cleanup()
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            env["res.partner"].browse(self.ids.get("partner")).unlink()
        return result

    def _state(self):
        """(mail pending, acknowledgements posted) as committed."""
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            entry = env["helpdesk.ticket"].browse(self.ids["entry"])
            number = entry.cic_registration_number
            posted = env["mail.message"].search_count(
                [
                    ("model", "=", "helpdesk.ticket"),
                    ("res_id", "=", entry.id),
                    ("subject", "ilike", number),
                ]
            )
            return entry.cic_acknowledgement_pending, posted

    def _run_cron(self, crash=False):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            env["helpdesk.ticket"]._cron_cic_send_deferred_mail()
            if crash:
                cr.rollback()  # the server stops before the cron's commit

    def test_crash_then_retry_sends_once(self):
        self.assertEqual(self._state(), (True, 0), "committed with the registration")
        self._run_cron(crash=True)
        self.assertEqual(self._state(), (True, 0), "still pending after the crash")
        self._run_cron()
        self.assertEqual(self._state(), (False, 1), "sent by the next run")
        self._run_cron()
        self.assertEqual(self._state(), (False, 1), "never sent twice")
