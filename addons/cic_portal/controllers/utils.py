# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Helpers shared by the portal controllers."""

from odoo.http import request


def attachment_download(attachment):
    """Send ``attachment`` as a download, or 404 when it is empty.

    Callers pass only an attachment they already selected among the records the
    visitor may see (a service's forms, a request's documents).
    """
    if not attachment:
        raise request.not_found()
    return (
        request.env["ir.binary"]
        ._get_stream_from(attachment)
        .get_response(as_attachment=True)
    )


def commune():
    """The commune of the request: the website's company (issue 19). Every form
    registers there and every public list shows its records; a company or a
    procedure id sent by the client never chooses it."""
    return request.website.company_id


def commune_domain(field="company_id"):
    """The records of the website's commune and those shared by every commune
    (no company). Named explicitly in every public search: a search in sudo
    ignores the company rules, and an employee browsing the site may be
    allowed other communes."""
    return [(field, "in", [commune().id, False])]


def cic_several_communes(model, domain):
    """Whether the records of ``model`` matching ``domain`` (a citizen's own,
    read as him on his /my pages, which span all his communes) belong to more
    than one commune: his lists then name the commune of each row."""
    return len(model._read_group(domain, ["company_id"])) > 1
