"""The demo town hall at first sight (issue 16): its coat of arms, name, address
and phone on the website and the letters, and its registry entries assigned to
its clerks and officials, never to OdooBot.

The demo files are read and checked on every database; the installed demo records
are checked too where the demo data is installed (bin/test)."""

import base64

from lxml import etree

from odoo.tests import TransactionCase, tagged
from odoo.tools.misc import file_open, file_path

TICKET_FILES = (
    "cic_registry/demo/helpdesk_ticket_demo.xml",
    "cic_registry/demo/helpdesk_ticket_workflow_demo.xml",
    "cic_registry/demo/helpdesk_ticket_phone_line_demo.xml",
    "cic_portal/demo/cic_fee_demo.xml",
)
COAT_OF_ARMS = "cic_registry/static/img/stema_exemplu.png"
CLERK = "cic_registry.user_ghiseu"


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

    def _demo_installed(self):
        module = self.env["ir.module.module"].search([("name", "=", "cic_registry")])
        return module.demo

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
        if self._demo_installed():
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
        if self._demo_installed():
            main = self.env.ref("base.main_company")
            default = self.env.ref("website.default_website")
            self.assertEqual(base64.b64decode(main.logo), arms)
            self.assertEqual(base64.b64decode(default.logo), arms)
            self.assertEqual(default.name, main.name)
