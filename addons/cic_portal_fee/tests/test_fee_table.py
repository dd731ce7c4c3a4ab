# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, datetime

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import TransactionCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common import CicPortalCommon

# Years far from the demo tables (current and previous year).
YEAR_A, YEAR_B = 2041, 2042
# Codul fiscal art. 474, urban area: (above m², up to m² (0 = no limit), lei).
BANDS_A = [(0, 150, 5), (150, 250, 6), (250, 500, 7), (500, 750, 9), (750, 1000, 12)]
BANDS_B = [(0, 150, 6), (150, 250, 7), (250, 500, 9), (500, 750, 12), (750, 1000, 14)]


@tagged("post_install", "-at_install")
class TestFeeTable(CicPortalCommon, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_cic_portal()
        cls.citizen = cls.env["res.partner"].create(
            {"name": "Maria Georgescu", "email": "maria@example.com"}
        )
        cls.urbanism = cls.fee_service
        cls.urbanism.fee_by_surface = True
        cls.flat_service = cls.env["cic.service"].create(
            {
                "name": "Test nomenclatura stradala",
                "category_id": cls.category.id,
                "procedure_id": cls.procedure_service.id,
                "fee_product_id": cls.fee_product.id,
                "fee_amount": 11.0,
            }
        )
        cls.table_a = cls._table(YEAR_A, BANDS_A, flat=18.0)
        cls.table_b = cls._table(YEAR_B, BANDS_B, flat=20.0)

    @classmethod
    def _table(cls, year, bands, flat):
        lines = [
            {
                "service_id": cls.urbanism.id,
                "surface_from": above,
                "surface_to": upto,
                "amount": amount,
            }
            for above, upto, amount in bands
        ]
        lines.append(
            {
                "service_id": cls.urbanism.id,
                "surface_from": 1000,
                "surface_to": 0,
                "amount": 14,
                "amount_per_m2": 0.01,
            }
        )
        lines.append({"service_id": cls.flat_service.id, "amount": flat})
        return cls.env["cic.fee.table"].create(
            {
                "year": year,
                "hcl_number": str(year - 2000),
                "hcl_date": date(year - 1, 4, 24),
                "line_ids": [(0, 0, vals) for vals in lines],
            }
        )

    def _fee(self, surface, year=YEAR_B):
        return self.urbanism._cic_compute_fee(date(year, 6, 1), surface)

    def test_band_boundaries(self):
        """Upper limits are inclusive, lower limits exclusive (≤150, 151–250…)."""
        vectors = [
            (0.01, 6.0),
            (1, 6.0),
            (150, 6.0),
            (150.01, 7.0),
            (151, 7.0),
            (250, 7.0),
            (250.5, 9.0),
            (500, 9.0),
            (501, 12.0),
            (750, 12.0),
            (751, 14.0),
            (1000, 14.0),
            # Over 1,000 m²: 14 lei + 0.01 lei for each m² above 1,000.
            (1001, 14.01),
            (1500, 19.0),
            (12345, 127.45),
        ]
        for surface, expected in vectors:
            with self.subTest(surface=surface):
                self.assertAlmostEqual(self._fee(surface), expected)

    def test_surface_missing_or_invalid(self):
        for surface in (0, -5, None):
            with (
                self.subTest(surface=surface),
                self.assertRaisesRegex(UserError, "surface"),
            ):
                self._fee(surface)

    def test_no_band_matches(self):
        """A table whose bands stop at 1,000 m² refuses larger surfaces clearly."""
        self.table_b.line_ids.filtered(lambda line: not line.surface_to).unlink()
        self.assertAlmostEqual(self._fee(1000), 14.0)
        with self.assertRaisesRegex(UserError, "No fee band"):
            self._fee(1000.5)

    def test_fallback_to_service_amount(self):
        """No table for the year: the service's own amount."""
        self.assertAlmostEqual(
            self.flat_service._cic_compute_fee(date(2043, 1, 1)), 11.0
        )
        self.assertAlmostEqual(
            self.flat_service._cic_compute_fee(date(YEAR_A, 1, 1)), 18.0
        )
        self.assertAlmostEqual(
            self.urbanism._cic_compute_fee(date(2043, 1, 1), 80), 25.5
        )

    def test_overlapping_bands_refused(self):
        with self.assertRaises(ValidationError):
            self.table_b.line_ids = [
                (
                    0,
                    0,
                    {
                        "service_id": self.urbanism.id,
                        "surface_from": 900,
                        "surface_to": 1100,
                        "amount": 1,
                    },
                )
            ]
        with self.assertRaises(ValidationError):
            self.table_b.line_ids[0].write({"surface_from": 200, "surface_to": 100})

    def test_one_table_per_year(self):
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(IntegrityError),
            self.cr.savepoint(),
        ):
            self.env["cic.fee.table"].create({"year": YEAR_A})
            self.env.flush_all()

    def _request(self, registered_utc, surface, service=None):
        with freeze_time(registered_utc):
            ticket = (
                self.env["helpdesk.ticket"]
                .sudo()
                .create(
                    {
                        "name": "Certificat de urbanism",
                        "description": "<p>Test</p>",
                        "partner_id": self.citizen.id,
                        "cic_procedure_id": self.procedure_service.id,
                        "cic_service_id": (service or self.urbanism).id,
                        "cic_surface_m2": surface,
                    }
                )
            )
            ticket._cic_assign_registration_number()
            ticket._cic_create_fee_invoice()
        return ticket

    def test_year_selection_by_registration_date(self):
        """31 December uses that year's table, 1 January the next one, in the
        institution's time zone (Europe/Bucharest, UTC+2 in winter)."""
        last_day = self._request(datetime(YEAR_A, 12, 31, 21, 30), 200)
        first_day = self._request(datetime(YEAR_A, 12, 31, 22, 30), 200)
        self.assertEqual(last_day._cic_fee_day(), date(YEAR_A, 12, 31))
        self.assertEqual(first_day._cic_fee_day(), date(YEAR_B, 1, 1))
        self.assertAlmostEqual(last_day.cic_invoice_id.amount_total, 6.0)
        self.assertAlmostEqual(first_day.cic_invoice_id.amount_total, 7.0)
        flat_a = self._request(datetime(YEAR_A, 12, 31, 10), 0, self.flat_service)
        flat_b = self._request(datetime(YEAR_B, 1, 1, 10), 0, self.flat_service)
        self.assertAlmostEqual(flat_a.cic_invoice_id.amount_total, 18.0)
        self.assertAlmostEqual(flat_b.cic_invoice_id.amount_total, 20.0)

    def test_invoice_line_states_surface(self):
        ticket = self._request(datetime(YEAR_B, 3, 2, 9), 1500)
        line = ticket.cic_invoice_id.invoice_line_ids
        self.assertIn("1500 m²", line.name)
        self.assertAlmostEqual(line.price_unit, 19.0)
        self.assertEqual(
            ticket.cic_invoice_id.currency_id, self.env.company._cic_fee_currency()
        )

    def test_access_rights(self):
        """Clerks read the tables, administrators edit them, citizens neither;
        another company's table stays invisible."""
        clerk = new_test_user(
            self.env, login="cic_fee_clerk", groups="cic_registry.group_cic_clerk"
        )
        manager = new_test_user(
            self.env, login="cic_fee_manager", groups="cic_registry.group_cic_manager"
        )
        citizen = new_test_user(
            self.env, login="cic_fee_citizen", groups="base.group_portal"
        )
        self.assertEqual(self.table_a.with_user(clerk).year, YEAR_A)
        with self.assertRaises(AccessError):
            self.table_a.with_user(clerk).hcl_number = "1"
        with self.assertRaises(AccessError):
            self.table_a.line_ids[:1].with_user(clerk).amount = 1
        self.table_a.with_user(manager).hcl_number = "12"
        self.table_a.line_ids[:1].with_user(manager).amount = 4
        with self.assertRaises(AccessError):
            self.table_a.with_user(citizen).read(["year"])
        # The citizen still sees the fee a table gives a service (narrow sudo).
        self.flat_service.fee_amount = 0
        self.assertTrue(self.flat_service.with_user(citizen).has_fee)
        other = self.env["res.company"].create({"name": "Comuna Alta"})
        other_table = self.env["cic.fee.table"].create(
            {"year": YEAR_A, "company_id": other.id}
        )
        visible = self.env["cic.fee.table"].with_user(manager).search([])
        self.assertIn(self.table_a, visible)
        self.assertNotIn(other_table, visible)
