from . import test_registration
from . import test_calendar
from . import test_identity
from . import test_identity_cnp_access
from . import test_access_rules
from . import test_registry_entry
from . import test_receipt_reminders
