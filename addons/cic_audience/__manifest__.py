# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "CIC Audiences",
    "summary": "Audiences with the mayor and officials, on Odoo's calendar",
    "version": "18.0.1.1.0",
    "category": "Services/CIC",
    "license": "AGPL-3",
    "author": "CIC Suite",
    "website": "https://github.com/cic-suite/cic-suite",
    "development_status": "Beta",
    "depends": [
        "calendar",
        "cic_registry",
    ],
    "data": [
        "security/ir.model.access.csv",
        "security/cic_audience_security.xml",
        "security/cic_audience_company_security.xml",
        "data/cic_audience_topic_data.xml",
        "data/mail_template_data.xml",
        "data/ir_cron_data.xml",
        "views/cic_audience_request_views.xml",
        "views/cic_audience_official_views.xml",
        "views/cic_audience_room_views.xml",
        "views/cic_audience_topic_views.xml",
        "views/cic_audience_closure_views.xml",
        "views/cic_audience_schedule_views.xml",
        "views/res_config_settings_views.xml",
        "report/cic_audience_reports.xml",
        "report/cic_audience_templates.xml",
        "views/cic_audience_menus.xml",
    ],
    "demo": [
        "demo/cic_audience_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "cic_audience/static/tests/tours/*.js",
        ],
    },
    "installable": True,
    "application": True,
}
