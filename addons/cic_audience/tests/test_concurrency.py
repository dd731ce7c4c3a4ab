# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Two transactions booking the same slot at the same time: PostgreSQL lets only
one commit. The fixtures must be committed for the two cursors to see them, so
they live in a company of their own and are removed at the end."""

import threading

from psycopg2 import errors

from odoo import SUPERUSER_ID, api
from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged
from odoo.tools import SQL, mute_logger

from .common import NOW, TUESDAY, utc

CTX = {
    "tracking_disable": True,
    "mail_notify_force_send": False,
    "no_reset_password": True,
}


@tagged("post_install", "-at_install")
class TestAudienceConcurrency(TransactionCase):
    def setUp(self):
        super().setUp()
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, CTX)
            company = env["res.company"].create({"name": "Primăria Test Concurență"})
            env = env(context=dict(CTX, allowed_company_ids=[company.id]))
            user = env["res.users"].create(
                {
                    "name": "Primar concurență",
                    "login": "aud_concurrency_mayor",
                    "company_id": company.id,
                    "company_ids": [(6, 0, company.ids)],
                }
            )
            room = env["cic.audience.room"].create(
                {"name": "Sala C", "company_id": company.id}
            )
            official = env["cic.audience.official"].create(
                {
                    "user_id": user.id,
                    "company_id": company.id,
                    "slot_duration": 30,
                    "capacity": 1,
                    "room_id": room.id,
                    "programme_line_ids": [
                        (0, 0, {"dayofweek": "1", "hour_from": 10, "hour_to": 12})
                    ],
                }
            )
            partners = env["res.partner"].create(
                [
                    {"name": f"Cetățean concurență {i}", "email": f"c{i}@example.com"}
                    for i in (1, 2)
                ]
            )
            requests = env["cic.audience.request"].create(
                [
                    {
                        "official_id": official.id,
                        "partner_id": partner.id,
                        "subject": "Concurență",
                        "company_id": company.id,
                    }
                    for partner in partners
                ]
            )
            self.ids = {
                "company": company.id,
                "user": user.id,
                "room": room.id,
                "official": official.id,
                "partners": partners.ids,
                "requests": requests.ids,
            }
        self.addCleanup(self._cleanup)

    def _cleanup(self):
        ids = self.ids
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, CTX)
            requests = env["cic.audience.request"].browse(ids["requests"])
            events = requests.event_id
            env["mail.message"].search(
                [("model", "=", "cic.audience.request"), ("res_id", "in", requests.ids)]
            ).unlink()
            env["ir.attachment"].search(
                [
                    ("res_model", "=", "cic.audience.request"),
                    ("res_id", "in", requests.ids),
                ]
            ).unlink()
            cr.execute(
                SQL(
                    "DELETE FROM cic_audience_request WHERE id IN %s",
                    tuple(requests.ids),
                )
            )
            events.with_context(active_test=False).unlink()
            env["cic.audience.official"].browse(ids["official"]).unlink()
            env["cic.audience.room"].browse(ids["room"]).unlink()
            cr.execute(
                SQL(
                    "DELETE FROM cic_register_counter WHERE company_id = %s",
                    ids["company"],
                )
            )
            user = env["res.users"].browse(ids["user"])
            partner = user.partner_id
            user.unlink()
            (partner | env["res.partner"].browse(ids["partners"])).unlink()
            company = env["res.company"].browse(ids["company"])
            company_partner = company.partner_id
            try:
                with cr.savepoint(), mute_logger("odoo.sql_db"):
                    company.unlink()
                    company_partner.unlink()
            except Exception:  # noqa: BLE001 - other addons may hold references
                company.active = False

    def _book_in_thread(self, request_id, barrier, results):
        """Book the Tuesday 10:00 slot in a transaction of its own."""
        try:
            with self.registry.cursor() as cr:
                env = api.Environment(cr, SUPERUSER_ID, CTX)
                request = env["cic.audience.request"].browse(request_id)
                cr.execute("SELECT 1")  # take the snapshot before the other books
                barrier.wait(timeout=60)
                request._cic_book_slot(utc(TUESDAY, 8), now=NOW)
            results[request_id] = "booked"
        except UserError as exc:
            results[request_id] = str(exc)
        except (errors.SerializationFailure, errors.DeadlockDetected):
            # Odoo's RPC layer retries these; the retry sees the slot taken.
            results[request_id] = "retry"
        except Exception as exc:  # noqa: BLE001 - reported by the assertions
            results[request_id] = repr(exc)

    def test_concurrent_booking_of_one_slot(self):
        barrier = threading.Barrier(2)
        results = {}
        threads = [
            threading.Thread(target=self._book_in_thread, args=(rid, barrier, results))
            for rid in self.ids["requests"]
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        self.assertEqual(list(results.values()).count("booked"), 1, results)
        refused = [msg for msg in results.values() if msg != "booked"]
        self.assertTrue(refused[0] == "retry" or "already taken" in refused[0], results)
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            requests = env["cic.audience.request"].browse(self.ids["requests"])
            self.assertEqual(len(requests.filtered("slot_booked")), 1)
            self.assertEqual(len(requests.event_id), 1)
            self.assertEqual(sorted(requests.mapped("state")), ["draft", "scheduled"])
