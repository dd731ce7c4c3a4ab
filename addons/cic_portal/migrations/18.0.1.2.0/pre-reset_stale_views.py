# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.1.1.0 -> 18.0.1.2.0: the fields of the online forms became data
(cic.service.field), so the form page no longer has the answer-format and
complaint-type selects. The accessibility view that marked them invalid
(cic_request_form_page_aria) still carries its 18.0.1.1.0 arch in the database
until its own file is loaded, and Odoo validates the updated form page with the
inheriting views already in the database: the stale xpath
``//select[@id='cic_answer_format']`` could not be located and the update stopped.
Before the module's data is loaded, the stale inheriting views are emptied
(``<data/>`` changes nothing); their file gives them back their current arch a few
files later in the same update."""

import logging

_logger = logging.getLogger(__name__)

# Views of cic_portal whose old arch points at nodes the update removes from
# their parent.
STALE_VIEWS = ("cic_request_form_page_aria",)


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        UPDATE ir_ui_view v
           SET arch_db = jsonb_build_object('en_US', '<data/>')
          FROM ir_model_data d
         WHERE d.model = 'ir.ui.view'
           AND d.module = 'cic_portal'
           AND d.name IN %s
           AND d.res_id = v.id
        RETURNING d.name
        """,
        [STALE_VIEWS],
    )
    names = [name for (name,) in cr.fetchall()]
    _logger.info("inheriting views emptied before their update: %s", ", ".join(names))
