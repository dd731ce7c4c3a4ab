"""Two citizens, a fee service and their requests: the fixture of the portal attacks.

Shared by ``test_security_portal_idor.py`` and ``test_security_portal_docs.py``.
"""

from odoo.tests import new_test_user


class PortalFixture:
    """Mixed into an ``HttpCase``: ``setup_portal(prefix, names)`` in ``setUpClass``
    gives ``user_a``, ``user_b`` (portal) and ``service`` (a fee service)."""

    @classmethod
    def setup_portal(cls, prefix, surname):
        env = cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        env["ir.config_parameter"].sudo().set_param("cic_portal.min_fill_seconds", 0)
        for key, first in (("a", "Ana"), ("b", "Bogdan")):
            user = new_test_user(
                env, login=f"{prefix}_{key}", groups="base.group_portal",
                name=f"{first} {surname}",
                email=f"{first.lower()}.{prefix}@example.com",
            )  # fmt: skip
            setattr(cls, f"user_{key}", user)
        category = env["cic.service.category"].create({"name": f"Sec {prefix}"})
        cls.service = env["cic.service"].create(
            {
                "name": f"Sec {prefix} fee service",
                "slug": f"sec-{prefix}-fee-service",
                "category_id": category.id,
                "procedure_id": env.ref("cic_registry.procedure_service_request").id,
                "fee_product_id": env.ref("cic_portal_fee.product_cic_fee").id,
                "fee_amount": 10.0,
            }
        )

    @classmethod
    def _request(cls, user, subject, service=None):
        """A registered request of ``user`` (of ``service``, else a petition), with
        its fee invoice and portal token, as the portal leaves it."""
        procedure = cls.env.ref("cic_registry.procedure_petition")
        if service:
            procedure = service.procedure_id
        ticket = (
            cls.env["helpdesk.ticket"]
            .sudo()
            .create(
                {
                    "name": subject,
                    "description": "<p>private</p>",
                    "partner_id": user.partner_id.id,
                    "cic_procedure_id": procedure.id,
                    "cic_service_id": service.id if service else False,
                }
            )
        )
        ticket._cic_assign_registration_number()
        ticket._cic_create_fee_invoice()
        ticket._portal_ensure_token()
        return ticket
