# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""One rule for the legal due date (issue 15 point 1): a petition born from an
audience runs from the audience date (R-AUD-4) and keeps the extension actually
granted (R-PET-4). Dates are computed by hand (free days: roll(D + n + 1)) and
"today" is fixed."""

from datetime import date

from freezegun import freeze_time

from odoo.tests import Form, new_test_user

from .common import TUESDAY, CicAudienceCase


class TestAudiencePetitionTerm(CicAudienceCase):
    def test_extended_audience_petition_counts_from_the_audience(self):
        secretary = new_test_user(
            self.env,
            login="cic_aud_term_secretary",
            groups="cic_registry.group_cic_secretary",
        )
        request = self._book(self._request())
        request.write({"minute": "<p>Solicită refacerea trotuarului.</p>"})
        # Written down as a petition two days after the audience of Tue 8 Jan 2030.
        with freeze_time("2030-01-10 09:00:00"):
            request.action_convert_to_petition()
        ticket = request.petition_ticket_id
        self.assertEqual(ticket.cic_term_start_date, TUESDAY)
        self.assertEqual(ticket.cic_registration_date.date(), date(2030, 1, 10))
        # 8 Jan 2030 + 31 = Fri 8 Feb 2030.
        self.assertEqual(ticket.cic_legal_due_date, date(2030, 2, 8))
        # The basis shown next to it names the audience the term runs from (R-CAL-6).
        self.assertEqual(
            ticket.cic_due_basis,
            "OG 27/2002 art. 8(1); 30 days, free days (CPC art. 181); "
            "counted from the audience of 08.01.2030",
        )
        with freeze_time("2030-01-21 09:00:00"):
            wizard = Form(
                self.env["cic.petition.extend"]
                .with_user(secretary)
                .with_context(default_ticket_id=ticket.id)
            )
            wizard.days = 10
            # The preview counts from the audience: 8 Jan 2030 + 41 = Mon 18 Feb
            # 2030 (from the registration it would be Wed 20 Feb).
            self.assertEqual(wizard.new_due_date, date(2030, 2, 18))
            wizard.save().action_confirm()
        self.assertEqual(ticket.cic_extension_days, 10)
        # due(audience date, 30 + 10), not 45 days (Mon 25 Feb 2030).
        self.assertEqual(ticket.cic_legal_due_date, date(2030, 2, 18))
        self.assertEqual(
            ticket.cic_due_basis,
            "OG 27/2002 art. 8(1); 40 days, free days (CPC art. 181); "
            "extended under OG 27/2002 art. 9; counted from the audience of "
            "08.01.2030",
        )
