# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Checklist of the information published ex officio (Law 544/2001 art. 5(1)
lit. a)-i), R-544-10), with the page or document of each item and the date it was
last updated. Every January a reminder asks the CIC managers to update the
information bulletin (art. 5(2)).
"""

from odoo import api, fields, models

LETTERS = [(c, c + ")") for c in "abcdefghi"]


class CicExofficioItem(models.Model):
    _name = "cic.exofficio.item"
    _description = "Ex officio published information (Law 544/2001 art. 5)"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "company_id, letter, sequence, id"

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    letter = fields.Selection(
        LETTERS, string="Art. 5(1) letter", required=True, tracking=True
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Information", required=True, translate=True)
    url = fields.Char(
        string="Page", help="Web page where the information is published."
    )
    attachment_id = fields.Many2one("ir.attachment", string="Document")
    published = fields.Boolean(
        compute="_compute_published",
        store=True,
        help="A page or a document is set.",
    )
    last_update_date = fields.Date(string="Last updated", tracking=True)
    responsible_id = fields.Many2one("res.users", string="Responsible")
    note = fields.Text()
    outdated = fields.Boolean(
        compute="_compute_outdated",
        help="Not updated in the current or the previous calendar year.",
    )

    @api.depends("url", "attachment_id")
    def _compute_published(self):
        for item in self:
            item.published = bool(item.url or item.attachment_id)

    @api.depends("last_update_date")
    def _compute_outdated(self):
        year = self.env["cic.calendar"].today().year
        for item in self:
            item.outdated = (
                not item.last_update_date or item.last_update_date.year < year - 1
            )

    def action_mark_updated(self):
        self.write({"last_update_date": self.env["cic.calendar"].today()})

    @api.model
    def _cron_bulletin_reminder(self):
        """Yearly (January): ask each CIC administrator to update the information
        bulletin (art. 5(2)), once per company and year."""
        today = self.env["cic.calendar"].today()
        if today.month != 1:
            return
        managers = self.env.ref("cic_registry.group_cic_manager").users.filtered(
            lambda u: not u.share and u.active
        )
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        summary = self.env._(
            "Update the information bulletin for %(year)s (Law 544/2001 art. 5(2))",
            year=today.year,
        )
        for company in self.env["res.company"].search([]):
            item = self.search(
                [("company_id", "=", company.id)], order="letter, sequence", limit=1
            )
            if not item:
                continue
            existing = item.activity_ids.filtered(
                lambda a: a.summary == summary
            ).user_id
            for user in managers.filtered(lambda u, c=company: c in u.company_ids):
                if user in existing:
                    continue
                item.activity_schedule(
                    activity_type_id=activity_type.id,
                    summary=summary,
                    user_id=user.id,
                    date_deadline=today.replace(day=31),
                )
