# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Local Council and Monitorul Oficial Local (issue 17 point 3): convocation terms
(CPC art. 181, Codul administrativ art. 134), majorities (art. 139), numbering per
year, communication to the prefect (art. 197(1)) and publication (art. 198), the
register of refusals to countersign, and the journey of the council clerk and the
secretary general."""

import base64
import datetime

from odoo.exceptions import UserError
from odoo.tests import TransactionCase, new_test_user

from ..models.cic_council_decision import votes_needed


def d(year, month, day):
    return datetime.date(year, month, day)


class CicCouncilCase(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.company.write(
            {
                "cic_council_ordinary_notice_days": 5,
                "cic_council_extraordinary_notice_days": 3,
                "cic_council_prefect_working_days": 10,
                "cic_council_publication_days": 5,
                "cic_mol_publish_individual": True,
            }
        )
        cls.clerk = new_test_user(
            cls.env,
            login="cic_council_clerk",
            name="Ana Grefiera",
            groups="cic_registry.group_cic_clerk",
        )
        cls.secretary = new_test_user(
            cls.env,
            login="cic_council_secretary",
            name="Maria Secretarescu",
            groups="cic_registry.group_cic_secretary",
        )
        cls.Session = cls.env["cic.council.session"]
        cls.Decision = cls.env["cic.council.decision"]
        cls.Disposition = cls.env["cic.mayor.disposition"]

    @classmethod
    def _session(cls, start, convocation=None, session_type="ordinary", **vals):
        values = {
            "session_type": session_type,
            # 10:00 local time (07:00 UTC in summer, 08:00 in winter)
            "session_start": datetime.datetime.combine(start, datetime.time(7, 0)),
            "convocation_date": convocation,
            "location": "Sala de consiliu",
            "members_in_office": 15,
            "members_present": 12,
        }
        values.update(vals)
        return cls.Session.create(values)

    def _decision(self, session, majority="simple", **vals):
        values = {
            "name": "Test proiect de hotărâre",
            "session_id": session.id,
            "majority": majority,
            "members_in_office": 15,
            "members_present": 12,
        }
        values.update(vals)
        return self.Decision.create(values)


class TestCouncilConvocation(CicCouncilCase):
    def test_ordinary_term_ends_on_holiday_moves_to_next_working_day(self):
        # Convened Tue 26 May 2026: 5 free days 27-31 May; the session day
        # would be Mon 1 Jun 2026 (Children's Day and Whit Monday): Tue 2 Jun.
        session = self._session(d(2026, 6, 2), d(2026, 5, 26))
        self.assertEqual(session.earliest_session_date, d(2026, 6, 2))

    def test_ordinary_term_ending_on_weekend(self):
        # Convened Mon 2 Mar 2026: free days 3-7 Mar; Sun 8 Mar -> Mon 9 Mar.
        session = self._session(d(2026, 3, 9), d(2026, 3, 2))
        self.assertEqual(session.earliest_session_date, d(2026, 3, 9))

    def test_extraordinary_term(self):
        session = self._session(d(2026, 3, 6), d(2026, 3, 2), "extraordinary")
        # free days 3, 4, 5 Mar: Fri 6 Mar
        self.assertEqual(session.earliest_session_date, d(2026, 3, 6))
        session.convocation_date = d(2026, 3, 4)
        # free days 5, 6, 7 Mar; Sun 8 Mar -> Mon 9 Mar
        self.assertEqual(session.earliest_session_date, d(2026, 3, 9))

    def test_the_days_are_a_setting(self):
        self.company.cic_council_ordinary_notice_days = 7
        session = self._session(d(2026, 3, 11), d(2026, 3, 2))
        # 7 free days 3-9 Mar: Tue 10 Mar
        self.assertEqual(session.earliest_session_date, d(2026, 3, 10))

    def test_convening_too_late_is_refused(self):
        session = self._session(d(2026, 3, 6), d(2026, 3, 2))
        session.agenda_item_ids = [(0, 0, {"name": "Aprobarea procesului-verbal"})]
        with self.assertRaisesRegex(UserError, "09.03.2026"):
            session.with_user(self.clerk).action_convene()
        self.assertEqual(session.state, "draft")
        session.session_start = datetime.datetime(2026, 3, 9, 8, 0)
        session.with_user(self.clerk).action_convene()
        self.assertEqual(session.state, "convened")

    def test_immediate_session_has_no_term(self):
        session = self._session(d(2026, 3, 2), d(2026, 3, 2), "immediate")
        session.agenda_item_ids = [(0, 0, {"name": "Situație de urgență"})]
        session.with_user(self.clerk).action_convene()
        self.assertEqual(session.state, "convened")

    def test_convocation_needs_place_platform_and_agenda(self):
        session = self._session(d(2026, 3, 9), d(2026, 3, 2), meeting_format="online")
        session.agenda_item_ids = [(0, 0, {"name": "Punct"})]
        with self.assertRaisesRegex(UserError, "platform"):
            session.action_convene()
        session.platform = "https://meet.example.ro/consiliu"
        session.agenda_item_ids = [(5,)]
        with self.assertRaisesRegex(UserError, "agenda"):
            session.action_convene()


class TestCouncilMajority(CicCouncilCase):
    def test_votes_needed_vectors(self):
        # 15 in office, 12 present: simple 7, absolute 8, two thirds 10
        self.assertEqual(votes_needed("simple", 15, 12), 7)
        self.assertEqual(votes_needed("absolute", 15, 12), 8)
        self.assertEqual(votes_needed("two_thirds", 15, 12), 10)
        # odd numbers present / in office
        self.assertEqual(votes_needed("simple", 15, 13), 7)
        self.assertEqual(votes_needed("absolute", 19, 13), 10)
        self.assertEqual(votes_needed("two_thirds", 19, 13), 13)
        # two thirds of a multiple of three is exact
        self.assertEqual(votes_needed("two_thirds", 9, 9), 6)
        self.assertEqual(votes_needed("two_thirds", 12, 9), 8)

    def test_each_majority_at_its_edge(self):
        session = self._session(d(2031, 3, 20), d(2031, 3, 10))
        for majority, needed in (("simple", 7), ("absolute", 8), ("two_thirds", 10)):
            below = self._decision(session, majority, votes_for=needed - 1)
            below.action_record_vote()
            self.assertEqual(below.state, "rejected", majority)
            self.assertFalse(below.number)
            reached = self._decision(session, majority, votes_for=needed)
            reached.action_record_vote()
            self.assertEqual(reached.state, "adopted", majority)
            self.assertTrue(reached.number)

    def test_impossible_votes_and_no_quorum_are_refused(self):
        session = self._session(d(2031, 3, 20), d(2031, 3, 10))
        too_many = self._decision(
            session, votes_for=8, votes_against=4, votes_abstain=1
        )
        with self.assertRaisesRegex(UserError, "13 votes"):
            too_many.action_record_vote()
        no_quorum = self._decision(session, members_present=7, votes_for=7)
        with self.assertRaisesRegex(UserError, "quorum"):
            no_quorum.action_record_vote()
        more_present = self._decision(session, members_present=16, votes_for=9)
        with self.assertRaises(UserError):
            more_present.action_record_vote()
        self.assertEqual(
            (too_many | no_quorum | more_present).mapped("state"), ["draft"] * 3
        )

    def test_recorded_vote_is_locked(self):
        session = self._session(d(2031, 3, 20), d(2031, 3, 10))
        decision = self._decision(session, votes_for=9)
        decision.with_user(self.clerk).action_record_vote()
        with self.assertRaises(UserError):
            decision.with_user(self.clerk).votes_for = 3
        with self.assertRaises(UserError):
            decision.with_user(self.clerk).action_record_vote()


class TestCouncilNumbering(CicCouncilCase):
    def test_numbers_per_year_without_gaps(self):
        s1 = self._session(d(2031, 3, 20), d(2031, 3, 10))
        s2 = self._session(d(2032, 1, 29), d(2032, 1, 20))
        first = self._decision(s1, votes_for=9)
        rejected = self._decision(s1, votes_for=2)
        second = self._decision(s1, votes_for=9)
        next_year = self._decision(s2, votes_for=9)
        (first | rejected | second | next_year).action_record_vote()
        self.assertEqual((first.number, first.year), (1, 2031))
        self.assertFalse(rejected.number)
        self.assertEqual((second.number, second.year), (2, 2031))
        self.assertEqual((next_year.number, next_year.year), (1, 2032))
        self.assertEqual(second.number_display, "2/2031")
        self.assertEqual(second.act_date, d(2031, 3, 20))
        # draft numbers: consecutive in the register of drafts
        drafts = (first | rejected | second).mapped("draft_number")
        self.assertEqual(drafts, list(range(drafts[0], drafts[0] + 3)))

    def test_disposition_numbers_per_year(self):
        dispositions = self.Disposition.create(
            [{"name": f"Test dispoziție {i}"} for i in range(3)]
        )
        for disposition, day in zip(
            dispositions, (d(2031, 5, 4), d(2031, 5, 5), d(2032, 1, 8)), strict=True
        ):
            disposition.with_user(self.secretary)._cic_issue(day)
        self.assertEqual(dispositions.mapped("number"), [1, 2, 1])
        self.assertEqual(dispositions.mapped("year"), [2031, 2031, 2032])

    def test_only_the_mayor_issues(self):
        disposition = self.Disposition.create({"name": "Test dispoziție"})
        with self.assertRaises(UserError):
            disposition.with_user(self.clerk).action_issue()
        self.assertFalse(disposition.number)

    def test_numbers_and_states_are_not_typed(self):
        session = self._session(d(2031, 3, 20), d(2031, 3, 10))
        decision = self._decision(session)
        for vals in (
            {"number": 99},
            {"state": "adopted"},
            {"is_published": True},
            {"prefect_communication_date": d(2031, 3, 21)},
            {"countersign_state": "countersigned"},
        ):
            with self.assertRaises(UserError, msg=vals):
                decision.with_user(self.clerk).write(vals)
        with self.assertRaises(UserError):
            self.Decision.with_user(self.clerk).create(
                {"name": "Test", "number": 5, "year": 2031}
            )


class TestCouncilActDeadlines(CicCouncilCase):
    def _adopted(self, session_day, act_kind="normative"):
        session = self._session(session_day, session_day - datetime.timedelta(days=10))
        decision = self._decision(session, votes_for=9, act_kind=act_kind)
        decision.action_record_vote()
        return decision

    def test_communication_to_the_prefect_in_working_days(self):
        # Adopted Thu 28 May 2026: 10 working days, 1 Jun is a holiday: Fri 12 Jun.
        decision = self._adopted(d(2026, 5, 28))
        self.assertEqual(decision.prefect_due_date, d(2026, 6, 12))

    def test_publication_within_five_days_of_the_communication(self):
        decision = self._adopted(d(2026, 5, 28))
        decision.sudo().prefect_communication_date = d(2026, 6, 2)
        # 2 Jun + 5 = Sun 7 Jun -> Mon 8 Jun
        self.assertEqual(decision.publication_due_date, d(2026, 6, 8))
        decision.sudo().prefect_communication_date = d(2026, 6, 12)
        self.assertEqual(decision.publication_due_date, d(2026, 6, 17))

    def test_individual_act_has_no_publication_term(self):
        decision = self._adopted(d(2026, 5, 28), "individual")
        decision.sudo().prefect_communication_date = d(2026, 6, 2)
        self.assertFalse(decision.publication_due_date)


class TestCountersignRefusals(CicCouncilCase):
    def setUp(self):
        super().setUp()
        session = self._session(d(2031, 3, 20), d(2031, 3, 10))
        self.decision = self._decision(session, votes_for=9)
        self.decision.action_record_vote()

    def test_refusal_needs_reasons_and_enters_the_register(self):
        decision = self.decision.with_user(self.secretary)
        with self.assertRaisesRegex(UserError, "reasons"):
            decision.action_refuse_countersign()
        decision.countersign_refusal_reason = (
            "Lipsește avizul comisiei de specialitate."
        )
        decision.action_refuse_countersign()
        self.assertEqual(decision.countersign_state, "refused")
        refusal = self.env["cic.countersign.refusal"].search(
            [("decision_id", "=", decision.id)]
        )
        self.assertEqual(len(refusal), 1)
        self.assertEqual(refusal.reasons, "Lipsește avizul comisiei de specialitate.")
        self.assertEqual(refusal.secretary_id, self.secretary)
        self.assertIn(decision.number_display, refusal.act_name)
        self.assertTrue(refusal.number)
        self.assertFalse(refusal.is_published)
        # the refused act still goes to the prefect (with the refusal)
        decision.with_user(self.clerk).action_communicate_prefect()
        self.assertTrue(decision.prefect_communication_date)

    def test_only_the_secretary_countersigns_or_refuses(self):
        decision = self.decision.with_user(self.clerk)
        decision.countersign_refusal_reason = "Motiv"
        with self.assertRaises(UserError):
            decision.action_countersign()
        with self.assertRaises(UserError):
            decision.action_refuse_countersign()
        with self.assertRaises(UserError):
            self.env["cic.countersign.refusal"].with_user(self.secretary).create(
                {"reasons": "Fals", "date": d(2031, 3, 21)}
            )
        self.assertEqual(self.decision.countersign_state, "pending")

    def test_not_communicated_before_countersignature(self):
        with self.assertRaisesRegex(UserError, "countersigned"):
            self.decision.with_user(self.clerk).action_communicate_prefect()


class TestCouncilJourney(CicCouncilCase):
    """The council clerk prepares the session from a Law 52 draft, the council
    votes, the secretary general countersigns, the clerk communicates and
    publishes; the published PDF has no signature and no name of a signatory."""

    def test_clerk_and_secretary_journey(self):
        draft = self.env["cic.transparency.draft"].create(
            {
                "name": "Test proiect HCL privind parcările de reședință",
                "act_type": "hcl",
            }
        )
        draft.sudo().write({"state": "submitted", "publication_date": d(2031, 1, 6)})
        clerk_env = self.env(user=self.clerk)
        session = clerk_env["cic.council.session"].create(
            {
                "session_type": "ordinary",
                "session_start": datetime.datetime(2031, 3, 20, 8, 0),
                "convocation_date": d(2031, 3, 10),
                "meeting_format": "mixed",
                "location": "Sala de consiliu",
                "platform": "https://meet.example.ro/consiliu",
                "materials_location": "Dosarul electronic al ședinței",
                "members_in_office": 15,
                "members_present": 12,
            }
        )
        session.action_add_submitted_drafts()
        self.assertEqual(session.agenda_item_ids.name, draft.name)
        decision = session.agenda_item_ids.decision_id
        self.assertEqual(decision.transparency_draft_id, draft)
        # a second call does not add it twice
        session.action_add_submitted_drafts()
        self.assertEqual(len(session.agenda_item_ids), 1)
        session.action_convene()
        decision.write(
            {
                "majority": "absolute",
                "votes_for": 8,
                "votes_against": 3,
                "votes_abstain": 1,
                "content": "<p>Art. 1. Se aprobă regulamentul parcărilor.</p>",
            }
        )
        decision.action_record_vote()
        self.assertEqual(decision.state, "adopted")
        self.assertEqual(draft.state, "adopted")
        session.action_held()
        with self.assertRaises(UserError):
            decision.action_publish()
        decision.with_user(self.secretary).action_countersign()
        self.assertEqual(decision.countersigned_by_id, self.secretary)
        decision.action_communicate_prefect()
        with self.assertRaisesRegex(UserError, "personal data"):
            decision.action_publish()
        decision.anonymised = True
        decision.action_publish()
        self.assertTrue(decision.is_published)
        content = decision.sudo().published_file
        self.assertTrue(content)
        text = base64.b64decode(content).decode("utf-8", "replace")
        self.assertIn("Se aprobă regulamentul parcărilor", text)
        self.assertNotIn(self.secretary.name, text)
        self.assertNotIn(self.clerk.name, text)
        # a published act is not edited any more
        with self.assertRaises(UserError):
            decision.name = "Alt titlu"

    def test_individual_disposition_is_not_published(self):
        disposition = self.Disposition.create(
            {"name": "Test dispoziție individuală", "act_kind": "individual"}
        )
        disposition.with_user(self.secretary)._cic_issue(d(2031, 5, 4))
        disposition.with_user(self.secretary).action_countersign()
        disposition.with_user(self.clerk).action_communicate_prefect()
        disposition.anonymised = True
        with self.assertRaisesRegex(UserError, "individual"):
            disposition.with_user(self.clerk).action_publish()

    def test_individual_decisions_follow_the_policy(self):
        self.company.cic_mol_publish_individual = False
        session = self._session(d(2031, 3, 20), d(2031, 3, 10))
        decision = self._decision(session, votes_for=9, act_kind="individual")
        decision.action_record_vote()
        decision.with_user(self.secretary).action_countersign()
        decision.action_communicate_prefect()
        decision.anonymised = True
        with self.assertRaisesRegex(UserError, "individual"):
            decision.action_publish()
        self.company.cic_mol_publish_individual = True
        decision.action_publish()
        self.assertTrue(decision.is_published)

    def test_registers_print(self):
        session = self._session(d(2031, 3, 20), d(2031, 3, 10))
        decision = self._decision(session, votes_for=9)
        decision.action_record_vote()
        Report = self.env["ir.actions.report"]
        for report in (
            "cic_registry.action_report_cic_council_decision_register",
            "cic_registry.action_report_cic_council_decision_draft_register",
        ):
            html = Report._render_qweb_html(report, decision.ids)[0].decode()
            self.assertIn(decision.name, html)
        decision.with_user(self.secretary).countersign_refusal_reason = "Motiv"
        decision.with_user(self.secretary).action_refuse_countersign()
        refusal = self.env["cic.countersign.refusal"].search(
            [("decision_id", "=", decision.id)]
        )
        html = Report._render_qweb_html(
            "cic_registry.action_report_cic_countersign_refusal_register", refusal.ids
        )[0].decode()
        self.assertIn("Motiv", html)
