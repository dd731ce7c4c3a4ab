# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The Monitorul Oficial Local (/cic/mol) and the council's sessions
(/cic/council), issue 17 point 3 (Codul administrativ art. 197(5) and Annex 1).

The acts, sessions and refusals are searched as the visitor: his access rights and
record rules (cic_registry/security/cic_council_security.xml) let him read the
published ones only, and every search names the published condition too, so an
unpublished act is not found whatever the id in the address (404). Law 52 drafts
and public-debate minutes are searched the same way, as the transparency pages
search them (cic_portal/controllers/transparency.py), and linked there."""

from odoo import http
from odoo.http import request

from .transparency import PUBLISHED as PUBLISHED_TRANSPARENCY
from .utils import commune_domain


def _published():
    """Published, of the website's commune or shared by every commune."""
    return [("is_published", "=", True)] + commune_domain()


# Route kind -> (model, binary field, file name field) of a published PDF.
PUBLISHED_FILES = {
    "decision": ("cic.council.decision", "published_file", "published_file_name"),
    "disposition": (
        "cic.mayor.disposition",
        "published_file",
        "published_file_name",
    ),
    "minutes": ("cic.council.session", "minutes_file", "minutes_file_name"),
}
ACT_ORDER = "year desc, number desc"


class CicMolController(http.Controller):
    def _mol_documents(self, categories):
        """Published library documents of the given categories (own rule)."""
        return request.env["cic.public.document"].search(
            _published() + [("category", "in", categories)], order="date desc"
        )

    def _published_minutes_sessions(self):
        sessions = request.env["cic.council.session"].search(
            _published() + [("minutes_anonymised", "=", True)],
            order="session_start desc",
        )
        # The minutes file is internal (field groups): whether there is one is read
        # in sudo on the sessions the visitor found published and checked.
        return sessions.filtered(
            lambda s: s.sudo().with_context(bin_size=True).minutes_file
        )

    def _transparency_values(self):
        """Law 52 drafts and public-debate minutes, as the transparency pages
        publish them (searched as the visitor, see transparency.py)."""
        env = request.env
        drafts = env["cic.transparency.draft"].search(
            PUBLISHED_TRANSPARENCY + commune_domain(),
            order="publication_date desc",
            limit=50,
        )
        meetings = env["cic.transparency.meeting"].search(
            PUBLISHED_TRANSPARENCY
            + commune_domain()
            + [("minutes_publication_date", "!=", False)],
            order="meeting_date desc",
            limit=50,
        )
        # The minutes are internal until published: public_minutes says if there are.
        return {
            "law52_drafts": drafts,
            "debate_meetings": meetings.filtered("public_minutes"),
        }

    @http.route(
        "/cic/mol",
        type="http",
        auth="public",
        website=True,
        readonly=True,
        sitemap=True,
    )
    def cic_mol(self, **kw):
        env = request.env
        decisions = env["cic.council.decision"].search(_published(), order=ACT_ORDER)
        dispositions = env["cic.mayor.disposition"].search(
            _published() + [("act_kind", "=", "normative")], order=ACT_ORDER
        )
        values = {
            "statute_documents": self._mol_documents(["uat_statute"]),
            "procedure_documents": self._mol_documents(["procedure_rules"]),
            "financial_documents": self._mol_documents(["budget", "financial"]),
            "other_documents": self._mol_documents(["mol_other"]),
            "decisions": decisions,
            "normative_decisions": decisions.filtered(
                lambda d: d.act_kind == "normative"
            ),
            "individual_decisions": decisions.filtered(
                lambda d: d.act_kind == "individual"
            ),
            "dispositions": dispositions,
            "minutes_sessions": self._published_minutes_sessions(),
            "refusals": env["cic.countersign.refusal"].search(
                _published(), order="year desc, number desc"
            ),
        }
        values.update(self._transparency_values())
        return request.render("cic_portal.cic_mol_page", values)

    @http.route(
        "/cic/council",
        type="http",
        auth="public",
        website=True,
        readonly=True,
        sitemap=True,
    )
    def cic_council(self, **kw):
        sessions = request.env["cic.council.session"].search(
            _published(), order="session_start desc", limit=60
        )
        minutes = self._published_minutes_sessions()
        return request.render(
            "cic_portal.cic_council_page",
            {"sessions": sessions, "minutes_sessions": minutes},
        )

    @http.route(
        "/cic/mol/<string:kind>/<int:record_id>/pdf",
        type="http",
        auth="public",
        website=True,
        readonly=True,
        sitemap=False,
    )
    def cic_mol_file(self, kind, record_id, **kw):
        """The published PDF of an act or of a session's minutes: searched as the
        visitor with the published condition (no sudo)."""
        if kind not in PUBLISHED_FILES:
            raise request.not_found()
        model, field, name_field = PUBLISHED_FILES[kind]
        domain = _published() + [("id", "=", record_id)]
        if kind == "minutes":
            domain.append(("minutes_anonymised", "=", True))
        if kind == "disposition":
            domain.append(("act_kind", "=", "normative"))
        record = request.env[model].search(domain, limit=1)
        # sudo only after the visitor found the record published (and, for minutes,
        # checked): the session's minutes file is an internal field.
        record = record.sudo()
        if not record or not record.with_context(bin_size=True)[field]:
            raise request.not_found()
        return (
            request.env["ir.binary"]
            ._get_stream_from(record, field, filename_field=name_field)
            .get_response(as_attachment=False)
        )
