# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Fixtures of the archive tests: an approved nomenclator and back-dated entries."""

from .common import CicRegistryCase


class CicNomenclatorCase(CicRegistryCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.this_year = cls.calendar.today().year
        cls.nomenclator = cls.env["cic.nomenclator"].create(
            {
                "name": "Nomenclator test",
                # the latest year, so that it is the one in force whatever
                # demo nomenclators the database holds
                "year": cls.this_year,
                "version": 70,
                "approval_act": "Dispoziția nr. 1/2000",
                "approval_date": "2000-01-10",
                "entry_ids": [
                    cls._entry(
                        "T-1", "Petiții și răspunsuri", 3, procedures="petition"
                    ),
                    cls._entry("T-2", "Hotărâri ale consiliului local", 0),
                    cls._entry("T-3", "Corespondență generală", 5, team_default=True),
                ],
            }
        )
        cls.nomenclator.action_approve()
        cls.file_petitions, cls.file_permanent, cls.file_default = (
            cls.nomenclator.entry_ids.sorted("indicator")
        )

    @classmethod
    def _entry(cls, indicator, name, years, procedures=None, team_default=False):
        return (
            0,
            0,
            {
                "indicator": indicator,
                "name": name,
                "team_id": cls.team.id,
                "retention_type": "years" if years else "permanent",
                "retention_years": years,
                "procedure_ids": [(6, 0, cls.procedure[procedures].ids)]
                if procedures
                else [],
                "is_team_default": team_default,
            },
        )

    @classmethod
    def backdate(cls, entries, when):
        """Move entries to an earlier date, as a legacy import does."""
        entries.sudo().with_context(cic_registration_write=True).write(
            {"cic_registration_date": when}
        )
        return entries

    @classmethod
    def old_entry(cls, when, file, **vals):
        entry = cls.create_entry(cic_nomenclator_entry_id=file.id, **vals)
        return cls.backdate(entry, when)
