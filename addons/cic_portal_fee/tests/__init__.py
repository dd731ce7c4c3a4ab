# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import test_amount_words
from . import test_fees
from . import test_fee_table
from . import test_fee_targets
from . import test_fee_portal
from . import test_payment_payer
from . import test_report_official_portal
from . import test_finance_journey
from . import test_fee_gate
from . import test_iban
from . import test_upstream_terms
from . import test_fee_admin_service
from . import test_fee_portal_journeys
from . import test_fee_portal_communes
from . import test_fee_accessibility
from . import test_fee_commune_onboard
