# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class CicCnpAccessLog(models.Model):
    """Append-only trail of accesses to CNPs (R-GDPR-1, Law 190/2018 art. 4):
    reveals of a full CNP (with the clerk's reason), searches and groupings on the
    CNP (with the searched value masked), and older rows of reads and exports.

    Rows are created by the code in sudo (``_log_access``, ``_log_search``);
    nobody gets create/write/unlink rights, and `write`/`unlink` are refused even
    in sudo. Only the anonymisation of a
    petitioner clears the copy of his name (``_cic_anonymise_rows``).
    """

    _name = "cic.cnp.access.log"
    _description = "CNP access log"
    _order = "access_date desc, id desc"
    _rec_name = "partner_name"

    access_date = fields.Datetime(
        string="Date", required=True, readonly=True, default=fields.Datetime.now
    )
    user_id = fields.Many2one(
        "res.users", string="User", required=True, readonly=True, ondelete="restrict"
    )
    partner_id = fields.Many2one(
        "res.partner", string="Petitioner", readonly=True, ondelete="set null"
    )
    partner_name = fields.Char(
        string="Petitioner name",
        readonly=True,
        help="Copied at the time of the read, kept if the partner is deleted.",
    )
    access_type = fields.Selection(
        [
            ("reveal", "Reveal"),
            ("search", "Search"),
            ("group", "Group by"),
            ("read", "Read"),
            ("export", "Export"),
        ],
        string="Access",
        required=True,
        readonly=True,
    )
    res_model = fields.Char(
        string="Context model",
        readonly=True,
        help="Model of the screen the read came from (active model), "
        "or res.partner when read directly.",
    )
    res_id = fields.Integer(string="Context record", readonly=True)
    reason = fields.Text(
        readonly=True, help="Why the clerk revealed the CNP, as he typed it."
    )
    search_value = fields.Char(
        string="Searched",
        readonly=True,
        help="Condition of a search or grouping on the CNP; values are masked.",
    )
    company_id = fields.Many2one(
        "res.company", string="Company", readonly=True, index=True
    )

    @api.model
    def _log_access(self, partners, access_type, reason=None):
        """Create one row per partner that has a CNP. Call in sudo."""
        context = self.env.context
        user = self.env.user
        vals_list = [
            {
                "user_id": user.id,
                "partner_id": partner.id,
                "partner_name": partner.display_name,
                "access_type": access_type,
                "res_model": context.get("active_model") or partner._name,
                "res_id": context.get("active_id") or partner.id,
                "company_id": self.env.company.id,
                "reason": reason,
            }
            for partner in partners.sudo().filtered("cic_cnp")
        ]
        return self.create(vals_list)

    @api.model
    def _log_search(self, access_type, search_value, res_model="res.partner"):
        """One row for a search or grouping on a CNP. Call in sudo."""
        return self.create(
            {
                "user_id": self.env.user.id,
                "access_type": access_type,
                "search_value": search_value,
                "res_model": res_model,
                "res_id": self.env.context.get("active_id") or False,
                "company_id": self.env.company.id,
            }
        )

    def _cic_anonymise_rows(self):
        """Erase the copy of the petitioner's name and the free-text reason; who
        accessed, when and how stay (R-GDPR-2)."""
        return super(CicCnpAccessLog, self.sudo()).write(
            {"partner_name": False, "reason": False}
        )

    def write(self, vals):
        if self:
            raise UserError(self.env._("The CNP access log cannot be changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("The CNP access log cannot be deleted."))
