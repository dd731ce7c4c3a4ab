# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The directory of institutions (issue 17 point 2): kept by the CIC clerks, read
by every employee, published ones only for citizens and visitors; the forwarding
wizard takes its recipient from it."""

from odoo.exceptions import AccessError
from odoo.tests import Form, new_test_user

from .workflow_common import CicWorkflowCase


class TestInstitution(CicWorkflowCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal = new_test_user(
            cls.env, login="cic_inst_portal", groups="base.group_portal"
        )
        cls.public = cls.env.ref("base.public_user")
        cls.employee = new_test_user(
            cls.env, login="cic_inst_employee", groups="base.group_user"
        )
        cls.county = cls.env.ref("base.RO_BV")

    def _create_as_clerk(self, **vals):
        values = {
            "name": "Inspectoratul Teritorial de Muncă Test",
            "kind": "deconcentrated",
            "competences": "<p>Relații de muncă</p>",
            "street": "Str. Lungă nr. 1",
            "locality": "Brașov",
            "state_id": self.county.id,
            "zip": "500035",
            "phone": "0268 000 103",
            "email": "itm@example.com",
        }
        values.update(vals)
        return self.env["cic.institution"].with_user(self.clerk).create(values)

    def test_clerk_creates_and_edits(self):
        institution = self._create_as_clerk()
        self.assertEqual(institution.create_uid, self.clerk)
        self.assertEqual(
            institution.address_display, "Str. Lungă nr. 1, 500035 Brașov, Brașov"
        )
        institution.write(
            {"opening_hours": "Luni-Vineri 8-16", "website_published": True}
        )
        self.assertTrue(institution.website_published)
        # Every employee reads the directory, only the CIC writes it.
        as_employee = institution.with_user(self.employee)
        self.assertEqual(as_employee.name, institution.name)
        with self.assertRaises(AccessError):
            as_employee.write({"name": "Altceva"})
        with self.assertRaises(AccessError):
            self.env["cic.institution"].with_user(self.staff).create({"name": "X"})
        with self.assertRaises(AccessError):
            institution.with_user(self.clerk).unlink()

    def test_citizens_read_published_only(self):
        published = self._create_as_clerk(name="Publicată", website_published=True)
        hidden = self._create_as_clerk(name="Nepublicată")
        for user in (self.portal, self.public):
            Institution = self.env["cic.institution"].with_user(user)
            found = Institution.search([("id", "in", (published | hidden).ids)])
            self.assertEqual(found, published, user.login)
            self.assertEqual(published.with_user(user).name, "Publicată")
            with self.assertRaises(AccessError):
                hidden.with_user(user).read(["name"])
            with self.assertRaises(AccessError):
                published.with_user(user).write({"name": "Schimbat"})

    def test_forward_wizard_prefills_from_institution(self):
        institution = self._create_as_clerk(name="Consiliul Județean Test")
        ticket = self.petition(name="Drum județean neasfaltat")
        wizard = Form(
            self.env["cic.petition.forward"]
            .with_user(self.clerk)
            .with_context(default_ticket_id=ticket.id)
        )
        wizard.institution_id = institution
        self.assertEqual(
            wizard.institution_address, "Str. Lungă nr. 1, 500035 Brașov, Brașov"
        )
        wizard.reason = "Drumul este administrat de Consiliul Județean."
        wizard.save().action_confirm()
        self.assertEqual(ticket.cic_forward_institution_id, institution)
        authority = ticket.cic_forwarded_to_id
        self.assertEqual(authority, institution.partner_id)
        self.assertEqual(authority.name, "Consiliul Județean Test")
        self.assertEqual(authority.street, "Str. Lungă nr. 1")
        self.assertEqual(authority.city, "Brașov")
        self.assertEqual(authority.zip, "500035")
        self.assertEqual(authority.email, "itm@example.com")
        self.assertEqual(ticket.cic_closure_reason, "redirected")
        letter = self.letters(ticket, "forward_letter")
        self.assertEqual(letter.partner_id, authority)
        # Next time the wizard shows the institution's contact as the recipient.
        other = self.petition(name="Alt drum județean")
        wizard = Form(
            self.env["cic.petition.forward"]
            .with_user(self.clerk)
            .with_context(default_ticket_id=other.id)
        )
        wizard.institution_id = institution
        self.assertEqual(wizard.authority_id, authority)

    def test_institution_changes_follow_to_letter_contact(self):
        institution = self._create_as_clerk()
        partner = institution.with_user(self.clerk)._cic_letter_partner()
        institution.with_user(self.clerk).write({"street": "Bd. Eroilor nr. 5"})
        self.assertEqual(partner.street, "Bd. Eroilor nr. 5")

    def test_forward_institution_is_protected(self):
        institution = self._create_as_clerk()
        ticket = self.petition()
        with self.assertRaises(AccessError):
            ticket.with_user(self.clerk).write(
                {"cic_forward_institution_id": institution.id}
            )
        self.assertFalse(ticket.cic_forward_institution_id)
        with self.assertRaises(AccessError):
            ticket.with_user(self.staff)._cic_forward_to_institution(
                institution, self.env["res.partner"]
            )
        self.assertFalse(ticket.cic_closure_reason)
        self.assertFalse(institution.partner_id)

    def test_other_town_hall_directory_is_not_seen(self):
        other_company = self.env["res.company"].create({"name": "Primăria Alta"})
        theirs = self.env["cic.institution"].create(
            {"name": "Instituție a altei primării", "company_id": other_company.id}
        )
        ours = self._create_as_clerk()
        Institution = self.env["cic.institution"].with_user(self.clerk)
        found = Institution.search([("id", "in", (theirs | ours).ids)])
        self.assertEqual(found, ours)
