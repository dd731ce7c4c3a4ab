# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""WCAG 2.1 A/AA check of every page a visitor or a citizen opens, by axe-core
in the headless Chromium of the tours (issue 22).

axe-core is installed by the set-up (bin/lib.sh, tools/a11y/package-lock.json)
into $CIC_HOME/a11y; bin/lib.sh exports its path as CIC_AXE_JS. Each page is
loaded in a same-origin frame, axe's source is evaluated in it and run on its
document; any violation fails the test with its rule, impact and nodes."""

import json
import os
import re
from datetime import timedelta

from odoo.tests import new_test_user, tagged

from .common import CicPortalHttpCase

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
DEFAULT_AXE_JS = os.path.join(
    os.environ.get("CIC_HOME") or os.path.expanduser("~/.cache/cic-suite"),
    "a11y/node_modules/axe-core/axe.min.js",
)

# Loads each page in a frame, runs axe there and prints one line per page; a
# page that does not answer 200 or any violation ends in console.error.
AXE_RUNNER = """
(async () => {
    const pages = %(pages)s;
    const axeSource = %(axe)s;
    const problems = [];
    const counts = [];
    for (const url of pages) {
        const response = await fetch(url, {credentials: "same-origin"});
        if (response.status !== 200) {
            problems.push(`${url}: HTTP ${response.status}`);
            continue;
        }
        const frame = document.createElement("iframe");
        frame.style.width = "1366px";
        frame.style.height = "768px";
        document.body.appendChild(frame);
        await new Promise((resolve) => {
            frame.onload = resolve;
            frame.src = url;
        });
        // Let the page's own scripts (widgets, lazy images) settle.
        await new Promise((resolve) => setTimeout(resolve, 300));
        const win = frame.contentWindow;
        win.eval(axeSource);
        const result = await win.axe.run(win.document, {
            runOnly: {type: "tag", values: %(tags)s},
            resultTypes: ["violations"],
        });
        let nodes = 0;
        for (const violation of result.violations) {
            nodes += violation.nodes.length;
            const targets = violation.nodes
                .slice(0, 6)
                .map((node) => {
                    const data = (node.any[0] || {}).data || {};
                    const colours = data.contrastRatio
                        ? ` [${data.fgColor} on ${data.bgColor}: ${data.contrastRatio}]`
                        : "";
                    return node.target.join(" ") + colours;
                })
                .join(" | ");
            problems.push(
                `${url}: ${violation.id} (${violation.impact}, ` +
                    `${violation.nodes.length} nodes): ${targets}`
            );
        }
        counts.push(`${url}=${nodes}`);
        frame.remove();
    }
    if (problems.length) {
        console.error(
            "axe-core WCAG 2.1 A/AA violations:\\n" +
                problems.join("\\n") +
                "\\nNodes in violation per page: " +
                counts.join(", ")
        );
    } else {
        console.log("test successful");
    }
})();
"""


class AccessibilityCase(CicPortalHttpCase):
    """The pages, their fixture and axe's runner (cic_portal_fee's tests check
    its pages with it)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ro = cls.env["res.lang"]._activate_lang("ro_RO")
        cls.website = cls.env["website"].get_current_website()
        cls.website.language_ids |= ro
        cls.citizen = new_test_user(
            cls.env,
            login="cic_a11y_citizen",
            groups="base.group_portal",
            name="Maria Enescu",
            email="maria.enescu@example.com",
            lang="ro_RO",
        )
        cls.request = cls._make_request(
            cls.citizen.partner_id, service=cls.fee_service, name="Cerere acces test"
        )
        cls.closed = cls._make_request(cls.citizen.partner_id, name="Cerere închisă")
        cls.closed.stage_id = cls.env["helpdesk.ticket.stage"].search(
            [("closed", "=", True)], limit=1
        )
        cls.tracked = cls._make_request(
            cls.portal_a.partner_id, name="Sesizare urmărită"
        )
        today = cls.env["cic.calendar"].today()
        cls.draft = cls.env["cic.transparency.draft"].create(
            {
                "name": "Proiect accesibilitate parcări",
                "publication_date": today,
                "recommendations_deadline": today + timedelta(days=15),
                "published_website": True,
            }
        )
        cls.draft.write({"state": "published"})
        cls.env["cic.public.document"].create(
            {"name": "Ghid accesibil", "category": "guide", "number": "1/2026"}
        )
        cls.info_page = cls.env["cic.public.info.page"].create(
            {"name": "Contacte accesibile", "content": "<p>Telefon: 0268 000 000</p>"}
        )
        cls.institution = cls.env["cic.institution"].create(
            {
                "name": "Inspectoratul Accesibil",
                "kind": "deconcentrated",
                "competences": "<p>Controlul accesibilității clădirilor.</p>",
                "street": "Str. Lungă 1",
                "locality": "Exemplu",
                "opening_hours": "Luni-Vineri 8-16",
                "phone": "0268 000 000",
                "email": "inspectorat@example.com",
                "website": "https://inspectorat.example.com",
                "website_published": True,
            }
        )
        cls.activity = cls.env["cic.participation.activity"].create(
            {
                "name": "Dezbatere accesibilă",
                "date": today + timedelta(days=7),
                "website_published": True,
                "signup_open": True,
                "public_description": "<p>Ordinea de zi a dezbaterii.</p>",
            }
        )
        cls.official = cls._weekday_official(
            "cic_a11y_mayor", "Primar Accesibil", job_title="Primar"
        )
        cls.audience = cls.env["cic.audience.request"].create(
            {
                "official_id": cls.official.id,
                "partner_id": cls.citizen.partner_id.id,
                "subject": "Audiență accesibilitate",
            }
        )

    def _public_pages(self):
        forms = ["petition", "foi_request", "foi_complaint", "gdpr_request"]
        forms.append(f"transparency_recommendation?draft_id={self.draft.id}")
        track = (
            f"/ro/cic/track?number={self.tracked.cic_registration_number}"
            f"&code={self.tracked.cic_access_code}"
        )
        return [
            "/ro/cic/services",
            f"/ro/cic/services/{self.fee_service.slug}",
            *(f"/ro/cic/form/{kind}" for kind in forms),
            f"/ro/cic/services/{self.fee_service.slug}/apply",
            "/ro/cic/track",
            track,
            "/ro/cic/audience",
            "/ro/cic/transparency",
            f"/ro/cic/transparency/draft/{self.draft.id}",
            "/ro/cic/documents",
            "/ro/cic/info",
            f"/ro/cic/info/{self.info_page.slug}",
            f"/ro/cic/request/{self.tracked.id}/confirmation"
            f"?access_token={self.tracked.access_token}",
            "/ro/",
            "/ro/cic/accessibility",
            "/ro/cic/privacy",
            "/ro/cic/institutions",
            f"/ro/cic/institutions/{self.institution.id}",
            "/ro/cic/participation",
            f"/ro/cic/participation/{self.activity.id}",
            "/ro/cic/mol",
            "/ro/cic/council",
        ]

    def _citizen_pages(self):
        return [
            "/ro/my",
            "/ro/my/requests",
            f"/ro/my/requests/{self.request.id}",
            f"/ro/my/requests/{self.closed.id}",
            "/ro/my/security",
            "/ro/my/account",
            "/ro/my/audiences",
            "/ro/my/participation",
            f"/ro/my/audiences/{self.audience.id}",
            f"/ro/cic/audience?official_id={self.official.id}",
        ]

    def _axe(self, pages, login=None):
        path = os.environ.get("CIC_AXE_JS") or DEFAULT_AXE_JS
        if not os.path.isfile(path):
            self.fail(
                f"axe-core not found at {path}: run the set-up (bin/test or "
                "bin/pytest install it with npm from tools/a11y)"
            )
        with open(path, encoding="utf-8") as source:
            axe = source.read()
        code = AXE_RUNNER % {
            "pages": json.dumps(pages),
            "axe": json.dumps(axe),
            "tags": json.dumps(AXE_TAGS),
        }
        self.browser_js("/web/health", code, login=login, timeout=300)


