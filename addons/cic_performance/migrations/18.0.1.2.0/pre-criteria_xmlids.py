# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Before the data is loaded again: the methodologies' criteria, created inline until
18.0.1.1.0, get the xml ids the data file now gives them (so that they are not created
twice and their Romanian names can be loaded by xml id). A criterion is matched by its
methodology's xml id and its sequence; one already holding the xml id is left alone."""

CRITERIA = [
    ("methodology_anexa6_execution", 1, "criterion_anexa6_execution_1"),
    ("methodology_anexa6_execution", 2, "criterion_anexa6_execution_2"),
    ("methodology_anexa6_execution", 3, "criterion_anexa6_execution_3"),
    ("methodology_anexa6_execution", 4, "criterion_anexa6_execution_4"),
    ("methodology_anexa6_execution", 5, "criterion_anexa6_execution_5"),
    ("methodology_anexa6_execution", 6, "criterion_anexa6_execution_6"),
    ("methodology_anexa6_management", 1, "criterion_anexa6_management_1"),
    ("methodology_anexa6_management", 2, "criterion_anexa6_management_2"),
    ("methodology_anexa6_management", 3, "criterion_anexa6_management_3"),
    ("methodology_anexa6_management", 4, "criterion_anexa6_management_4"),
    ("methodology_anexa6_management", 5, "criterion_anexa6_management_5"),
    ("methodology_anexa6_management", 6, "criterion_anexa6_management_6"),
    ("methodology_anexa6_management", 7, "criterion_anexa6_management_7"),
    ("methodology_anexa6_management", 8, "criterion_anexa6_management_8"),
    ("methodology_anexa6_high", 1, "criterion_anexa6_high_1"),
    ("methodology_anexa6_high", 2, "criterion_anexa6_high_2"),
    ("methodology_anexa6_high", 3, "criterion_anexa6_high_3"),
    ("methodology_anexa6_high", 4, "criterion_anexa6_high_4"),
    ("methodology_anexa6_high", 5, "criterion_anexa6_high_5"),
    ("methodology_anexa6_high", 6, "criterion_anexa6_high_6"),
    ("methodology_anexa6_high", 7, "criterion_anexa6_high_7"),
    ("methodology_anexa6_high", 8, "criterion_anexa6_high_8"),
    ("methodology_oug7_execution", 1, "criterion_oug7_execution_1"),
    ("methodology_oug7_execution", 2, "criterion_oug7_execution_2"),
    ("methodology_oug7_execution", 3, "criterion_oug7_execution_3"),
    ("methodology_oug7_management", 1, "criterion_oug7_management_1"),
    ("methodology_oug7_management", 2, "criterion_oug7_management_2"),
    ("methodology_oug7_management", 3, "criterion_oug7_management_3"),
    ("methodology_oug7_high", 1, "criterion_oug7_high_1"),
    ("methodology_oug7_high", 2, "criterion_oug7_high_2"),
    ("methodology_oug7_high", 3, "criterion_oug7_high_3"),
    ("methodology_contract_staff", 1, "criterion_contract_staff_1"),
    ("methodology_contract_staff", 2, "criterion_contract_staff_2"),
    ("methodology_contract_staff", 3, "criterion_contract_staff_3"),
    ("methodology_contract_staff", 4, "criterion_contract_staff_4"),
    ("methodology_contract_staff", 5, "criterion_contract_staff_5"),
    ("methodology_contract_staff", 6, "criterion_contract_staff_6"),
]


def migrate(cr, version):
    for methodology, sequence, xmlid in CRITERIA:
        cr.execute(
            """
            INSERT INTO ir_model_data (module, name, model, res_id, noupdate)
            SELECT 'cic_performance', %s, 'cic.appraisal.criterion', crit.id, true
              FROM cic_appraisal_criterion crit
              JOIN ir_model_data meth
                ON meth.model = 'cic.appraisal.methodology'
               AND meth.module = 'cic_performance'
               AND meth.name = %s
               AND meth.res_id = crit.methodology_id
             WHERE crit.sequence = %s
               AND NOT EXISTS (
                   SELECT 1 FROM ir_model_data
                    WHERE module = 'cic_performance' AND name = %s)
             ORDER BY crit.id
             LIMIT 1
            """,
            (xmlid, methodology, sequence, xmlid),
        )
