# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import test_portal_forms
from . import test_portal_petition_address
from . import test_portal_security
from . import test_tracking
from . import test_rating
from . import test_rating_migration
from . import test_kpi_indicators
from . import test_public_pages
from . import test_audience
from . import test_transparency
from . import test_tours
from . import test_portal_identity
from . import test_accessibility
from . import test_date_basis_portal
from . import test_portal_gdpr
from . import test_followup
from . import test_service_fields
from . import test_website_institution
from . import test_institutions_page
from . import test_participation_page
from . import test_portal_services
from . import test_commune_onboard_services
from . import test_mol_page
from . import test_published_answers_page
from . import test_portal_communes
from . import test_no_accounting
