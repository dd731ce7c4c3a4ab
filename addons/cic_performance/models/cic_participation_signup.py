# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A citizen's sign-up for a published participation activity (issue 17 point 4).

Visitors without an account confirm their address through a signed link sent by
e-mail (as the portal's other public forms do); logged-in citizens are confirmed
at once and find their sign-ups under /my."""

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import email_normalize
from odoo.tools.misc import hash_sign, verify_hash_signed

CONFIRM_SCOPE = "cic_performance.participation_signup"
CONFIRM_VALID_HOURS = 24 * 7


class CicParticipationSignup(models.Model):
    _name = "cic.participation.signup"
    _description = "Sign-up for a participation activity"
    _order = "create_date desc, id desc"

    activity_id = fields.Many2one(
        "cic.participation.activity",
        string="Activity",
        required=True,
        ondelete="cascade",
        index=True,
    )
    name = fields.Char(string="Name", required=True)
    email = fields.Char(string="E-mail", required=True, index=True)
    phone = fields.Char()
    consent = fields.Boolean(
        string="Consent",
        help="The person agreed that the CIC uses these data to organise the "
        "activity and to contact him about it.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Citizen account",
        index=True,
        help="Set when a logged-in citizen signed up: he sees the sign-up in /my.",
    )
    state = fields.Selection(
        [("to_confirm", "E-mail to confirm"), ("confirmed", "Confirmed")],
        default="to_confirm",
        required=True,
    )
    company_id = fields.Many2one(related="activity_id.company_id", store=True)

    _sql_constraints = [
        (
            "email_activity_unique",
            "UNIQUE (activity_id, email)",
            "This e-mail address is already signed up for the activity.",
        )
    ]

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("email"):
                vals["email"] = email_normalize(vals["email"]) or vals["email"]
        return super().create(vals_list)

    @api.model
    def _cic_sign_up(self, activity, values, user=None):
        """Sign ``values`` (name, email, phone, consent) up for ``activity``.

        Called by the portal with the visitor's own environment; the checks are
        made here, then the sign-up is written with a narrow sudo (visitors have
        no create right on sign-ups). Raises a translated UserError."""
        _ = self.env._
        if not (values.get("name") or "").strip():
            raise UserError(_("Please enter your name."))
        if not values.get("consent"):
            raise UserError(
                _("Please agree that your data are used to organise the activity.")
            )
        email = activity._cic_check_signup(values.get("email"))
        is_citizen = bool(user and not user._is_public())
        signup = self.sudo().create(
            {
                "activity_id": activity.id,
                "name": values["name"].strip(),
                "email": email,
                "phone": (values.get("phone") or "").strip() or False,
                "consent": True,
                "user_id": user.id if is_citizen else False,
                "state": "confirmed" if is_citizen else "to_confirm",
            }
        )
        if not is_citizen:
            signup._cic_send_confirmation()
        return signup

    def _cic_confirmation_url(self):
        self.ensure_one()
        token = hash_sign(
            self.env(su=True),
            CONFIRM_SCOPE,
            {"id": self.id, "email": self.email},
            expiration_hours=CONFIRM_VALID_HOURS,
        )
        return f"{self.get_base_url()}/cic/participation/confirm?token={token}"

    def _cic_send_confirmation(self):
        template = self.env.ref(
            "cic_performance.mail_template_cic_participation_signup_confirm"
        )
        for signup in self:
            template.sudo().send_mail(signup.id)

    @api.model
    def _cic_confirm_token(self, token):
        """Confirm the sign-up whose signed link is ``token``; return it (sudo)
        or an empty recordset when the link is invalid or expired."""
        try:
            values = verify_hash_signed(self.env(su=True), CONFIRM_SCOPE, token or "")
        except (ValueError, UnicodeDecodeError):
            values = None
        if not values:
            return self.browse()
        signup = (
            self.sudo()
            .browse(values.get("id"))
            .exists()
            .filtered(lambda s: s.email == values.get("email"))
        )
        signup.write({"state": "confirmed"})
        return signup
