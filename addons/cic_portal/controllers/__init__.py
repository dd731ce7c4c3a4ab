# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import cic_portal
from . import services
from . import tracking
from . import public_pages
from . import portal
from . import portal_identity
from . import request_pages
from . import petitioner
from . import audience
from . import transparency
from . import database
from . import accessibility
from . import followup
from . import privacy
from . import institution
from . import participation
from . import mol
from . import published_answer
