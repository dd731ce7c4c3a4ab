# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import cic_service_category
from . import cic_service
from . import cic_public_document
from . import cic_public_info_page
from . import cic_request_rating
from . import cic_portal_submission
from . import cic_portal_throttle
from . import helpdesk_ticket
from . import helpdesk_ticket_fee
from . import helpdesk_ticket_visitor
from . import helpdesk_ticket_documents
from . import cic_fee_table
from . import cic_fee_table_line
from . import res_company
from . import helpdesk_ticket_petitioner
from . import cic_audience_request_petitioner
from . import res_partner
from . import account_move
from . import account_payment
from . import payment_provider
from . import payment_transaction
from . import ir_http
from . import ir_attachment
from . import mail_mail
from . import res_company_accessibility
from . import helpdesk_ticket_date_basis
