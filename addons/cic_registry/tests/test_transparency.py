# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Decisional transparency under Law 52/2003: R-TD-1..5."""

import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user

from .common import d
from .workflow_common import CicWorkflowCase


class TestTransparency(CicWorkflowCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.association = cls.env["res.partner"].create(
            {
                "name": "Asociația Civică Exemplu",
                "is_company": True,
                "email": "contact@asociatia-exemplu.example.com",
            }
        )

    def draft(self, publication_date=None, **vals):
        """A draft created by the clerk; with ``publication_date``, published by
        the clerk on that day (the server dates the publication)."""
        values = {"name": "Proiect HCL privind regulamentul de salubrizare"}
        values.update(vals)
        draft = self.env["cic.transparency.draft"].with_user(self.clerk).create(values)
        if publication_date:
            with freeze_time(
                datetime.datetime.combine(publication_date, datetime.time(9))
            ):
                draft.with_user(self.clerk).action_publish()
            self.assertEqual(draft.publication_date, publication_date)
        return draft

    def meeting(self, meeting_date, **vals):
        values = {"name": "Ședința Consiliului Local", "meeting_date": meeting_date}
        values.update(vals)
        return self.env["cic.transparency.meeting"].with_user(self.clerk).create(values)

    # ------------------------------------------------------------------
    # R-TD-1: draft normative acts
    # ------------------------------------------------------------------
    def test_earliest_submission_thirty_working_days(self):
        draft = self.draft(publication_date=d(2026, 3, 2))
        # 30 working days after Mon 2 Mar 2026, skipping Good Friday (10 Apr) and
        # Easter Monday (13 Apr): Wed 15 Apr 2026.
        self.assertEqual(draft.earliest_submission_date, d(2026, 4, 15))

    def test_submission_blocked_before_consultation_ends(self):
        draft = self.draft()
        draft.action_publish()
        self.assertEqual(draft.publication_date, self.today())
        self.assertEqual(
            draft.recommendations_deadline, self.today() + datetime.timedelta(days=10)
        )
        with self.assertRaises(UserError):
            draft.action_submit()
        self.assertEqual(draft.state, "published")

    def test_submission_after_consultation(self):
        draft = self.draft(publication_date=self.today() - datetime.timedelta(days=60))
        draft.action_submit()
        self.assertEqual(draft.state, "submitted")
        self.assertEqual(draft.submission_date, self.today())
        draft.action_adopt()
        self.assertEqual(draft.state, "adopted")

    def test_urgency_needs_justification_and_head_approval(self):
        draft = self.draft(urgency=True)
        draft.action_publish()
        with self.assertRaises(UserError):
            draft.with_user(self.secretary).action_approve_urgency()
        draft.urgency_justification = "Risc de pierdere a finanțării europene."
        with self.assertRaises(UserError):
            draft.with_user(self.clerk).action_approve_urgency()
        with self.assertRaises(UserError):
            draft.action_submit()
        draft.with_user(self.secretary).action_approve_urgency()
        self.assertEqual(draft.urgency_approved_by_id, self.secretary)
        draft.action_submit()
        self.assertEqual(draft.state, "submitted")

    def test_changed_justification_voids_urgency_approval(self):
        draft = self.draft(urgency=True, urgency_justification="Termen PNRR")
        draft.with_user(self.secretary).action_approve_urgency()
        draft.urgency_justification = "Alt motiv"
        self.assertFalse(draft.urgency_approved_by_id)

    def test_published_documents_are_the_drafts_own(self):
        """Only documents marked published go online; an upload made before the
        draft was saved becomes the draft's; another record's file is refused."""
        Attachment = self.env["ir.attachment"].with_user(self.clerk)
        early = Attachment.create(
            {
                "name": "proiect.pdf",
                "raw": b"%PDF-1.4",
                "res_model": "cic.transparency.draft",
            }
        )
        draft = self.draft(published_attachment_ids=[(6, 0, early.ids)])
        self.assertEqual(early.res_id, draft.id)
        internal = Attachment.create(
            {
                "name": "aviz-intern.txt",
                "raw": b"intern",
                "res_model": draft._name,
                "res_id": draft.id,
            }
        )
        self.assertEqual(draft._cic_published_documents(), early)
        other = self.draft(name="Alt proiect")
        foreign = Attachment.create(
            {
                "name": "alt.txt",
                "raw": b"x",
                "res_model": other._name,
                "res_id": other.id,
            }
        )
        with self.assertRaises(ValidationError):
            draft.with_user(self.clerk).published_attachment_ids = [(4, foreign.id)]
        self.assertNotIn(internal, draft._cic_published_documents())

    def test_short_recommendations_deadline_warns(self):
        draft = self.draft(
            publication_date=d(2026, 6, 1), recommendations_deadline=d(2026, 6, 8)
        )
        self.assertTrue(draft.recommendations_deadline_warning)
        self.assertIn("11.06.2026", draft.recommendations_deadline_warning)
        draft.recommendations_deadline = d(2026, 6, 11)
        self.assertFalse(draft.recommendations_deadline_warning)

    def test_publication_date_set_by_the_server_and_locked(self):
        """Law 52/2003 art. 7: the clerk cannot type, back-date or move the
        publication date; publishing dates it, and the consultation counts from
        it (30 working days from Mon 1 Jun 2026: Mon 13 Jul 2026)."""
        Draft = self.env["cic.transparency.draft"].with_user(self.clerk)
        with self.assertRaises(UserError):
            Draft.create({"name": "Proiect", "publication_date": "2026-01-05"})
        draft = Draft.create({"name": "Proiect"})
        with self.assertRaises(UserError):
            draft.write({"publication_date": "2026-01-05"})
        self.assertFalse(draft.publication_date)
        with freeze_time("2026-06-01 09:00:00"):
            draft.action_publish()
        self.assertEqual(draft.publication_date, d(2026, 6, 1))
        self.assertEqual(draft.recommendations_deadline, d(2026, 6, 11))
        self.assertEqual(draft.earliest_submission_date, d(2026, 7, 13))
        for day in ("2026-04-01", False):
            with self.assertRaises(UserError):
                draft.write({"publication_date": day})
        self.assertEqual(draft.publication_date, d(2026, 6, 1))

    # ------------------------------------------------------------------
    # R-TD-2: recommendations register
    # ------------------------------------------------------------------
    def test_recommendation_registered_and_late_flag(self):
        draft = self.draft(
            publication_date=d(2026, 6, 1), recommendations_deadline=d(2026, 6, 11)
        )
        recommendation = self.env["cic.transparency.recommendation"].with_user(
            self.clerk
        )
        in_time = recommendation.create(
            {
                "draft_id": draft.id,
                "author_id": self.association.id,
                "text": "Colectare separată de două ori pe săptămână.",
                "date_received": d(2026, 6, 11),
            }
        )
        late = recommendation.create(
            {
                "draft_id": draft.id,
                "author_id": self.petitioner.id,
                "text": "Tarif redus pentru pensionari.",
                "date_received": d(2026, 6, 12),
            }
        )
        self.assertFalse(in_time.is_late)
        self.assertTrue(late.is_late, "late but kept")
        self.assertEqual(draft.recommendation_count, 2)
        ticket = in_time.ticket_id
        self.assertEqual(ticket.cic_procedure_id.code, "transparency_recommendation")
        self.assertTrue(in_time.registration_number)
        self.assertEqual(ticket.partner_id, self.association)
        self.assertNotEqual(in_time.registration_number, late.registration_number)

    def test_recommendation_decision_needs_reason(self):
        draft = self.draft(publication_date=d(2026, 6, 1))
        rec = self.env["cic.transparency.recommendation"].create(
            {
                "draft_id": draft.id,
                "author_id": self.association.id,
                "text": "Propunere",
            }
        )
        with self.assertRaises(ValidationError):
            rec.decision = "rejected"
        rec.write(
            {"decision": "partly", "decision_reason": "Parțial, din lipsă de buget"}
        )
        self.assertEqual(rec.decision, "partly")
        rec.write({"decision": "accepted", "decision_reason": False})
        self.assertEqual(rec.decision, "accepted")

    # ------------------------------------------------------------------
    # R-TD-3: public-debate requests
    # ------------------------------------------------------------------
    def test_debate_request_mandatory_and_term(self):
        draft = self.draft(publication_date=d(2026, 6, 1))
        requests = self.env["cic.transparency.debate.request"].with_user(self.clerk)
        association = requests.create(
            {
                "draft_id": draft.id,
                "requester_id": self.association.id,
                "requester_type": "association",
                "request_date": d(2026, 6, 3),
            }
        )
        citizen = requests.create(
            {
                "draft_id": draft.id,
                "requester_id": self.petitioner.id,
                "requester_type": "citizen",
                "request_date": d(2026, 6, 3),
            }
        )
        self.assertTrue(association.mandatory)
        self.assertFalse(citizen.mandatory)
        self.assertEqual(association.organise_by, d(2026, 6, 15), "Sat 13 Jun rolls")
        self.env.company.cic_td_debate_term_days = 5
        self.assertEqual(association.organise_by, d(2026, 6, 8))
        association.action_create_debate()
        debate = association.meeting_id
        self.assertEqual(debate.meeting_type, "debate")
        self.assertIn(draft, debate.draft_ids)
        with self.assertRaises(UserError):
            association.action_create_debate()

    # ------------------------------------------------------------------
    # R-TD-4: public meeting notice
    # ------------------------------------------------------------------
    def test_meeting_notice_vector_calendar_rule(self):
        meeting = self.meeting(d(2026, 6, 11))
        self.assertEqual(meeting.notice_deadline, d(2026, 6, 8))
        meeting.notice_publication_date = d(2026, 6, 8)
        with self.assertRaises(ValidationError):
            meeting.notice_publication_date = d(2026, 6, 9)

    def test_meeting_notice_vector_free_days_rule(self):
        self.env.company.cic_td_notice_rule = "free_days"
        meeting = self.meeting(d(2026, 6, 11))
        # Thu 11 Jun - 4 = Sun 7 Jun, not a working day: Fri 5 Jun 2026.
        self.assertEqual(meeting.notice_deadline, d(2026, 6, 5))
        with self.assertRaises(ValidationError):
            meeting.notice_publication_date = d(2026, 6, 8)

    def test_notice_sent_to_recommendation_authors(self):
        draft = self.draft(publication_date=d(2026, 6, 1))
        self.env["cic.transparency.recommendation"].create(
            {
                "draft_id": draft.id,
                "author_id": self.association.id,
                "text": "Propunere",
            }
        )
        meeting = self.meeting(
            self.today() + datetime.timedelta(days=10),
            place="Sala de consiliu",
            draft_ids=[(6, 0, draft.ids)],
        )
        meeting.action_publish_notice()
        self.assertEqual(meeting.state, "announced")
        self.assertEqual(meeting.notice_publication_date, self.today())
        notice = meeting.message_ids.filtered(
            lambda m: self.association in m.partner_ids
        )
        self.assertTrue(notice, "the notice goes to the recommendation authors")
        self.assertIn("Sala de consiliu", notice[0].body)

    def test_late_notice_cannot_be_published(self):
        meeting = self.meeting(self.today() + datetime.timedelta(days=1))
        with self.assertRaises(ValidationError):
            meeting.action_publish_notice()
        self.assertEqual(meeting.state, "planned")

    # ------------------------------------------------------------------
    # R-TD-5: minutes with votes
    # ------------------------------------------------------------------
    def test_minutes_with_votes_published(self):
        meeting = self.meeting(self.today() + datetime.timedelta(days=5))
        meeting.action_publish_notice()
        with self.assertRaises(UserError):
            meeting.action_publish_minutes()
        meeting.action_mark_held()
        meeting.write(
            {
                "minutes": "<p>Proiectul a fost adoptat.</p>",
                "participant_count": 23,
                "vote_ids": [
                    (
                        0,
                        0,
                        {
                            "item": "Punctul 1",
                            "member_name": "Consilier A",
                            "vote": "for",
                        },
                    ),
                    (
                        0,
                        0,
                        {
                            "item": "Punctul 1",
                            "member_name": "Consilier B",
                            "vote": "against",
                        },
                    ),
                    (
                        0,
                        0,
                        {
                            "item": "Punctul 1",
                            "member_name": "Consilier C",
                            "vote": "abstain",
                        },
                    ),
                ],
            }
        )
        meeting.action_publish_minutes()
        self.assertEqual(meeting.state, "minutes_published")
        self.assertEqual(meeting.minutes_publication_date, self.today())
        self.assertEqual(
            sorted(meeting.vote_ids.mapped("vote")), ["abstain", "against", "for"]
        )

    def test_non_public_meeting_needs_reason(self):
        with self.assertRaises(ValidationError):
            self.meeting(d(2026, 6, 11), public=False)
        meeting = self.meeting(
            d(2026, 6, 11), public=False, non_public_reason="Informații clasificate"
        )
        self.assertFalse(meeting.public)

    def test_department_staff_reads_only(self):
        draft = self.draft()
        self.assertEqual(draft.with_user(self.staff).name, draft.name)
        with self.assertRaises(AccessError):
            draft.with_user(self.staff).write({"name": "Modificat"})

    # ------------------------------------------------------------------
    # Published on the website: what visitors and citizens read
    # ------------------------------------------------------------------
    def test_citizen_reads_published_records_only(self):
        citizen = new_test_user(
            self.env, login="cic_td_citizen", groups="base.group_portal"
        )
        published = self.draft(published_website=True)
        published.with_user(self.clerk).action_publish()
        hidden = self.draft(name="Proiect în pregătire", published_website=True)
        Draft = self.env["cic.transparency.draft"].with_user(citizen)
        self.assertEqual(
            Draft.search([("id", "in", (published | hidden).ids)]), published
        )
        self.assertEqual(
            Draft.search([("website_visible", "=", False)]), Draft.browse()
        )
        recommendation = self.env["cic.transparency.recommendation"].create(
            {
                "draft_id": published.id,
                "author_id": self.association.id,
                "text": "Propunere",
                "decision": "accepted",
            }
        )
        as_citizen = recommendation.with_user(citizen)
        self.assertEqual(as_citizen.text, "Propunere")
        with self.assertRaises(AccessError):
            as_citizen.read(["author_id"])
        with self.assertRaises(AccessError):
            as_citizen.read(["ticket_id"])
        # A notice dated tomorrow is on the website from tomorrow on.
        tomorrow = self.today() + datetime.timedelta(days=1)
        meeting = self.meeting(
            self.today() + datetime.timedelta(days=30), notice_publication_date=tomorrow
        )
        Meeting = self.env["cic.transparency.meeting"].with_user(citizen)
        self.assertFalse(Meeting.search([("id", "=", meeting.id)]))
        with freeze_time(datetime.datetime.combine(tomorrow, datetime.time(9))):
            self.assertEqual(Meeting.search([("id", "=", meeting.id)]), meeting)
