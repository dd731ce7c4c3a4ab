"""No role gets around the workflow: every abuse of ``security_attempts`` as every role.

The same attempts print the README's third access table (``tools/access_matrix.py``).
A new attempt added there is checked here for every role without another line.
"""

from security_attempts import ALLOWED, ATTEMPTS, compute_attempts, to_markdown
from security_matrix import ROLES, Fixture

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestSecurityAttempts(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.fx = Fixture(cls.env, prefix="abuse")
        cls.attempts = compute_attempts(cls.fx)

    def test_policy(self):
        for key, _label, _attempt in ATTEMPTS:
            allowed = ALLOWED.get(key, set())
            for role, worked in self.attempts[key].items():
                self.assertEqual(
                    worked,
                    role in allowed,
                    f"{role}: {key} {'went through' if worked else 'refused'}",
                )

    def test_markdown(self):
        markdown = to_markdown(self.attempts, ROLES)
        self.assertEqual(markdown.count("\n| "), len(ATTEMPTS) + 1)
