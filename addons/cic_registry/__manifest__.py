# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "CIC Registry (Registratură)",
    "summary": "General registry with legal deadlines (OG 27, L 544, L 52)",
    "version": "18.0.1.0.0",
    "category": "Services/CIC",
    "license": "AGPL-3",
    "author": "CIC Suite",
    "website": "https://github.com/cic-suite/cic-suite",
    "development_status": "Beta",
    "depends": [
        "helpdesk_mgmt",
        "mail",
        "portal",
    ],
    "data": [
        "security/cic_registry_groups.xml",
        "security/ir.model.access.csv",
        "data/cic_procedure_data.xml",
        "data/mail_template_data.xml",
        "data/ir_cron_data.xml",
    ],
    "demo": [],
    "installable": True,
    "application": True,
}
