# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The front-desk log (issue 17 point 1), as the CIC clerk who keeps it: a contact
in three fields, the one-click registration, referrals, the waiting time and the
daily and monthly figures, another town hall's log out of sight, the PDF summary."""

import datetime

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user

from .common import CicRegistryCase


def dt(hour, minute, day=6):
    """A fixed UTC datetime on 6 December 2026 (08:00 local = 06:00 UTC)."""
    return datetime.datetime(2026, 12, day, hour, minute)


class TestFrontdesk(CicRegistryCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.topic = cls.env["cic.frontdesk.topic"].create({"name": "Taxe locale test"})
        cls.topic_2 = cls.env["cic.frontdesk.topic"].create({"name": "Urbanism test"})
        cls.institution = cls.env["cic.institution"].create(
            {"name": "Instituția Prefectului test", "kind": "prefecture"}
        )
        cls.other_company = cls.env["res.company"].create(
            {"name": "Primăria Altă Comună"}
        )
        cls.other_clerk = new_test_user(
            cls.env,
            login="cic_fd_other_clerk",
            groups="cic_registry.group_cic_clerk",
            company_id=cls.other_company.id,
            company_ids=[(6, 0, cls.other_company.ids)],
        )
        cls.Contact = cls.env["cic.frontdesk.contact"]

    def _contact(self, user=None, **vals):
        values = {"topic_id": self.topic.id}
        values.update(vals)
        return self.Contact.with_user(user or self.clerk).create(values)

    def test_contact_in_three_fields(self):
        """Topic, channel and outcome are all the clerk gives; the rest defaults."""
        contact = self._contact(channel="phone_line", outcome="answered")
        self.assertEqual(contact.user_id, self.clerk)
        self.assertEqual(contact.company_id, self.company)
        self.assertTrue(contact.arrival_time)
        self.assertEqual(contact.state, "served")
        self.assertFalse(contact.waiting_counted, "a phone call has no queue")
        walk_in = self._contact()
        self.assertEqual(walk_in.channel, "walk_in")
        self.assertEqual(walk_in.outcome, "answered")
        self.assertTrue(walk_in.waiting_counted)
        required = [
            name
            for name, field in self.Contact._fields.items()
            if field.required and name not in self.Contact.default_get([name])
        ]
        self.assertEqual(sorted(required), ["topic_id"])

    def test_waiting_time_fixed_datetimes(self):
        contact = self._contact(arrival_time=dt(7, 2), service_start=dt(7, 14))
        self.assertEqual(contact.waiting_minutes, 12.0)
        self.assertEqual(contact.contact_date, datetime.date(2026, 12, 6))
        with self.assertRaises(ValidationError):
            contact.write({"service_start": dt(7, 0)})

    def test_queue_call_next(self):
        """Citizens recorded on arrival are called in order of arrival."""
        Queue = self.Contact.with_user(self.clerk).with_context(
            cic_frontdesk_arrival=True
        )
        second = Queue.create({"topic_id": self.topic.id, "arrival_time": dt(7, 10)})
        first = Queue.create({"topic_id": self.topic.id, "arrival_time": dt(7, 5)})
        self.assertEqual((first | second).mapped("state"), ["waiting", "waiting"])
        action = self.Contact.with_user(self.clerk).action_call_next()
        self.assertEqual(action["res_id"], first.id)
        self.assertEqual(first.state, "served")
        self.assertEqual(second.state, "waiting")

    def test_register_petition_in_one_click(self):
        contact = self._contact(
            note="Groapă în carosabil pe Str. Morii", partner_id=self.partner.id
        )
        action = contact.action_register_petition()
        ticket = contact.ticket_id
        self.assertTrue(ticket)
        self.assertEqual(action["res_id"], ticket.id)
        self.assertEqual(ticket.cic_procedure_id, self.procedure["petition"])
        self.assertTrue(ticket.cic_registration_number)
        self.assertEqual(ticket.partner_id, self.partner)
        self.assertEqual(
            ticket.channel_id,
            self.env.ref("cic_registry.helpdesk_ticket_channel_counter"),
        )
        self.assertEqual(contact.outcome, "registered")
        self.assertEqual(ticket.cic_frontdesk_contact_ids, contact)
        with self.assertRaises(UserError):
            contact.action_register_petition()
        self.assertEqual(len(contact.ticket_id), 1)

    def test_register_foi_request(self):
        contact = self._contact(
            channel="email", note="Lista contractelor 2026", partner_id=self.partner.id
        )
        contact.action_register_foi()
        self.assertEqual(
            contact.ticket_id.cic_procedure_id, self.procedure["foi_request"]
        )
        self.assertTrue(contact.ticket_id.cic_registration_number)

    def test_kanban_columns_are_the_clerks_topics(self):
        """The counter's kanban (grouped by topic) offers every active topic of
        the clerk's town hall, empty or not, and keeps an archived one that still
        has contacts; another town hall's topics stay out."""
        foreign = self.env["cic.frontdesk.topic"].create(
            {"name": "Tema altei primării", "company_id": self.other_company.id}
        )
        archived = self.env["cic.frontdesk.topic"].create({"name": "Tema arhivată"})
        self._contact(topic_id=archived.id, note="Kanban test")
        archived.active = False
        groups = self.Contact.with_user(self.clerk).read_group(
            [("note", "=", "Kanban test")], ["topic_id"], ["topic_id"]
        )
        columns = [group["topic_id"][0] for group in groups]
        self.assertIn(self.topic.id, columns)
        self.assertIn(self.topic_2.id, columns)
        self.assertIn(archived.id, columns)
        self.assertNotIn(foreign.id, columns)
        counts = {group["topic_id"][0]: group["topic_id_count"] for group in groups}
        self.assertEqual(counts[archived.id], 1)
        self.assertEqual(counts[self.topic.id], 0)

    def test_referral_requires_institution(self):
        with self.assertRaises(ValidationError):
            self._contact(outcome="referred")
        contact = self._contact(outcome="referred", institution_id=self.institution.id)
        self.assertEqual(contact.institution_id, self.institution)

    def test_daily_and_monthly_figures(self):
        """Waits 2, 4, 6, ..., 20 minutes on 6 December, 30 on 7 December, and a
        phone call; in a town hall of their own (the demo's counter is today)."""
        user = self.other_clerk
        for i in range(10):
            self._contact(
                user=user,
                arrival_time=dt(7, 0),
                service_start=dt(7, 2 * (i + 1)),
                topic_id=(self.topic if i % 2 else self.topic_2).id,
            )
        self._contact(
            user=user, arrival_time=dt(7, 0, day=7), service_start=dt(7, 30, day=7)
        )
        self._contact(
            user=user, channel="phone", arrival_time=dt(8, 0), service_start=dt(8, 0)
        )
        Contact = self.Contact.with_user(user)
        day = Contact._cic_period_summary(
            datetime.date(2026, 12, 6), datetime.date(2026, 12, 6), self.other_company
        )
        self.assertEqual(day["count"], 11)
        self.assertEqual(day["waiting_count"], 10)
        self.assertEqual(day["waiting_avg"], 11.0)
        self.assertEqual(day["waiting_p90"], 18.0)
        channels = dict(day["by_channel"])
        self.assertEqual(channels["Walk-in"], 10)
        self.assertEqual(channels["Phone"], 1)
        month = Contact._cic_period_summary(
            datetime.date(2026, 12, 1), datetime.date(2026, 12, 31), self.other_company
        )
        self.assertEqual(month["count"], 12)
        self.assertEqual(month["waiting_count"], 11)
        self.assertEqual(month["waiting_p90"], 20.0)
        self.assertEqual(dict(month["by_outcome"])["Answered on the spot"], 12)

    def test_other_company_clerk_does_not_see_it(self):
        mine = self._contact()
        theirs = self._contact(user=self.other_clerk)
        Contact = self.Contact.with_user(self.clerk)
        self.assertIn(mine, Contact.search([]))
        self.assertNotIn(theirs, Contact.search([]))
        with self.assertRaises(AccessError):
            theirs.with_user(self.clerk).read(["note"])
        self.assertNotIn(mine, self.Contact.with_user(self.other_clerk).search([]))

    def test_department_staff_reads_only(self):
        contact = self._contact()
        contact.with_user(self.staff).read(["topic_id"])
        with self.assertRaises(AccessError):
            self.Contact.with_user(self.staff).create({"topic_id": self.topic.id})

    def test_summary_report_renders(self):
        contacts = self._contact(arrival_time=dt(7, 0), service_start=dt(7, 5))
        contacts |= self._contact(
            channel="phone", arrival_time=dt(7, 10), service_start=dt(7, 10)
        )
        html, _type = (
            self.env["ir.actions.report"]
            .with_user(self.clerk)
            ._render_qweb_html(
                "cic_registry.cic_frontdesk_summary_report", contacts.ids
            )
        )
        html = html.decode()
        self.assertIn("06.12.2026", html)
        self.assertIn("Taxe locale test", html)
        self.assertIn("5.0", html)
        pdf, _type = (
            self.env["ir.actions.report"]
            .with_user(self.clerk)
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf("cic_registry.cic_frontdesk_summary_report", contacts.ids)
        )
        self.assertTrue(pdf.startswith(b"%PDF"))
