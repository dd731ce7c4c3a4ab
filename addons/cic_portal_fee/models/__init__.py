# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import res_company
from . import cic_service
from . import cic_fee_table
from . import cic_fee_table_line
from . import helpdesk_ticket_fee
from . import helpdesk_ticket_visitor
from . import helpdesk_ticket_fee_gate
from . import helpdesk_ticket_date_basis
from . import account_move
from . import account_payment
from . import account_payment_register
from . import cic_payment_import_line
from . import cic_fee_report
from . import payment_provider
from . import payment_transaction
from . import ir_module_module