@tagged("post_install", "-at_install")
class TestAccessibility(AccessibilityCase):
    def test_public_pages_without_login(self):
        # Where the administrator lets citizens create their account (b2c) and
        # reset their password, those pages are checked too.
        self.website.auth_signup_uninvited = "b2c"
        self.env["ir.config_parameter"].sudo().set_param(
            "auth_signup.reset_password", "True"
        )
        account_pages = ["/ro/web/login", "/ro/web/signup", "/ro/web/reset_password"]
        self._axe([*self._public_pages(), *account_pages])

    def test_citizen_pages_logged_in(self):
        self._axe(
            [*self._citizen_pages(), *self._public_pages()], login=self.citizen.login
        )


@tagged("post_install", "-at_install")
class TestKeyboardAndStatement(CicPortalHttpCase):
    def test_petition_with_the_keyboard_alone(self):
        """Tab from field to field, Space on the consent box, Enter on the
        visibly focused submit button: the petition is registered."""
        self.start_tour("/cic/form/petition", "cic_portal_keyboard_petition_tour")
        ticket = self._tickets("Tour petiție tastatură")
        self.assertEqual(len(ticket), 1)
        self.assertEqual(ticket.cic_procedure_id, self.procedure_petition)

    def test_book_audience_with_the_keyboard_alone(self):
        """The booking calendar: Tab to a free slot, Space, the subject, the
        consent box, Enter; the audience is booked."""
        official = self._weekday_official(
            "cic_keyboard_mayor", "Primar Tastatură", job_title="Primar"
        )
        # The first free slot may start within the default 24-hour limit.
        self.env["ir.config_parameter"].sudo().set_param(
            "cic_audience.cancel_limit_hours", "0"
        )
        self.start_tour(
            f"/cic/audience?official_id={official.id}",
            "cic_portal_keyboard_audience_tour",
            login="cic_portal_a",
        )
        audience = self.env["cic.audience.request"].search(
            [("subject", "=", "Tour audiență tastatură")]
        )
        self.assertEqual(audience.partner_id, self.portal_a.partner_id)
        self.assertEqual(audience.official_id, official)
        self.assertTrue(audience.slot_start)

    def test_errors_tied_to_their_fields(self):
        response = self._submit(
            "/cic/form/petition", self._petition_data(subject="", consent="")
        )
        self.assertEqual(response.status_code, 200)
        html = response.text
        self.assertIn('id="cic_form_error"', html)
        self.assertRegex(
            html,
            r'id="cic_form_error"[^>]*aria-live="assertive"|'
            r'aria-live="assertive"[^>]*id="cic_form_error"',
        )
        subject = re.search(r'<input[^>]*id="cic_subject"[^>]*>', html).group(0)
        self.assertIn('aria-invalid="true"', subject)
        self.assertIn('aria-describedby="cic_err_subject"', subject)
        self.assertIn('id="cic_err_subject"', html)
        consent = re.search(r'<input[^>]*id="cic_consent"[^>]*>', html).group(0)
        self.assertIn('aria-describedby="cic_err_consent"', consent)
        self.assertIn('id="cic_err_consent"', html)
        first_name = re.search(r'<input[^>]*id="cic_first_name"[^>]*>', html).group(0)
        self.assertNotIn("aria-invalid", first_name)

    def test_accessibility_statement(self):
        company = self.env["website"].get_current_website().company_id
        company.write({"email": "cic@primaria.example.ro", "phone": "0268 111 222"})
        page = self.url_open("/cic/accessibility")
        self.assertEqual(page.status_code, 200)
        self.assertIn("112/2018", page.text)
        self.assertIn("2016/2102", page.text)
        self.assertIn("mailto:cic@primaria.example.ro", page.text)
        self.assertIn("0268 111 222", page.text)
        self.assertIn('href="/cic/accessibility"', self.url_open("/cic/services").text)
        company.cic_accessibility_statement = "<p>Declarație revizuită de primar.</p>"
        page = self.url_open("/cic/accessibility")
        self.assertIn("Declarație revizuită de primar.", page.text)
        self.assertIn("mailto:cic@primaria.example.ro", page.text)
