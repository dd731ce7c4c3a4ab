# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.1.3.0 -> 18.0.1.4.0 (issue 18, performance): the body of the registration
acknowledgement (R-REG-7) moves into the QWeb view
``cic_registry.mail_body_registration_ack``, compiled once per registry and language
instead of once per entry by the mail composer; its Romanian text moves to the view's
terms in i18n/ro.po.

The template is ``noupdate``: its body is replaced here, in every language, only
when each of its translations is still the body shipped before (English or
Romanian, whitespace aside). A town hall's own wording is left alone."""

import logging
import re

from odoo.tools import SQL

_logger = logging.getLogger(__name__)

NEW_BODY = '<t t-call="cic_registry.mail_body_registration_ack"/>'

SHIPPED_BODIES = (
    """<div>
    <p>Hello <t t-out="object.partner_id.name or object.partner_name or ''"/>,</p>
    <p>Your document "<t t-out="object.name or ''"/>" was registered by
        <t t-out="object.company_id.name or ''"/> under number
        <strong><t t-out="object.cic_registration_number or ''"/></strong>.</p>
    <p t-if="object.cic_legal_due_date">The legal term for the answer ends on
        <strong><t t-out="format_date(object.cic_legal_due_date)"/></strong>
        (<t t-out="object.cic_due_basis or ''"/>).</p>
    <p>Please quote this number in any further correspondence on this matter.</p>
</div>""",
    """<div>
    <p>Bună ziua, <t t-out="object.partner_id.name or object.partner_name or ''"/>,</p>
    <p>Documentul dumneavoastră „<t t-out="object.name or ''"/>” a fost înregistrat de
        <t t-out="object.company_id.name or ''"/> cu numărul
        <strong><t t-out="object.cic_registration_number or ''"/></strong>.</p>
    <p t-if="object.cic_legal_due_date">Termenul legal de răspuns se împlinește la
        <strong><t t-out="format_date(object.cic_legal_due_date)"/></strong>
        (<t t-out="object.cic_due_basis or ''"/>).</p>
    <p>Vă rugăm să menționați acest număr în orice corespondență
        ulterioară privind această problemă.</p>
</div>""",
)


def _normalized(body):
    return re.sub(r"\s+", " ", body or "").strip()


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        SQL(
            """SELECT template.id, template.body_html
                 FROM mail_template template
                 JOIN ir_model_data data ON data.res_id = template.id
                WHERE data.model = 'mail.template'
                  AND data.module = 'cic_registry'
                  AND data.name = 'mail_template_registration_ack'"""
        )
    )
    row = cr.fetchone()
    if not row:
        return
    template_id, bodies = row
    shipped = {_normalized(body) for body in SHIPPED_BODIES}
    if not all(_normalized(body) in shipped for body in (bodies or {}).values()):
        _logger.info(
            "mail_template_registration_ack has its own wording: body left as it is "
            "(it is still rendered per entry)"
        )
        return
    cr.execute(
        SQL(
            "UPDATE mail_template SET body_html = jsonb_build_object('en_US', %s) "
            "WHERE id = %s",
            NEW_BODY,
            template_id,
        )
    )
