# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""R-REG-7: the acknowledgement's body is the QWeb view
``cic_registry.mail_body_registration_ack`` called by the template (compiled once
per language instead of once per entry, issue 18). The e-mail says the same as the
template's former inline body, in the sender's language."""

import re

from odoo.tests import tagged

from .common import CicRegistryCase

# The template's inline body before 18.0.1.4.0, English and its Romanian
# translation: the reference the view must reproduce.
FORMER_BODY = {
    "en_US": """<div>
    <p>Hello <t t-out="object.partner_id.name or object.partner_name or ''"/>,</p>
    <p>Your document "<t t-out="object.name or ''"/>" was registered by
        <t t-out="object.company_id.name or ''"/> under number
        <strong><t t-out="object.cic_registration_number or ''"/></strong>.</p>
    <p t-if="object.cic_legal_due_date">The legal term for the answer ends on
        <strong><t t-out="format_date(object.cic_legal_due_date)"/></strong>
        (<t t-out="object.cic_due_basis or ''"/>).</p>
    <p>Please quote this number in any further correspondence on this matter.</p>
</div>""",
    "ro_RO": """<div>
    <p>Bună ziua, <t t-out="object.partner_id.name or object.partner_name or ''"/>,</p>
    <p>Documentul dumneavoastră „<t t-out="object.name or ''"/>” a fost înregistrat de
        <t t-out="object.company_id.name or ''"/> cu numărul
        <strong><t t-out="object.cic_registration_number or ''"/></strong>.</p>
    <p t-if="object.cic_legal_due_date">Termenul legal de răspuns se împlinește la
        <strong><t t-out="format_date(object.cic_legal_due_date)"/></strong>
        (<t t-out="object.cic_due_basis or ''"/>).</p>
    <p>Vă rugăm să menționați acest număr în orice corespondență ulterioară privind această problemă.</p>
</div>""",  # noqa: E501
}


def _text(html):
    """The body with its whitespace collapsed (the view indents differently)."""
    return re.sub(r"\s+", " ", str(html)).replace("> <", "><").strip()


@tagged("post_install", "-at_install")
class TestAcknowledgementBody(CicRegistryCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        lang = cls.env["res.lang"]._activate_lang("ro_RO")
        view = cls.env.ref("cic_registry.mail_body_registration_ack")
        if "Bună ziua" not in view.with_context(lang=lang.code).arch_db:
            # a database installed without Romanian: load this addon's terms
            cls.env["ir.module.module"]._load_module_terms(["cic_registry"], ["ro_RO"])
        cls.template = cls.env.ref("cic_registry.mail_template_registration_ack")
        cls.email = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_email")

    def _acknowledgement(self, lang):
        """A petition sent by e-mail by a sender speaking ``lang``, registered by
        the clerk and acknowledged by the cron: (entry, body posted)."""
        sender = self.env["res.partner"].create(
            {
                "name": "Ștefan Țurcanu",
                "email": "stefan.turcanu@example.com",
                "lang": lang,
                # identified (R-PET-2): the petition runs its term, the e-mail
                # gives the due date
                "street": "Str. Morii 2",
                "city": "Exemplu",
            }
        )
        entry = self.create_entry(
            name="Groapă pe strada Morii",
            channel_id=self.email.id,
            partner_id=sender.id,
            as_user=self.clerk,
        )
        self.env["helpdesk.ticket"]._cron_cic_send_deferred_mail()
        number = entry.cic_registration_number
        message = entry.message_ids.filtered(
            lambda message: number in (message.subject or "")
        )
        self.assertEqual(len(message), 1)
        return entry, message.body

    def test_body_is_the_view(self):
        self.assertRegex(
            _text(self.template.body_html),
            r'^<t t-call="cic_registry.mail_body_registration_ack"\s*/?>(</t>)?$',
        )

    def test_same_body_as_the_former_template_in_each_language(self):
        for lang, former in FORMER_BODY.items():
            with self.subTest(lang=lang):
                entry, body = self._acknowledgement(lang)
                reference = self.template.copy({"body_html": former})
                expected = reference._render_field(
                    "body_html", entry.ids, compute_lang=True
                )[entry.id]
                self.assertEqual(_text(body), _text(expected))

    def test_romanian_acknowledgement_content(self):
        entry, body = self._acknowledgement("ro_RO")
        self.assertTrue(entry.cic_legal_due_date)
        due = entry.cic_legal_due_date.strftime("%d.%m.%Y")
        text = _text(body)
        self.assertIn("Bună ziua, Ștefan Țurcanu,", text)
        self.assertIn(
            "Documentul dumneavoastră „Groapă pe strada Morii” a fost înregistrat de "
            f"{entry.company_id.name} cu numărul "
            f"<strong>{entry.cic_registration_number}</strong>.",
            text,
        )
        self.assertIn(
            f"Termenul legal de răspuns se împlinește la <strong>{due}</strong> "
            f"({entry.with_context(lang='ro_RO').cic_due_basis}).",
            text,
        )
        self.assertIn("Vă rugăm să menționați acest număr", text)
        self.assertNotIn("Hello", text)
