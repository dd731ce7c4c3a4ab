from . import test_kpi
from . import test_kpi_withdrawn
from . import test_kpi_answers
from . import test_satisfaction
from . import test_indicators
from . import test_appraisal
from . import test_report_official_performance
from . import test_phone_line
