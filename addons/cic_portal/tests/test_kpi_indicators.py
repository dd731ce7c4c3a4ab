# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The manual's indicators computed from the portal's data (issue 17 point 7):
services offered, standard forms, information updates."""

import datetime

from odoo.tests import TransactionCase, tagged
from odoo.tools import SQL

D = datetime.date
MARCH = (D(2026, 3, 1), D(2026, 3, 31))


@tagged("post_install", "-at_install")
class TestKpiIndicators(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env["res.company"].create({"name": "Comuna Indicatori"})
        cls.env = cls.env(
            context=dict(cls.env.context, allowed_company_ids=[cls.company.id])
        )
        category = cls.env["cic.service.category"].create({"name": "Stare civilă"})
        form = cls.env["ir.attachment"].create(
            {"name": "cerere.pdf", "raw": b"%PDF-1.4 formular"}
        )
        procedure = cls.env.ref("cic_registry.procedure_service_request")
        Service = cls.env["cic.service"]
        for name, published, online, attachments in (
            ("Certificat de urbanism", True, True, []),
            ("Adeverință de rol", True, False, [form.id]),
            ("Informare generală", True, False, []),
            ("Serviciu retras", False, True, [form.id]),
        ):
            Service.create(
                {
                    "name": name,
                    "category_id": category.id,
                    "is_published": published,
                    "online_form": online,
                    "form_attachment_ids": [(6, 0, attachments)],
                    "procedure_id": procedure.id,
                    "company_id": cls.company.id,
                }
            )
        Page = cls.env["cic.public.info.page"]
        cls.pages = Page.create(
            [
                {
                    "name": f"Pagina {n}",
                    "legal_item": "a",
                    "is_published": published,
                    "company_id": cls.company.id,
                }
                for n, published in ((1, True), (2, True), (3, False))
            ]
        )
        cls.Indicator = cls.env["cic.kpi.indicator"]

    def value(self, xmlid, date_from=MARCH[0], date_to=MARCH[1]):
        indicator = self.env.ref(f"cic_performance.{xmlid}")
        self.assertEqual(indicator.kind, "computed")
        return indicator._cic_compute_value(date_from, date_to, self.company)

    def set_updated(self, page, when):
        self.env.cr.execute(
            SQL(
                "UPDATE cic_public_info_page SET write_date = %s WHERE id = %s",
                when,
                page.id,
            )
        )
        page.invalidate_recordset(["write_date"])

    def test_services_offered_are_the_published_catalogue(self):
        self.assertEqual(self.value("indicator_services_offered"), 3)

    def test_standard_forms_online_or_printable(self):
        self.assertEqual(self.value("indicator_forms_available"), 2)

    def test_information_updates_from_the_pages(self):
        first, second, unpublished = self.pages
        self.set_updated(first, datetime.datetime(2026, 3, 10, 9))
        self.set_updated(second, datetime.datetime(2026, 2, 27, 9))
        self.set_updated(unpublished, datetime.datetime(2026, 3, 11, 9))
        self.assertEqual(self.value("indicator_info_update_frequency"), 1)
        self.assertEqual(
            self.value(
                "indicator_info_update_frequency", D(2026, 2, 1), D(2026, 3, 31)
            ),
            2,
        )
        self.assertEqual(
            self.value(
                "indicator_info_update_frequency", D(2026, 4, 1), D(2026, 4, 30)
            ),
            0,
        )

    def test_sources_offered_in_the_form(self):
        sources = dict(self.Indicator._selection_compute_source())
        self.assertIn("forms_available", sources)
        self.assertIn("info_updates", sources)
        self.assertIn("founded_complaints", sources)
