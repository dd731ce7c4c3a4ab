/* Copyright 2026 CIC Suite
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import { registry } from "@web/core/registry";

/* Finance's day, as the finance user: the fee payments with their requests,
 * a Ghișeul.ro statement imported (one line matched by its payment reference,
 * one without a usable reference), the second line matched by hand to its fee,
 * and the receipt (chitanță) of that payment, with the amount in words. */
const STATEMENT = [
    "reference,amount,date,payer,transaction_id",
    "CIC-TUR-PLATA-1,25.50,2026-03-02,Tur Plătitor Unu,GH-TUR-1",
    "taxa certificat,25.50,2026-03-02,Tur Plătitor Doi,GH-TUR-2",
].join("\n");

function fromMenu(section, item) {
    return [
        {
            content: "Open the Fees menu",
            trigger: `.o_menu_sections [data-menu-xmlid='${section}']`,
            run: "click",
        },
        {
            content: "Choose the entry",
            trigger: `.o-dropdown--menu [data-menu-xmlid='${item}']`,
            run: "click",
        },
    ];
}

registry.category("web_tour.tours").add("cic_portal_finance_tour", {
    url: "/odoo",
    steps: () => [
        { trigger: ".o_navbar_apps_menu button", run: "click" },
        {
            content: "Open the Citizens' portal app",
            trigger: ".o-dropdown--menu [data-menu-xmlid='cic_portal.menu_cic_portal_root']",
            run: "click",
        },
        ...fromMenu("cic_portal_fee.menu_cic_portal_fees", "cic_portal_fee.menu_cic_fee_payment"),
        {
            content: "Each fee payment shows the request it pays",
            trigger:
                ".o_list_view .o_data_row td[name=cic_registration_numbers]:contains('/')",
        },
        ...fromMenu("cic_portal_fee.menu_cic_portal_fees", "cic_portal_fee.menu_cic_payment_import"),
        {
            content: "Upload the Ghișeul.ro statement (CSV)",
            trigger: ".modal .o_field_widget[name=file] input[type=file]:not(:visible)",
            run() {
                const file = new File([STATEMENT], "ghiseul-tur.csv", { type: "text/csv" });
                const transfer = new DataTransfer();
                transfer.items.add(file);
                this.anchor.files = transfer.files;
                this.anchor.dispatchEvent(new Event("change", { bubbles: true }));
            },
        },
        { trigger: ".modal .o_field_widget[name=file] .o_clear_file_button" },
        { trigger: ".modal button[name=action_import]", run: "click" },
        {
            content: "One line paid its fee, one is left to match",
            trigger: ".modal .o_field_widget[name=unmatched_count]:contains('1')",
        },
        { trigger: ".modal .o_field_widget[name=result]:contains('1 ')" },
        { trigger: ".modal button[name=action_open_unmatched]", run: "click" },
        {
            content: "The line left to match",
            trigger: ".o_list_view .o_data_row td[name=name]:contains('taxa certificat')",
            run: "click",
        },
        {
            content: "Find the fee by its petitioner",
            trigger: ".o_field_widget[name=invoice_id] input",
            run: "edit Tur Plătitor Doi",
        },
        {
            trigger: ".o-autocomplete--dropdown-menu .o-autocomplete--dropdown-item a:contains('Tur Plătitor Doi')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=petitioner_name]:contains('Tur Plătitor Doi')",
        },
        { trigger: ".o_form_view button[name=action_match]", run: "click" },
        {
            content: "The line is matched by hand",
            trigger: ".o_field_widget[name=state] .o_arrow_button_current[data-value=matched]",
        },
        { trigger: ".o_form_view button[name=action_open_payment]", run: "click" },
        {
            trigger: ".o_field_widget[name=cic_registration_numbers]:contains('/')",
        },
        { trigger: ".o_form_view button[name=action_cic_view_receipt]", run: "click" },
        {
            content: "The receipt says the amount in Romanian words",
            trigger:
                "iframe:iframe .o_cic_amount_words:contains('douăzeci și cinci de lei și cincizeci de bani')",
        },
    ],
});
