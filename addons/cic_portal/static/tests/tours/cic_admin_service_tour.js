/* Copyright 2026 CIC Suite
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import { registry } from "@web/core/registry";

/* The administrator creates an online service in the back office, without code:
 * its category, procedure and legal term, department, required documents and
 * two fields of its online form (a required number and a choice). cic_portal_fee
 * has the tour of its fee. */
const service = "Tur autorizație de foraj";

function m2oCreate(field, value, option = "create") {
    return [
        { trigger: `.o_field_widget[name=${field}] input`, run: `edit ${value}` },
        {
            trigger: `.o_field_widget[name=${field}] .o_m2o_dropdown_option_${option} a`,
            run: "click",
        },
    ];
}

function addLine(field, values) {
    const row = `.o_field_widget[name=${field}] .o_data_row.o_selected_row`;
    return [
        {
            trigger: `.o_field_widget[name=${field}] .o_field_x2many_list_row_add a`,
            run: "click",
        },
        ...values.map(([name, run]) => ({
            trigger: `${row} .o_field_widget[name=${name}] ${
                run.startsWith("select") ? "select" : run === "click" ? "input" : "input, textarea"
            }`,
            run,
        })),
    ];
}

registry.category("web_tour.tours").add("cic_portal_admin_service_tour", {
    url: "/odoo/action-cic_portal.action_cic_service",
    steps: () => [
        // The first load may compile the back-office assets on a busy machine.
        { trigger: ".o_list_button_add", run: "click", timeout: 60000 },
        { trigger: ".o_field_widget[name=name] input", run: `edit ${service}` },
        ...m2oCreate("category_id", "Tur mediu"),
        ...m2oCreate("procedure_id", "Tur autorizare foraj", "create_edit"),
        { trigger: ".modal .o_field_widget[name=code] input", run: "edit tour_drilling" },
        { trigger: ".modal .o_field_widget[name=term_days] input", run: "edit 30" },
        { trigger: ".modal .o_form_button_save", run: "click" },
        { trigger: "body:not(:has(.modal))" },
        { trigger: ".o_field_widget[name=term_days]:contains(30)" },
        ...m2oCreate("department_id", "Tur Serviciul Mediu", "create_edit"),
        { trigger: ".modal .o_field_widget[name=name] input", run: "click" },
        { trigger: ".modal .o_form_button_save", run: "click" },
        { trigger: "body:not(:has(.modal))" },
        { trigger: ".o_field_widget[name=department_id] input:value(Tur Serviciul Mediu)" },
        { trigger: ".o_notebook_headers a[name=required_documents]", run: "click" },
        {
            trigger: ".o_field_widget[name=required_documents] .odoo-editor-editable",
            run: "editor Copie după actul de identitate; planul de situație.",
        },
        { trigger: ".o_notebook_headers a[name=online_form]", run: "click" },
        ...addLine("form_field_ids", [
            ["name", "edit Adâncimea forajului în metri"],
            ["field_type", 'select "number"'],
            ["required", "click"],
            ["help", "edit Adâncimea estimată, în metri."],
        ]),
        ...addLine("form_field_ids", [
            ["name", "edit Folosința apei"],
            ["field_type", 'select "choice"'],
        ]),
        {
            // Two options, one per line (typing a new line would leave the row).
            trigger: ".o_field_widget[name=form_field_ids] .o_selected_row .o_field_widget[name=options] textarea",
            run(helpers) {
                const area = helpers.anchor;
                area.value = "casnic|Casnică\nindustrial|Industrială";
                area.dispatchEvent(new Event("input", { bubbles: true }));
                area.dispatchEvent(new Event("change", { bubbles: true }));
            },
        },
        { trigger: ".o_form_button_save", run: "click" },
        { trigger: ".o_form_saved" },
        { trigger: `.o_breadcrumb .active:contains(${service})` },
        { trigger: ".o_notebook_headers a[name=online_form]", run: "click" },
        { trigger: ".o_field_widget[name=form_field_ids] .o_data_row:contains(Folosința apei)" },
        { trigger: ".o_form_saved" },
    ],
});
