"""The demo data itself (run only on a database with demo data: bin/test's first
run; tests/conftest.py deselects this module, and says so, on one without).

Every other test makes its own records and passes on both databases
(tests/test_suite_layout.py checks that no other test reads a demo record).

- The demo town hall at first sight (issue 16): its coat of arms, name, address
  and phone on the website and the letters, and its registry entries assigned to
  its clerks and officials, never to OdooBot.
- The demo entries taken through the legal workflows, each state reached through
  its action by the users who may perform it.
- The demo users work in Romanian.
"""

import base64

import pytest
from lxml import etree

from odoo.tests import TransactionCase, tagged
from odoo.tools.misc import file_open, file_path

TICKET_FILES = (
    "cic_registry/demo/helpdesk_ticket_demo.xml",
    "cic_registry/demo/helpdesk_ticket_workflow_demo.xml",
    "cic_registry/demo/helpdesk_ticket_phone_line_demo.xml",
    "cic_portal_fee/demo/cic_fee_demo.xml",
)
COAT_OF_ARMS = "cic_registry/static/img/stema_exemplu.png"
CLERK = "cic_registry.user_ghiseu"

pytestmark = pytest.mark.demo


def xmlid(ref, module):
    return ref if "." in ref else f"{module}.{ref}"


def records(path, model):
    module = path.split("/", 1)[0]
    tree = etree.parse(file_path(path))
    for record in tree.iter("record"):
        if record.get("model") == model:
            fields = {f.get("name"): f for f in record.iter("field")}
            yield xmlid(record.get("id"), module), fields, module


@tagged("post_install", "-at_install")
class TestDemoFirstSight(TransactionCase):
    def _team_members(self):
        members = {}
        for team, fields, module in records(
            "cic_registry/demo/cic_registry_demo.xml", "helpdesk.ticket.team"
        ):
            refs = fields["user_ids"].get("eval")
            members[team] = {
                xmlid(ref.split("'")[1], module) for ref in refs.split("ref(")[1:]
            }
        return members

    def test_demo_entries_are_assigned_to_the_town_hall_staff(self):
        members = self._team_members()
        count = 0
        for entry, fields, module in (
            row for path in TICKET_FILES for row in records(path, "helpdesk.ticket")
        ):
            count += 1
            self.assertIn("user_id", fields, entry)
            user = xmlid(fields["user_id"].get("ref"), module)
            if "team_id" in fields:
                team = xmlid(fields["team_id"].get("ref"), module)
                self.assertIn(user, members[team], entry)
            else:
                # outgoing answers: the CIC clerk registers and sends them
                self.assertEqual(user, CLERK, entry)
        self.assertGreater(count, 80)
        odoobot = self.env.ref("base.user_root")
        self.assertFalse(
            self.env["helpdesk.ticket"].search_count([("user_id", "=", odoobot.id)])
        )

    def test_demo_town_hall_has_its_coat_of_arms_and_contact(self):
        with file_open(COAT_OF_ARMS, "rb") as image:
            arms = image.read()
        self.assertEqual(arms[:8], b"\x89PNG\r\n\x1a\n")
        ((_id, company, _module),) = (
            row
            for row in records("cic_registry/demo/cic_registry_demo.xml", "res.company")
            if row[0] == "base.main_company"
        )
        self.assertEqual(company["logo"].get("file"), COAT_OF_ARMS)
        self.assertTrue(company["phone"].text.startswith("+40 "))
        for field in ("name", "street", "city", "zip", "email"):
            self.assertTrue(company[field].text, field)
        ((_id, website, _module),) = records(
            "cic_portal/demo/cic_portal_demo.xml", "website"
        )
        self.assertEqual(website["logo"].get("file"), COAT_OF_ARMS)
        self.assertEqual(website["name"].text, company["name"].text)
        main = self.env.ref("base.main_company")
        default = self.env.ref("website.default_website")
        self.assertEqual(base64.b64decode(main.logo), arms)
        self.assertEqual(base64.b64decode(default.logo), arms)
        self.assertEqual(default.name, main.name)


