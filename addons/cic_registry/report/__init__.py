# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import report_cic_document_xlsx
from . import report_cic_transparency_xlsx
