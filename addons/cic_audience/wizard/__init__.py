from . import cic_audience_schedule
from . import cic_audience_schedule_slot
from . import cic_audience_day_programme
