/* Copyright 2026 CIC Suite
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

/* The front desk as its clerk keeps it all day (tests/test_frontdesk_tour.py logs
 * him in): a walk-in recorded from the topic's column of the counter's kanban,
 * registered as a petition from its card, the registration number on the entry
 * and back on the card. */

const TOPIC = "Tur ghișeu: stare civilă";
const CITIZEN = "Elena Ghișeu";
const COLUMN = `.o_kanban_group:has(.o_column_title:contains('${TOPIC}'))`;
const CARD = `${COLUMN} .o_kanban_record:contains('${CITIZEN}')`;

registry.category("web_tour.tours").add("cic_registry_frontdesk_clerk_tour", {
    steps: () => [
        {
            content: "The counter's kanban has a column for the topic",
            trigger: `.o_kanban_view ${COLUMN} .o_kanban_quick_add`,
            run: "click",
        },
        {
            content: "Type the citizen's name",
            trigger: ".o_kanban_quick_create .o_field_widget[name='partner_id'] input",
            run: `edit ${CITIZEN}`,
        },
        {
            content: "Choose the citizen",
            trigger: `.o_kanban_quick_create .o_field_widget[name='partner_id'] .o-autocomplete--dropdown-item a:contains('${CITIZEN}')`,
            run: "click",
        },
        {
            content: "The topic is the column's",
            trigger: `.o_kanban_quick_create .o_field_widget[name='topic_id'] input:value(${TOPIC})`,
        },
        {
            content: "The question in brief",
            trigger: ".o_kanban_quick_create .o_field_widget[name='note'] input",
            run: "edit Certificat de naștere pierdut",
        },
        {
            content: "Record the contact",
            trigger: ".o_kanban_quick_create .o_kanban_add",
            run: "click",
        },
        {
            content: "Register the contact as a petition from its card",
            trigger: `${CARD} button[name='action_register_petition']`,
            run: "click",
        },
        {
            content: "The entry opens with its registration number as the title",
            trigger: ".o_form_view .o_form_saved h1 .o_cic_title_number:contains('/')",
        },
        {
            content: "It is the citizen's entry",
            trigger: `.o_form_view .o_field_widget[name='partner_id'] input:value(${CITIZEN})`,
        },
        {
            content: "Back to the front desk",
            trigger: ".o_breadcrumb .breadcrumb-item a:contains('Front desk')",
            run: "click",
        },
        {
            content: "The card shows the registered entry and no more registration buttons",
            trigger: `${CARD}:not(:has(button[name='action_register_petition'])) .o_cic_frontdesk_entry:contains('No. ')`,
        },
    ],
});
