# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "CIC Performance",
    "summary": "CIC indicators, citizen satisfaction and staff appraisal",
    "version": "18.0.1.1.0",
    "category": "Services/CIC",
    "license": "AGPL-3",
    "author": "CIC Suite",
    "website": "https://github.com/cic-suite/cic-suite",
    "development_status": "Beta",
    "depends": [
        "hr_appraisal_oca",
        "survey",
        "cic_registry",
        "cic_audience",
    ],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        "security/ir.model.access.csv",
        "security/cic_performance_security.xml",
        "data/survey_data.xml",
        "data/mail_template_data.xml",
        "data/cic_kpi_indicator_data.xml",
        "data/cic_appraisal_methodology_data.xml",
        "data/ir_cron_data.xml",
        "report/cic_performance_templates.xml",
        "report/cic_appraisal_campaign_templates.xml",
        "views/cic_kpi_report_views.xml",
        "views/cic_kpi_indicator_views.xml",
        "views/cic_appraisal_views.xml",
        "views/hr_appraisal_views.xml",
        "views/cic_performance_menus.xml",
        "views/res_config_settings_views.xml",
    ],
    "demo": ["demo/cic_performance_demo.xml"],
    "assets": {
        "web.assets_tests": [
            "cic_performance/static/tests/tours/*.js",
        ],
    },
    "installable": True,
    "application": True,
}
