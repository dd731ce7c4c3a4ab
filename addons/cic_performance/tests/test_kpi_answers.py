# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the KPIs call an answer (R-KPI-1, R-PET-2, R-PET-11; issue 15 point 8):
classed entries are not answered, forwarded ones count as forwarded, a partial
refusal is not a full answer. Every entry is closed by the workflow action of the
person who does it (clerk, heads), not by writing its state."""

from odoo.tests import Form, new_test_user, tagged

from odoo.addons.cic_audience.tests.common import TUESDAY, CicAudienceCase
from odoo.addons.cic_registry.tests.workflow_common import CicWorkflowCase


@tagged("post_install", "-at_install")
class TestKpiAnswers(CicWorkflowCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.anonymous = cls.env["res.partner"].create({"name": "Semnătură ilizibilă"})

    def kpi(self):
        today = self.today()
        return (
            self.env["cic.kpi.service"]
            .with_user(self.secretary)
            ._cic_figures(today, today, team_ids=self.team.ids)
        )

    def answer(self, ticket):
        self.prepare_answer(ticket)
        self.approve(ticket)
        ticket.with_user(self.clerk).action_cic_dispatch_answer()

    def forward(self, ticket):
        wizard = Form(
            self.env["cic.petition.forward"]
            .with_user(self.clerk)
            .with_context(default_ticket_id=ticket.id)
        )
        wizard.authority_id = self.authority
        wizard.reason = "Drumul județean este administrat de Consiliul Județean."
        wizard.save().action_confirm()

    def refuse_in_part(self, ticket):
        wizard = Form(
            self.env["cic.foi.refuse"]
            .with_user(self.clerk)
            .with_context(default_ticket_id=ticket.id)
        )
        wizard.partial = True
        wizard.reason = "Anexele conțin date personale ale unor terți."
        wizard.answered_part = "<p>Contractul nr. 12/2025, fără anexe.</p>"
        wizard.save().action_confirm()

    def test_only_full_answers_are_answered(self):
        answered = self.petition(name="Iluminat stradal")
        classed = self.petition(partner_id=self.anonymous.id, name="Fără semnătură")
        forwarded = self.petition(name="Drum județean")
        refused = self.create_entry(
            "foi_request", partner_id=self.petitioner.id, name="Contract salubrizare"
        )
        self.answer(answered)
        classed.with_user(self.clerk).action_cic_class_anonymous()
        self.forward(forwarded)
        self.refuse_in_part(refused)
        self.assertEqual(
            [t.cic_closure_reason for t in (answered, classed, forwarded, refused)],
            ["answered", "anonymous", "redirected", "refused_partial"],
        )
        self.env.flush_all()
        kpi = self.kpi()
        self.assertEqual(kpi["entries"], 4)
        self.assertEqual(kpi["answered"], 1)
        self.assertEqual(kpi["classed"], 1)
        self.assertEqual(kpi["forwarded"], 1)
        self.assertEqual(kpi["refused_partial"], 1)
        rows = self.env["cic.kpi.report"].search(
            [("ticket_id", "in", (classed | forwarded | refused).ids)]
        )
        self.assertEqual(rows.mapped("answered_count"), [0, 0, 0])
        self.assertEqual(
            self.env["cic.kpi.report"]
            .search([("ticket_id", "=", answered.id)])
            .answered_count,
            1,
        )


@tagged("post_install", "-at_install")
class TestKpiAudienceShare(CicAudienceCase):
    """The register's "% solved in audience" and the KPI's are one figure (R-AUD-5):
    solved over held audiences; a no-show is not an audience held."""

    def test_register_and_kpi_share_agree(self):
        secretary = new_test_user(
            self.env,
            login="kpi_aud_secretary",
            groups="cic_registry.group_cic_secretary",
        )
        requests = self.env["cic.audience.request"]
        slots = [(8, 0), (8, 30), (9, 0), (9, 30)]
        outcomes = ["solved", "solved", "redirected", "no_show"]
        for (hour, minute), outcome in zip(slots, outcomes, strict=True):
            request = self._book(
                self._request(official=self.deputy, subject=outcome),
                hour=hour,
                minute=minute,
            )
            request.write({"outcome": outcome, "redirected_to": "Urbanism"})
            request.action_done()
            requests |= request
        groups = (
            self.env["cic.audience.request"]
            .with_user(secretary)
            ._read_group(
                [("id", "in", requests.ids)], ["official_id"], ["solved_percent:avg"]
            )
        )
        self.assertEqual(groups, [(self.deputy, 66.67)])
        kpi = (
            self.env["cic.kpi.service"]
            .with_user(secretary)
            ._cic_figures(TUESDAY, TUESDAY, user_ids=self.user_deputy.ids)
        )
        self.assertEqual(kpi["audiences_held"], 3)
        self.assertEqual(kpi["audiences_solved_pct"], 66.67)
