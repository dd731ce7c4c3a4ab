/* Copyright 2026 CIC Suite
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import { registry } from "@web/core/registry";

/* The administrator gives a service its fee in the back office: the fee
 * product and a fee line of this year's fee table. */
registry.category("web_tour.tours").add("cic_portal_fee_admin_service_tour", {
    steps: () => [
        // The first load may compile the back-office assets on a busy machine.
        { trigger: ".o_field_widget[name=fee_product_id] input", run: "edit locală", timeout: 60000 },
        {
            trigger: ".o_field_widget[name=fee_product_id] .o-autocomplete--dropdown-item:not(.o_m2o_dropdown_option) a:contains(ocal)",
            run: "click",
        },
        { trigger: ".o_field_widget[name=fee_product_id] input:value(ocal)" },
        { trigger: ".o_notebook_headers a[name=fees]", run: "click" },
        {
            trigger: ".o_field_widget[name=fee_table_line_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=fee_table_line_ids] .o_selected_row .o_field_widget[name=table_id] input",
            run: "click",
        },
        {
            trigger: `.o_field_widget[name=table_id] .o-autocomplete--dropdown-item a:contains(${new Date().getFullYear()})`,
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=fee_table_line_ids] .o_selected_row .o_field_widget[name=amount] input",
            run: "edit 45",
        },
        { trigger: ".o_form_button_save", run: "click" },
        { trigger: ".o_form_saved" },
    ],
});
