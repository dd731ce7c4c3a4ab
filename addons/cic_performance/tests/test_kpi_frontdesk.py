# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The manual's counselling volume and counter waiting time, computed from the
front-desk log (issue 17 point 7), in a town hall of their own."""

import datetime

from odoo.tests import TransactionCase, new_test_user


class TestKpiFrontdesk(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env["res.company"].create({"name": "Primăria KPI Ghișeu"})
        cls.clerk = new_test_user(
            cls.env,
            login="cic_kpi_fd_clerk",
            groups="cic_registry.group_cic_clerk",
            company_id=cls.company.id,
            company_ids=[(6, 0, cls.company.ids)],
        )
        topic = cls.env["cic.frontdesk.topic"].create({"name": "Taxe KPI"})
        Contact = cls.env["cic.frontdesk.contact"].with_user(cls.clerk)
        # Walk-ins waiting 5 and 15 minutes, a phone call (no queue) in March 2026.
        for arrival, start, channel in (
            ((8, 0), (8, 5), "walk_in"),
            ((8, 10), (8, 25), "walk_in"),
            ((9, 0), (9, 0), "phone"),
        ):
            Contact.create(
                {
                    "topic_id": topic.id,
                    "channel": channel,
                    "arrival_time": datetime.datetime(2026, 3, 10, *arrival),
                    "service_start": datetime.datetime(2026, 3, 10, *start),
                }
            )

    def _value(self, xmlid, date_from, date_to):
        indicator = self.env.ref(f"cic_performance.{xmlid}")
        self.assertEqual(indicator.kind, "computed")
        return indicator.with_user(self.clerk)._cic_compute_value(
            date_from, date_to, self.company
        )

    def test_counselling_volume(self):
        march = (datetime.date(2026, 3, 1), datetime.date(2026, 3, 31))
        self.assertEqual(self._value("indicator_frontdesk_contacts", *march), 3.0)
        april = (datetime.date(2026, 4, 1), datetime.date(2026, 4, 30))
        self.assertEqual(self._value("indicator_frontdesk_contacts", *april), 0.0)

    def test_waiting_time(self):
        march = (datetime.date(2026, 3, 1), datetime.date(2026, 3, 31))
        self.assertEqual(self._value("indicator_frontdesk_waiting_avg", *march), 10.0)

    def test_period_values_stored(self):
        values = (
            self.env["cic.kpi.indicator"]
            .with_user(self.clerk)
            ._cic_compute_period("month", datetime.date(2026, 3, 15), self.company)
        )
        by_code = {v.indicator_id.code: v.value for v in values}
        self.assertEqual(by_code["frontdesk_contacts"], 3.0)
        self.assertEqual(by_code["frontdesk_waiting_avg"], 10.0)
