# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CicCommuneOnboard(models.TransientModel):
    """Onboarding a commune: the template's service catalogue and fee tables."""

    _inherit = "cic.commune.onboard"

    def _cic_onboard_copy(self, company, mapping):
        res = super()._cic_onboard_copy(company, mapping)
        template = self.template_company_id
        services = self.env["cic.service"].search([("company_id", "=", template.id)])
        mapping["cic.service"] = {
            service: service.copy(self._cic_service_values(service, company, mapping))
            for service in services
        }
        tables = self.env["cic.fee.table"].search([("company_id", "=", template.id)])
        for table in tables:
            lines = [
                fields.Command.create(
                    dict(
                        line.copy_data()[0],
                        table_id=False,
                        service_id=mapping["cic.service"][line.service_id].id,
                    )
                )
                for line in table.line_ids
                if line.service_id in mapping["cic.service"]
            ]
            table.copy({"company_id": company.id, "line_ids": lines})
        return res

    def _cic_service_values(self, service, company, mapping):
        return {
            "name": service.name,
            "slug": service.slug,
            "company_id": company.id,
            "procedure_id": self._cic_mapped(mapping, service.procedure_id).id
            or service.procedure_id.id,
            "department_id": self._cic_mapped(mapping, service.department_id).id,
            "form_field_ids": [
                fields.Command.create(dict(field.copy_data()[0], service_id=False))
                for field in service.form_field_ids
            ],
        }