@tagged("post_install", "-at_install")
class TestWorkflowDemo(TransactionCase):
    """The demo shows each workflow state reached through the workflow actions,
    with the users who may perform them."""

    def _entry(self, name):
        return self.env.ref(f"cic_registry.{name}")

    def test_answered_with_approvals_and_letter(self):
        entry = self._entry("wf_answered")
        self.assertEqual(entry.cic_closure_reason, "answered")
        self.assertEqual(entry.cic_department_approval_id.login, "sef.urbanism")
        self.assertEqual(entry.cic_head_approval_id.login, "secretar")
        letter = entry.cic_answer_ids.filtered(lambda x: x.cic_letter_type == "answer")
        self.assertTrue(letter.cic_registration_number)
        self.assertEqual(letter.cic_registration_number, entry.cic_registration_number)
        self.assertTrue(entry.cic_dispatch_date)

    def test_each_state_through_its_action(self):
        self.assertEqual(self._entry("wf_identical").cic_closure_reason, "identical")
        self.assertEqual(
            self._entry("wf_identical").cic_identical_of_id, self._entry("wf_answered")
        )
        self.assertEqual(self._entry("wf_forwarded").cic_closure_reason, "redirected")
        self.assertEqual(self._entry("wf_anonymous").cic_closure_reason, "anonymous")
        self.assertEqual(self._entry("wf_extended").cic_extension_days, 15)
        self.assertEqual(
            self._entry("wf_join_repeat").cic_joined_to_id, self._entry("wf_join_first")
        )
        self.assertTrue(self._entry("wf_foi_extended").cic_extension_days)
        refused = self._entry("wf_foi_refused")
        self.assertEqual(refused.cic_closure_reason, "refused")
        self.assertEqual(refused.cic_foi_refusal_ground, "personal_data")

    def test_demo_petitioner_linked_to_siruta(self):
        partner = self.env.ref("cic_registry.partner_vasile_moldovan")
        self.assertEqual(partner.cic_siruta_id.code, 1703)
        self.assertEqual(partner.state_id, self.env.ref("base.RO_AB"))

    def test_demo_numbers_follow_registration_dates(self):
        """In the demo register, as in a real one, a later number never has an
        earlier registration date (answers sharing their entry's number aside)."""
        self.env.cr.execute(
            """
            SELECT cic_registration_year, cic_registration_seq, cic_registration_date
              FROM helpdesk_ticket
             WHERE cic_registration_seq IS NOT NULL
               AND NOT COALESCE(cic_registration_shared, FALSE)
               AND company_id = %s
             ORDER BY cic_registration_year, cic_registration_seq
            """,
            [self.env.company.id],
        )
        previous = None
        for year, seq, registered in self.env.cr.fetchall():
            if previous and previous[0] == year:
                self.assertGreaterEqual(registered, previous[1], f"{seq}/{year}")
            previous = (year, registered)


@tagged("post_install", "-at_install")
class TestDemoUsers(TransactionCase):
    def test_demo_users_work_in_romanian(self):
        company = self.env.ref("base.main_company")
        self.assertEqual(company.name, "Primăria Municipiului Exemplu")
        users = self.env["res.users"].search([("share", "=", False)])
        self.assertEqual(set(users.mapped("lang")), {"ro_RO"})


@tagged("post_install", "-at_install")
class TestDemoCouncil(TransactionCase):
    """The demo town hall's Local Council and Monitorul Oficial Local (issue 17
    point 3): sessions, numbered decisions and dispositions, all published acts with
    their PDF, and the budget in the financial section."""

    def test_demo_council_and_mol(self):
        env = self.env
        sessions = env["cic.council.session"].search(
            [
                (
                    "id",
                    "in",
                    [
                        env.ref(f"cic_registry.cic_council_session_{m}_demo").id
                        for m in ("sep", "nov", "dec")
                    ],
                )
            ]
        )
        self.assertEqual(len(sessions), 3)
        self.assertTrue(all(s.is_published and s.agenda_item_ids for s in sessions))
        decisions = (
            env.ref("cic_registry.cic_council_decision_salubrizare_demo")
            | env.ref("cic_registry.cic_council_decision_teren_demo")
            | env.ref("cic_registry.cic_council_decision_rectificare_demo")
            | env.ref("cic_registry.cic_council_decision_taxe_demo")
            | env.ref("cic_registry.cic_council_decision_asociere_demo")
        )
        self.assertEqual(decisions.mapped("number"), [58, 59, 60, 61, 62])
        published = decisions.filtered("is_published")
        self.assertEqual(len(published), 4)
        self.assertTrue(
            all(d.with_context(bin_size=True).published_file for d in published)
        )
        refused = env.ref("cic_registry.cic_council_decision_asociere_demo")
        self.assertEqual(refused.countersign_state, "refused")
        self.assertTrue(
            env.ref("cic_registry.cic_countersign_refusal_asociere_demo").is_published
        )
        self.assertEqual(
            env.ref("cic_registry.cic_mayor_disposition_comisie_demo").act_kind,
            "individual",
        )
        self.assertEqual(
            env.ref("cic_portal.cic_public_document_budget_2026_demo").category,
            "budget",
        )
