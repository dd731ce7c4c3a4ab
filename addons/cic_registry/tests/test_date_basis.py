# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Every computed date of a petition and of a Law 544 request names its legal basis
and counting mode (R-CAL-6), in the user's language; an extension names its law."""

from freezegun import freeze_time

from odoo.tests import Form

from .common import d
from .workflow_common import CicWorkflowCase

#: date field -> its basis field
DATE_BASES = {
    "cic_legal_due_date": "cic_due_basis",
    "cic_internal_due_date": "cic_internal_due_basis",
    "cic_forward_due_date": "cic_forward_due_basis",
    "cic_foi_refusal_due_date": "cic_foi_refusal_due_basis",
    "cic_foi_extension_notice_due_date": "cic_foi_extension_notice_due_basis",
    "cic_complaint_window_end": "cic_complaint_window_basis",
}


class TestDateBasis(CicWorkflowCase):
    def assert_every_date_has_its_basis(self, ticket, expected_dates):
        """Each date set on ``ticket`` has a basis, and the expected ones are set."""
        for date_field, basis_field in DATE_BASES.items():
            if ticket[date_field]:
                self.assertTrue(
                    ticket[basis_field], f"{date_field} shown without its basis"
                )
            else:
                self.assertFalse(ticket[basis_field], basis_field)
        for date_field in expected_dates:
            self.assertTrue(ticket[date_field], date_field)

    def registered_on(self, procedure, day, **vals):
        vals.setdefault("partner_id", self.petitioner.id)
        ticket = self.create_entry(procedure, **vals)
        return self.set_registration_date(ticket, day)

    def test_petition_dates(self):
        petition = self.registered_on("petition", d(2026, 3, 2))
        self.assertEqual(petition.cic_legal_due_date, d(2026, 4, 2))
        self.assertEqual(petition.cic_forward_due_date, d(2026, 3, 9))
        self.assert_every_date_has_its_basis(
            petition,
            ["cic_legal_due_date", "cic_internal_due_date", "cic_forward_due_date"],
        )
        self.assertEqual(
            petition.cic_due_basis,
            "OG 27/2002 art. 8(1); 30 days, free days (CPC art. 181)",
        )
        self.assertEqual(
            petition.cic_forward_due_basis,
            "OG 27/2002 art. 6^1; 5 days, free days (CPC art. 181)",
        )
        margin = self.env.company.cic_internal_margin_days
        self.assertIn("OG 27/2002 art. 6(2)", petition.cic_internal_due_basis)
        self.assertIn(f"{margin} working days", petition.cic_internal_due_basis)

    def test_petition_extension_names_article_9(self):
        petition = self.registered_on("petition", d(2026, 3, 2))
        with freeze_time("2026-03-20 09:00:00"):
            petition.with_user(self.secretary)._cic_extend_petition(
                10, "Verificări pe teren"
            )
        # due(2 Mar, 40) = roll(Sun 12 Apr, Easter) -> Tue 14 Apr 2026
        self.assertEqual(petition.cic_legal_due_date, d(2026, 4, 14))
        self.assertEqual(
            petition.cic_due_basis,
            "OG 27/2002 art. 8(1); 40 days, free days (CPC art. 181); "
            "extended under OG 27/2002 art. 9",
        )

    def test_wizards_show_the_basis_of_their_dates(self):
        """The extension preview names the term it will give; the forward and
        notice wizards, the dates they check; a court window its article."""
        petition = self.registered_on("petition", d(2026, 3, 2))
        with freeze_time("2026-03-20 09:00:00"):
            extend = Form(
                self.env["cic.petition.extend"]
                .with_user(self.secretary)
                .with_context(default_ticket_id=petition.id)
            )
            extend.days = 10
            self.assertEqual(extend.new_due_date, d(2026, 4, 14))
            self.assertEqual(
                extend.new_due_basis,
                "OG 27/2002 art. 8(1); 40 days, free days (CPC art. 181); "
                "extended under OG 27/2002 art. 9",
            )
            forward = Form(
                self.env["cic.petition.forward"]
                .with_user(self.clerk)
                .with_context(default_ticket_id=petition.id)
            )
            self.assertEqual(forward.forward_due_basis, petition.cic_forward_due_basis)
        request = self.registered_on("foi_request", d(2026, 4, 1))
        with freeze_time("2026-04-10 09:00:00"):
            notice = Form(
                self.env["cic.foi.extend"]
                .with_user(self.clerk)
                .with_context(default_ticket_id=request.id)
            )
            self.assertIn("HG 123/2002 art. 16(1) lit. b)", notice.notice_due_basis)
        litigation = self.env["cic.foi.litigation"].create(
            {"request_id": request.id, "filing_date": d(2026, 5, 10)}
        )
        self.assertEqual(litigation.window_end, d(2026, 5, 15))
        self.assertEqual(
            litigation.window_end_basis,
            "Legea 544/2001 art. 22(1); 30 days, free days (CPC art. 181)",
        )

    def test_internal_date_set_by_the_clerk(self):
        petition = self.registered_on("petition", d(2026, 3, 2))
        petition.with_user(self.clerk)._cic_assign(
            self.team, self.staff, d(2026, 3, 20)
        )
        self.assertEqual(petition.cic_internal_due_date, d(2026, 3, 20))
        self.assertIn("set by the CIC", petition.cic_internal_due_basis)

    def test_law_544_request_dates(self):
        request = self.registered_on("foi_request", d(2026, 4, 1))
        self.assert_every_date_has_its_basis(
            request,
            [
                "cic_legal_due_date",
                "cic_internal_due_date",
                "cic_foi_refusal_due_date",
                "cic_foi_extension_notice_due_date",
            ],
        )
        self.assertEqual(
            request.cic_due_basis,
            "Legea 544/2001 art. 7(1); HG 123/2002 art. 16(2)-(3); 10 days, "
            "free days (CPC art. 181)",
        )
        self.assertEqual(
            request.cic_foi_refusal_due_basis,
            "Legea 544/2001 art. 7(2); HG 123/2002 art. 16(1) lit. d); 5 days, "
            "free days (CPC art. 181)",
        )
        self.assertEqual(
            request.cic_foi_extension_notice_due_basis,
            "Legea 544/2001 art. 7(1); HG 123/2002 art. 16(1) lit. b); 10 days, "
            "free days (CPC art. 181)",
        )
        with freeze_time("2026-04-14 09:00:00"):
            request.with_user(self.clerk)._cic_foi_extend("Volum mare")
        self.assertEqual(request.cic_legal_due_date, d(2026, 5, 4))
        self.assertIn("30 days", request.cic_due_basis)
        self.assertIn(
            "extended under Legea 544/2001 art. 7(1); HG 123/2002 art. 16(1) lit. c)",
            request.cic_due_basis,
        )

    @freeze_time("2026-04-20 09:00:00")
    def test_complaint_window(self):
        request = self.registered_on("foi_request", d(2026, 4, 1))
        complaint = self.registered_on(
            "foi_complaint",
            d(2026, 4, 20),
            cic_foi_request_id=request.id,
            cic_complaint_type="no_answer",
            cic_complaint_known_date=d(2026, 4, 14),
        )
        self.assert_every_date_has_its_basis(
            complaint, ["cic_legal_due_date", "cic_complaint_window_end"]
        )
        self.assertEqual(
            complaint.cic_complaint_window_basis,
            "Legea 544/2001 art. 21(1); 30 days, free days (CPC art. 181)",
        )

    def test_bases_in_romanian(self):
        self.env["res.lang"]._activate_lang("ro_RO")
        request = self.registered_on("foi_request", d(2026, 4, 1))
        self.clerk.lang = "ro_RO"
        as_clerk = request.with_user(self.clerk).with_context(lang="ro_RO")
        self.assertEqual(
            as_clerk.cic_foi_refusal_due_basis,
            "Legea 544/2001 art. 7(2); HG 123/2002 art. 16(1) lit. d); 5 zile, "
            "zile libere (CPC art. 181)",
        )
        self.assertIn("zile lucrătoare", as_clerk.cic_internal_due_basis)
