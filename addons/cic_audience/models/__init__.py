from . import cic_audience_room
from . import cic_audience_topic
from . import cic_audience_official
from . import cic_audience_programme_line
from . import cic_audience_closure
from . import cic_audience_request
from . import helpdesk_ticket
from . import res_config_settings
