# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.1.4.0 -> 18.0.1.5.0: online fees leave cic_portal for the new addon
cic_portal_fee (issue 18 point 6), and cic_portal no longer depends on
account_payment.

A database whose cic_portal had the fees (account_payment installed) keeps them:
before cic_portal's data is loaded, the external ids of everything that moved
(models, fields, selections, constraints, views, templates, menus, actions,
reports, access rights, rules, groups, data, demo records) are given to
cic_portal_fee, and cic_portal_fee is marked to load. Odoo's loading loads the
modules so marked in the same run (odoo/modules/loading.py, load_marked_modules:
the loop queries the states again after each pass), and only then clears the
records no longer declared (ir.model.data._process_end): the fee columns, the
tickets' invoice links, the payments and the noupdate data (fee products and
tables, rules) are kept, owned by cic_portal_fee (it is marked 'to upgrade', see
migrate()). The module record exists:
-u runs update_list before loading; else it is created here.

cic_portal's own views that pointed at a moved block (the online form's errors
view at the surface field) get their arch from their file first: Odoo validates
an updated template with the inheriting views already in the database, and the
fee templates are not loaded yet then."""

import logging

from odoo import SUPERUSER_ID, api

_logger = logging.getLogger(__name__)

FEE_MODULE = "cic_portal_fee"

# Records of the XML and CSV files that moved (views, templates, menus,
# actions, reports, access rights, rules, the finance group, data, demo).
RECORDS = [
    "access_account_bank_statement_cic_finance",
    "access_account_bank_statement_line_cic_finance",
    "access_cic_fee_exempt_head",
    "access_cic_fee_report_finance",
    "access_cic_fee_table_account_manager",
    "access_cic_fee_table_line_account_manager",
    "access_cic_fee_table_line_manager",
    "access_cic_fee_table_line_user",
    "access_cic_fee_table_manager",
    "access_cic_fee_table_user",
    "access_cic_payment_import_finance",
    "access_cic_payment_import_line_finance",
    "action_cic_fee",
    "action_cic_fee_payment",
    "action_cic_fee_report",
    "action_cic_fee_table",
    "action_cic_payment_import",
    "action_cic_payment_import_line_unmatched",
    "action_report_cic_payment_receipt",
    "cic_commune_onboard_view_form_fee",
    "cic_fee_exempt_view_form",
    "cic_fee_report_rule_company",
    "cic_fee_report_view_graph",
    "cic_fee_report_view_list",
    "cic_fee_report_view_pivot",
    "cic_fee_report_view_search",
    "cic_fee_table_line_rule_company",
    "cic_fee_table_rule_company",
    "cic_fee_table_view_form",
    "cic_fee_table_view_list",
    "cic_fee_table_view_search",
    "cic_payment_import_line_rule_company",
    "cic_payment_import_line_view_form",
    "cic_payment_import_line_view_list",
    "cic_payment_import_line_view_search",
    "cic_payment_import_view_form",
    "cic_request_confirmation_page_fee",
    "cic_request_form_page_fees",
    "cic_request_form_page_fees_aria",
    "cic_service_fee_amount",
    "cic_service_page_fee_table",
    "cic_services_page_fee_table",
    "cic_track_page_fee",
    "currency_rate_ron_demo",
    "fee_line_current_year_acord_functionare_fee",
    "fee_line_current_year_atestare_fiscala_urgency",
    "fee_line_current_year_autorizatie_construire_fee",
    "fee_line_current_year_nomenclatura_stradala_fee",
    "fee_line_current_year_urbanism_0",
    "fee_line_current_year_urbanism_1000",
    "fee_line_current_year_urbanism_150",
    "fee_line_current_year_urbanism_250",
    "fee_line_current_year_urbanism_500",
    "fee_line_current_year_urbanism_750",
    "fee_line_previous_year_acord_functionare_fee",
    "fee_line_previous_year_atestare_fiscala_urgency",
    "fee_line_previous_year_autorizatie_construire_fee",
    "fee_line_previous_year_nomenclatura_stradala_fee",
    "fee_line_previous_year_urbanism_0",
    "fee_line_previous_year_urbanism_1000",
    "fee_line_previous_year_urbanism_150",
    "fee_line_previous_year_urbanism_250",
    "fee_line_previous_year_urbanism_500",
    "fee_line_previous_year_urbanism_750",
    "fee_table_current_year",
    "fee_table_previous_year",
    "group_cic_finance",
    "helpdesk_ticket_view_form_cic_fee_gate",
    "helpdesk_ticket_view_form_cic_portal_fee",
    "helpdesk_ticket_view_form_workflow_fee_gate",
    "menu_cic_fee",
    "menu_cic_fee_payment",
    "menu_cic_fee_report",
    "menu_cic_fee_table",
    "menu_cic_payment_import",
    "menu_cic_payment_import_line",
    "menu_cic_portal_fees",
    "portal_invoice_page_frame_title",
    "portal_my_cic_request_fee",
    "portal_my_cic_request_fees",
    "portal_my_cic_requests_fee",
    "portal_my_details_fields_invoice_labels",
    "product_cic_fee",
    "product_cic_foi_copy_fee",
    "product_cic_urgency_fee",
    "report_cic_payment_receipt",
    "ticket_demo_caf_urgent",
    "ticket_demo_fee_paid",
    "ticket_demo_fee_unpaid",
    "view_account_payment_form_cic_portal",
    "view_account_payment_list_cic_portal",
    "view_account_payment_register_form_cic",
    "view_account_payment_search_cic_portal",
    "view_cic_fee_list",
    "view_cic_fee_search",
    "view_move_form_cic_fee",
    # the templates Odoo names after their product (_inherits)
    "product_cic_fee_product_template",
    "product_cic_urgency_fee_product_template",
    "product_cic_foi_copy_fee_product_template",
    "model_cic_fee_table",
    "model_cic_fee_table_line",
    "model_cic_fee_report",
    "model_cic_fee_exempt",
    "model_cic_payment_import",
    "model_cic_payment_import_line",
    "model_account_move",
    "model_account_payment",
    "model_account_payment_register",
    "model_payment_provider",
    "model_payment_transaction",
]

# Models that are the fee addon's own: every field, selection and constraint.
OWN_MODELS = [
    "cic_fee_table",
    "cic_fee_table_line",
    "cic_fee_report",
    "cic_fee_exempt",
    "cic_payment_import",
    "cic_payment_import_line",
]

# Fields the fee addon adds to the models of others.
FIELDS = {
    "helpdesk_ticket": [
        "cic_invoice_id",
        "cic_surface_m2",
        "cic_urgency_requested",
        "cic_urgency_paid",
        "cic_fee_state",
        "cic_fee_exempt_by_id",
        "cic_fee_exempt_date",
        "cic_fee_exempt_reason",
    ],
    "cic_service": [
        "fee_product_id",
        "fee_amount",
        "currency_id",
        "has_fee",
        "fee_by_surface",
        "fee_table_line_ids",
        "current_fee_amount",
        "urgency_available",
        "urgency_fee_amount",
        "urgency_fee_product_id",
        "urgency_target_days",
    ],
    "res_company": ["cic_fee_currency_id"],
    "cic_commune_onboard": ["load_chart"],
    "account_move": [
        "cic_ticket_id",
        "cic_registration_number",
        "cic_petitioner_name",
        "cic_service_id",
    ],
    "account_payment_register": ["cic_channel"],
    "account_payment": [
        "cic_channel",
        "cic_external_ref",
        "cic_payer_vat",
        "cic_proof_file",
        "cic_proof_file_name",
        "cic_iban",
        "cic_ticket_ids",
        "cic_registration_numbers",
    ],
}

CONSTRAINTS = ["cic_service_fee_positive", "cic_service_urgency_fee_positive"]


def _like(name):
    """``name`` as a LIKE pattern matching itself only."""
    return name.replace("\\", "\\\\").replace("_", "\\_").replace("%", "\\%")


def _patterns():
    """LIKE patterns of the external ids of the moved fields, selections and
    constraints."""
    patterns = []
    for model in OWN_MODELS:
        patterns += [
            _like(f"field_{model}__") + "%",
            _like(f"selection__{model}__") + "%",
            _like(f"constraint_{model}_") + "%",
        ]
    for model, names in FIELDS.items():
        for name in names:
            patterns.append(_like(f"field_{model}__{name}"))
            patterns.append(_like(f"selection__{model}__{name}__") + "%")
    patterns += [_like(f"constraint_{name}") for name in CONSTRAINTS]
    return patterns


def _ensure_module(cr):
    cr.execute("SELECT id FROM ir_module_module WHERE name = %s", [FEE_MODULE])
    if not cr.fetchone():
        env = api.Environment(cr, SUPERUSER_ID, {})
        env["ir.module.module"].update_list()


# cic_portal views whose stored arch points at a block that moved to the fee
# addon (see the module's docstring).
STALE_VIEWS = ["cic_portal.cic_request_form_page_aria"]
# cic_portal's view that is no more: it extended a template that moved (the
# validity is cic_portal's own template now), and would stop the update of that
# template before Odoo removes it at the end of the loading.
GONE_VIEWS = ["cic_portal.portal_my_cic_request_fees_date_basis"]


def _reset_stale_views(cr):
    env = api.Environment(cr, SUPERUSER_ID, {})
    for xmlid in STALE_VIEWS:
        view = env.ref(xmlid, raise_if_not_found=False)
        if view:
            view.reset_arch(mode="hard")
    for xmlid in GONE_VIEWS:
        view = env.ref(xmlid, raise_if_not_found=False)
        if view:
            view.unlink()


def migrate(cr, version):
    if not version:
        return
    _reset_stale_views(cr)
    cr.execute(
        "SELECT 1 FROM ir_module_module WHERE name = 'account_payment' "
        "AND state IN ('installed', 'to upgrade')"
    )
    if not cr.fetchone():
        return  # no fees in this database: cic_portal goes on without them
    _ensure_module(cr)
    # An external id already given to cic_portal_fee (a second run) wins.
    cr.execute(
        """
        UPDATE ir_model_data d SET module = %s
         WHERE d.module = 'cic_portal'
           AND (d.name = ANY(%s) OR d.name LIKE ANY(%s))
           AND NOT EXISTS (
                SELECT 1 FROM ir_model_data o
                 WHERE o.module = %s AND o.name = d.name)
        """,
        [FEE_MODULE, RECORDS, _patterns(), FEE_MODULE],
    )
    moved = cr.rowcount
    # Constraints and relations name their module too (used on uninstall).
    cr.execute(
        """
        UPDATE ir_model_constraint c
           SET module = (SELECT id FROM ir_module_module WHERE name = %s)
         WHERE c.module = (SELECT id FROM ir_module_module WHERE name = 'cic_portal')
           AND c.id IN (SELECT res_id FROM ir_model_data
                         WHERE module = %s AND model = 'ir.model.constraint')
        """,
        [FEE_MODULE, FEE_MODULE],
    )
    cr.execute(
        """
        UPDATE ir_model_relation r
           SET module = (SELECT id FROM ir_module_module WHERE name = %s)
         WHERE r.module = (SELECT id FROM ir_module_module WHERE name = 'cic_portal')
           AND r.model IN (SELECT id FROM ir_model WHERE model LIKE ANY(%s))
        """,
        [FEE_MODULE, ["cic.fee.%", "cic.payment.import%"]],
    )
    # 'to upgrade', not 'to install': its records exist already (moved above),
    # and a module being installed loads its noupdate data and replays its
    # functions (the demo's payments, the fee products and tables a town hall
    # may have changed), while an update leaves them alone. The loading loop
    # picks it up in this run (load_marked_modules queries the states again
    # after each pass) and marks it installed; its demo data follows
    # cic_portal's.
    cr.execute(
        """
        UPDATE ir_module_module
           SET state = 'to upgrade',
               demo = (SELECT demo FROM ir_module_module WHERE name = 'cic_portal')
         WHERE name = %s AND state = 'uninstalled'
        """,
        [FEE_MODULE],
    )
    _logger.info(
        "cic_portal: %s external ids moved to %s, which is installed now",
        moved,
        FEE_MODULE,
    )
