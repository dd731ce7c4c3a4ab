# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Python that builds demo data, called from the demo XML only (never from the
business code): ``cic.audience.demo`` (an abstract model, no table)."""

from . import cic_audience_demo
