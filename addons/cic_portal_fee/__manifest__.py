# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "CIC Online Fees",
    "summary": "Fees of the citizens' portal: invoices, online payment, receipts, "
    "fee tables, statements import",
    "version": "18.0.1.0.0",
    "category": "Website/CIC",
    "license": "AGPL-3",
    "author": "CIC Suite",
    "website": "https://github.com/cic-suite/cic-suite",
    "development_status": "Beta",
    # account_payment brings account and payment. A town hall without online
    # payments installs cic_portal alone, without accounting.
    "depends": [
        "cic_portal",
        "account_payment",
    ],
    "external_dependencies": {"python": ["num2words"]},
    "data": [
        "security/cic_portal_fee_groups.xml",
        "security/ir.model.access.csv",
        "security/cic_portal_fee_security.xml",
        "data/product_data.xml",
        "data/cic_fee_data.xml",
        "report/cic_payment_receipt_report.xml",
        "views/cic_service_views.xml",
        "views/helpdesk_ticket_views.xml",
        "views/helpdesk_ticket_fee_gate_views.xml",
        "views/cic_fee_exempt_views.xml",
        "views/cic_commune_onboard_views.xml",
        "views/account_payment_views.xml",
        "views/account_payment_register_views.xml",
        "views/account_move_views.xml",
        "views/cic_payment_import_line_views.xml",
        "views/cic_fee_report_views.xml",
        "views/cic_payment_import_views.xml",
        "views/cic_fee_templates.xml",
        "views/cic_accessibility_templates.xml",
        "views/cic_fee_table_views.xml",
        "views/cic_portal_fee_menus.xml",
    ],
    "demo": [
        "demo/cic_fee_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "cic_portal_fee/static/tests/tours/*.js",
        ],
    },
    "installable": True,
}
