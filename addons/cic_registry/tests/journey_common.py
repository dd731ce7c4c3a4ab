# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Fixtures of the role journeys (issue 16): the people of the registry's fixtures
(clerk, department official and head, secretary general) plus the mayor, each with
his own login, and the helpers a journey needs in the browser and over HTTP."""

from odoo.tests import HttpCase, new_test_user

from .workflow_common import CicWorkflowCase

PDF_MAGIC = b"%PDF-"


class CicJourneyCase(HttpCase, CicWorkflowCase):
    """Browser journeys as the person who does the job (never admin).

    The users come from ``CicRegistryCase``/``CicWorkflowCase``: ``clerk`` (CIC),
    ``staff`` (department official), ``head`` (head of ``team``), ``secretary``
    (secretary general); ``mayor`` is added here (the same role as the secretary:
    final approval, extensions). Their passwords are their logins."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mayor = new_test_user(
            cls.env,
            login="cic_journey_mayor",
            name="Primar Jurnal",
            groups="cic_registry.group_cic_secretary",
        )
        cls.counter = cls.env.ref("cic_registry.helpdesk_ticket_channel_counter")
        # The tours read the English labels, whatever languages the database has
        # (the demo database has only Romanian active).
        cls.env["res.lang"]._activate_lang("en_US")
        (cls.clerk | cls.staff | cls.head | cls.secretary | cls.mayor).lang = "en_US"

    def start_tour_as(self, user, url, tour):
        """Run ``tour`` in the browser logged in as ``user``."""
        self.start_tour(url, tour, login=user.login)

    def entry_url(self, entry):
        return f"/odoo/action-cic_registry.action_cic_registry_entries/{entry.id}"

    def print_as(self, user, report, record):
        """Print ``report`` (report_name) for ``record`` as ``user``, as his Print
        menu does: the report route over HTTP (his session, the route's access
        checks) answers the document, and its PDF is rendered with his rights.
        Returns (html, pdf).

        The route is asked for HTML: under HttpCase every request shares the
        test's cursor, so a wkhtmltopdf started by a request could not fetch the
        report's assets from the same server while that request holds it."""
        self.authenticate(user.login, user.login)
        response = self.url_open(f"/report/html/{report}/{record.id}", timeout=120)
        self.assertEqual(response.status_code, 200, response.text[:500])
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_user(user)
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(report, record.ids)
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(PDF_MAGIC))
        return response.text, pdf

    def routed_petition(self, name):
        """A counter petition of ``petitioner`` registered and routed by the clerk
        to ``staff`` of ``team``, as the clerk's journey leaves it."""
        entry = self.petition(
            name=name, channel_id=self.counter.id, as_user=self.clerk
        ).with_user(self.clerk)
        entry._cic_assign(self.team, self.staff, False)
        return entry.sudo()
