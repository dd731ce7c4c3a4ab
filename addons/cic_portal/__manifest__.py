# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "CIC Citizens' Portal",
    "summary": "Citizens' portal: requests, tracking, fees, audiences, transparency",
    "version": "18.0.1.0.0",
    "category": "Website/CIC",
    "license": "AGPL-3",
    "author": "CIC Suite",
    "website": "https://github.com/cic-suite/cic-suite",
    "development_status": "Beta",
    "depends": [
        "website",
        "portal",
        "payment",
        "account",
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
