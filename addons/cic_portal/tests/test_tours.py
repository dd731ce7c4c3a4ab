# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from odoo.tests import tagged

from .common import CicPortalHttpCase


@tagged("post_install", "-at_install")
class TestPortalTours(CicPortalHttpCase):
    def test_petition_without_account_and_tracking(self):
        self.start_tour("/cic/form/petition", "cic_portal_petition_tour")
        ticket = self._tickets("Tour petiție iluminat public")
        self.assertEqual(len(ticket), 1)
        self.assertEqual(ticket.cic_procedure_id, self.procedure_petition)

    def test_foi_request_with_account_and_answer(self):
        self.start_tour(
            "/cic/form/foi_request", "cic_portal_foi_tour", login="cic_portal_a"
        )
        ticket = self._tickets("Tour 544 contracte de salubrizare")
        self.assertEqual(ticket.partner_id, self.portal_a.partner_id)
        answer = self.env["ir.attachment"].create(
            {
                "name": "raspuns-544.pdf",
                "datas": base64.b64encode(b"%PDF-1.4 raspuns"),
                "res_model": "helpdesk.ticket",
                "res_id": ticket.id,
            }
        )
        ticket.cic_released_attachment_ids = answer
        self.start_tour("/my/requests", "cic_portal_answer_tour", login="cic_portal_a")

    def test_withdraw_request(self):
        ticket = self._make_request(self.portal_a.partner_id, name="Tour retragere")
        ticket._cic_assign_registration_number()
        self.start_tour(
            "/my/requests", "cic_portal_withdraw_tour", login="cic_portal_a"
        )
        self.assertEqual(ticket.cic_closure_reason, "withdrawn")
        self.assertEqual(ticket.cic_withdrawn_by_id, self.portal_a)
        self.assertTrue(ticket.closed)

    def test_book_and_cancel_audience(self):
        official = self._weekday_official(
            "cic_portal_tour_mayor", "Primar Tur", job_title="Primar"
        )
        self.env["cic.audience.official"].search(
            [("id", "!=", official.id), ("published", "=", True)]
        ).published = False
        # The tour books the first free slot, which may start within the default
        # 24-hour cancellation limit (on a Sunday, Monday 08:00): no limit here.
        self.env["ir.config_parameter"].sudo().set_param(
            "cic_audience.cancel_limit_hours", "0"
        )
        self.start_tour(
            "/cic/audience", "cic_portal_audience_tour", login="cic_portal_a"
        )
        audience = self.env["cic.audience.request"].search(
            [("subject", "=", "Tour audiență teren agricol")]
        )
        self.assertEqual(audience.partner_id, self.portal_a.partner_id)
        self.assertEqual(audience.state, "cancel")
        self.assertEqual(audience.cancelled_by, "citizen")
