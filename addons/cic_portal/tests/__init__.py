# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import test_amount_words
from . import test_fees
from . import test_portal_forms
from . import test_portal_petition_address
from . import test_portal_security
from . import test_tracking
from . import test_rating
from . import test_public_pages
from . import test_audience
from . import test_transparency
from . import test_tours
from . import test_portal_identity
from . import test_fee_table
from . import test_fee_targets
from . import test_fee_portal
from . import test_payment_payer
from . import test_accessibility
from . import test_report_official_portal
from . import test_finance_journey
from . import test_date_basis_portal
from . import test_fee_gate
from . import test_portal_gdpr
from . import test_iban
from . import test_followup
from . import test_service_fields
from . import test_website_institution
