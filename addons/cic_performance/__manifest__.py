# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "CIC Performance",
    "summary": "CIC indicators, citizen satisfaction and staff appraisal",
    "version": "18.0.1.0.0",
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
    "data": [
        "security/ir.model.access.csv",
    ],
    "demo": [],
    "installable": True,
    "application": True,
}
