/* Copyright 2026 CIC Suite
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

/* The mayor runs his audience day (issue 16 point 5): in his list of audiences he
 * records what came of the first one and closes it in the register, then marks the
 * second citizen as not come. */

function openAudience(subject) {
    return {
        content: `Open the audience "${subject}"`,
        trigger: `.o_data_row:contains('${subject}') .o_data_cell[name='subject']`,
        run: "click",
    };
}

function closedInRegister() {
    return {
        content: "The audience is closed in the register",
        trigger: ".o_statusbar_status button[data-value='done'].o_arrow_button_current",
    };
}

registry.category("web_tour.tours").add("cic_audience_mayor_day_tour", {
    steps: () => [
        {
            content: "Only his own audiences are listed",
            trigger: ".o_list_view:not(:has(.o_data_row:contains('Tur audiență viceprimar')))",
        },
        openAudience("Tur audiență: drum comunal"),
        {
            content: "Open the register page",
            trigger: ".o_notebook_headers a[name='register']",
            run: "click",
        },
        {
            content: "Solved in the audience",
            trigger: ".o_field_widget[name='outcome'] select",
            run: 'select "solved"',
        },
        {
            content: "Write the minute",
            trigger: ".o_field_widget[name='minute'] .odoo-editor-editable",
            run: "editor Drumul comunal va fi reparat în luna martie.",
        },
        {
            content: "Close it in the register",
            trigger: "button[name='action_done']",
            run: "click",
        },
        closedInRegister(),
        {
            content: "Back to his audiences",
            trigger: ".o_breadcrumb .o_back_button a, .o_breadcrumb .breadcrumb-item a",
            run: "click",
        },
        openAudience("Tur audiență: loc de parcare"),
        {
            content: "The citizen did not come",
            trigger: "button[name='action_no_show']",
            run: "click",
        },
        closedInRegister(),
    ],
});
