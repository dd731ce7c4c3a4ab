# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import new_test_user, tagged

from .common import CicPerformanceCase, d


@tagged("post_install", "-at_install")
class TestKpiWithdrawn(CicPerformanceCase):
    """An entry its petitioner withdrew (retragere) is neither answered, open,
    overdue, in term nor late: it is counted as withdrawn."""

    def test_withdrawn_entry(self):
        answered = self.entry(d(2025, 3, 3), d(2025, 4, 3), answered=d(2025, 3, 13))
        withdrawn = self.entry(d(2025, 3, 4), d(2025, 3, 10))
        clerk = new_test_user(
            self.env, login="cic_kpi_wd_clerk", groups="cic_registry.group_cic_clerk"
        )
        withdrawn.with_user(clerk).action_cic_withdraw()  # a written withdrawal
        self.assertTrue(withdrawn.cic_kpi_excluded)
        self.env.flush_all()
        row = self.env["cic.kpi.report"].search([("ticket_id", "=", withdrawn.id)])
        self.assertEqual(
            [
                row.answered_count,
                row.open_count,
                row.overdue_count,
                row.in_term_count,
                row.late_count,
                row.withdrawn_count,
            ],
            [0, 0, 0, 0, 0, 1],
        )
        kpi = self.kpi(d(2025, 3, 1), d(2025, 3, 31))
        self.assertEqual(kpi["entries"], 2)
        self.assertEqual(kpi["answered"], 1)
        self.assertEqual(kpi["in_term_pct"], 100.0)
        self.assertEqual(kpi["median_days"], 10.0)
        self.assertFalse(answered.cic_closure_reason)
