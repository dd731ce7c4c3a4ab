# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import TransactionCase, tagged

from odoo.addons.cic_portal_fee.models.account_payment import ro_amount_in_words


@tagged("post_install", "-at_install")
class TestAmountWords(TransactionCase):
    def test_romanian_amounts(self):
        vectors = {
            1: "un leu",
            2: "doi lei",
            19: "nouăsprezece lei",
            20: "douăzeci de lei",
            25.5: "douăzeci și cinci de lei și cincizeci de bani",
            100: "o sută de lei",
            101: "o sută unu lei",
            120: "o sută douăzeci de lei",
            0.01: "un ban",
            0: "zero lei",
        }
        for amount, words in vectors.items():
            with self.subTest(amount=amount):
                self.assertEqual(ro_amount_in_words(amount), words)
