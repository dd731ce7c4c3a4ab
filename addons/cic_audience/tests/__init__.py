from . import test_slots
from . import test_booking
from . import test_concurrency
from . import test_register
from . import test_security
from . import test_i18n
from . import test_tours
from . import test_booking_limit
