"""The four CIC apps' menus read in Romanian, and every menu and view of those
apps opens in headless Chromium without a JavaScript error, as the administrator.

Runs on both test databases of bin/test (with and without demo data, ro_RO loaded).
"""

from odoo.tests import HttpCase, tagged

APPS = {
    "helpdesk_mgmt.helpdesk_ticket_main_menu": "Registratură",
    "cic_audience.cic_audience_menu_root": "Audiențe",
    "cic_performance.menu_cic_performance_root": "Performanța CIC",
    "cic_portal.menu_cic_portal_root": "Portalul cetățeanului",
}


@tagged("post_install", "-at_install")
class TestDemoUi(HttpCase):
    def test_four_apps_menus_in_romanian(self):
        admin = self.env.ref("base.user_admin")
        menus = (
            self.env["ir.ui.menu"]
            .with_user(admin)
            .with_context(lang="ro_RO")
            .load_menus(debug=False)
        )
        roots = {menus[i]["xmlid"]: menus[i]["name"] for i in menus["root"]["children"]}
        for xmlid, name in APPS.items():
            self.assertEqual(roots.get(xmlid), name, xmlid)

    def _click_everywhere(self, xmlid):
        self.browser_js(
            "/odoo",
            "odoo.loader.modules.get('@web/webclient/clickbot/clickbot_loader')"
            f".startClickEverywhere('{xmlid}');",
            "odoo.isReady === true",
            login="admin",
            timeout=600,
            success_signal="clickbot test succeeded",
        )

    def test_click_everywhere_registry(self):
        self._click_everywhere("helpdesk_mgmt.helpdesk_ticket_main_menu")

    def test_click_everywhere_audiences(self):
        self._click_everywhere("cic_audience.cic_audience_menu_root")

    def test_click_everywhere_performance(self):
        self._click_everywhere("cic_performance.menu_cic_performance_root")

    def test_click_everywhere_portal_backend(self):
        self._click_everywhere("cic_portal.menu_cic_portal_root")
