# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models, tools

from odoo.addons.account.models.account_move import PAYMENT_STATE_SELECTION

from .account_payment import PAYMENT_CHANNELS


class CicFeeReport(models.Model):
    """Fees by service, payment channel and month (finance's pivot and graph):
    one row per posted fee invoice, with the channel of its latest payment.
    Amounts in the fee's currency (lei, ``res.company._cic_fee_currency``)."""

    _name = "cic.fee.report"
    _description = "CIC fees report"
    _auto = False
    _order = "date desc"
    _rec_name = "invoice_id"

    invoice_id = fields.Many2one("account.move", string="Fee", readonly=True)
    registration_number = fields.Char(string="Request number", readonly=True)
    service_id = fields.Many2one("cic.service", string="Service", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    date = fields.Date(string="Invoice date", readonly=True)
    payment_date = fields.Date(string="Paid on", readonly=True)
    channel = fields.Selection(
        [*PAYMENT_CHANNELS, ("none", "Not paid")],
        string="Payment channel",
        readonly=True,
    )
    payment_state = fields.Selection(
        PAYMENT_STATE_SELECTION,
        string="Payment status",
        readonly=True,
    )
    amount = fields.Monetary(string="Fee amount", readonly=True)
    amount_paid = fields.Monetary(string="Paid", readonly=True)
    amount_due = fields.Monetary(string="Left to pay", readonly=True)
    fee_count = fields.Integer(string="Fees", readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            f"""
            CREATE OR REPLACE VIEW {self._table} AS (
                SELECT move.id AS id,
                       move.id AS invoice_id,
                       move.cic_registration_number AS registration_number,
                       move.cic_service_id AS service_id,
                       move.company_id AS company_id,
                       move.currency_id AS currency_id,
                       move.invoice_date AS date,
                       last_payment.date AS payment_date,
                       COALESCE(last_payment.cic_channel, 'none') AS channel,
                       move.payment_state AS payment_state,
                       move.amount_total AS amount,
                       move.amount_total - move.amount_residual AS amount_paid,
                       move.amount_residual AS amount_due,
                       1 AS fee_count
                  FROM account_move move
                  LEFT JOIN LATERAL (
                        SELECT payment.cic_channel, payment.date
                          FROM account_move__account_payment rel
                          JOIN account_payment payment
                            ON payment.id = rel.payment_id
                         WHERE rel.invoice_id = move.id
                           AND payment.state != 'canceled'
                         ORDER BY payment.id DESC
                         LIMIT 1
                  ) last_payment ON TRUE
                 WHERE move.cic_ticket_id IS NOT NULL
                   AND move.move_type = 'out_invoice'
                   AND move.state = 'posted'
            )
            """
        )
