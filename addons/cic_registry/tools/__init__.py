# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Pure-Python helpers of the registry (no model): the legacy import's file
reader and its bulk insert, used by the wizard ``cic.legacy.import``."""
