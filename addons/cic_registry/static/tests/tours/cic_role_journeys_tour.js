/* Copyright 2026 CIC Suite
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

/* The registry's journeys, each played in the browser by the person who does the
 * job (tests/test_role_journeys.py logs them in): the clerk at the counter, the
 * department official, the head of department, the secretary general and the
 * mayor, and the clerk again when the answer leaves. */

const tours = registry.category("web_tour.tours");

function pickMany2one(field, text, scope = "") {
    return [
        {
            content: `Type ${text} in ${field}`,
            trigger: `${scope} .o_field_widget[name='${field}'] input`,
            run: `edit ${text}`,
        },
        {
            content: `Choose ${text}`,
            trigger: `${scope} .o_field_widget[name='${field}'] .o-autocomplete--dropdown-item a:contains('${text}')`,
            run: "click",
        },
    ];
}

function openAnswerTab() {
    return {
        content: "Open the Answer tab",
        trigger: ".o_notebook_headers a[name='cic_answer']",
        run: "click",
    };
}

/* A scanned page, as the scanner at the counter gives it. */
function attachScan(filename) {
    return [
        {
            content: "The chatter can take attachments",
            trigger: ".o-mail-Chatter button[aria-label='Attach files']",
        },
        {
            content: `Attach ${filename}`,
            trigger: ".o-mail-Chatter input[type='file']:not(:visible)",
            run() {
                const input = document.querySelector(".o-mail-Chatter input[type='file']");
                const transfer = new DataTransfer();
                transfer.items.add(
                    new File(["%PDF-1.4 scan"], filename, {type: "application/pdf"})
                );
                input.files = transfer.files;
                input.dispatchEvent(new Event("change", {bubbles: true}));
            },
        },
        {
            content: "The scan is attached to the entry",
            trigger: `.o-mail-AttachmentCard:contains('${filename}'):not(.o-isUploading)`,
        },
    ];
}

tours.add("cic_registry_clerk_counter_tour", {
    steps: () => [
        {
            content: "New entry in the register",
            trigger: ".o_list_button_add",
            run: "click",
        },
        ...pickMany2one("cic_procedure_id", "Petition"),
        {
            content: "Summary of the paper petition",
            trigger: ".o_field_widget[name='name'] input",
            run: "edit Tur ghișeu: groapă în asfalt pe strada Morii",
        },
        {
            content: "Its content",
            trigger: ".o_field_widget[name='description'] .odoo-editor-editable",
            run: "editor Groapă periculoasă în dreptul numărului 4.",
        },
        ...pickMany2one("partner_id", "Maria Popescu"),
        ...pickMany2one("channel_id", "Counter"),
        {
            content: "Register it",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The registration number is the title",
            trigger: ".o_form_saved h1 .o_cic_title_number:contains('/')",
        },
        {
            content: "The ticket reference is only under it",
            trigger: ".o_cic_ticket_reference .o_field_widget[name='number']",
        },
        ...attachScan("scan-petitie-ghiseu.pdf"),
        {
            content: "Route it to a department",
            trigger: "button[name='action_cic_open_assign']",
            run: "click",
        },
        ...pickMany2one("team_id", "CIC test department", ".modal"),
        ...pickMany2one("user_id", "cic_test_staff", ".modal"),
        {
            content: "Confirm the routing",
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            content: "The entry is with the official",
            trigger:
                ".o_action_manager .o_field_widget[name='user_id'] input:value(cic_test_staff)",
        },
    ],
});

tours.add("cic_registry_staff_draft_tour", {
    steps: () => [
        openAnswerTab(),
        {
            content: "Legal basis of the solution",
            trigger: ".o_field_widget[name='cic_answer_legal_basis'] textarea",
            run: "edit OG 27/2002 art. 8; HCL 12/2026",
        },
        {
            content: "Draft the answer",
            trigger: ".o_field_widget[name='cic_answer_body'] .odoo-editor-editable",
            run: "editor Groapa a fost astupată de serviciul de drumuri.",
        },
        {
            content: "Save the draft",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved; the official approves nothing",
            trigger:
                ".o_form_saved:not(:has(button[name='action_cic_approve_department'])):not(:has(button[name='action_cic_approve_head']))",
        },
    ],
});

tours.add("cic_registry_head_approve_tour", {
    steps: () => [
        openAnswerTab(),
        {
            content: "The final approval and the extension are not his",
            trigger:
                ".o_form_view:not(:has(button[name='action_cic_approve_head'])):not(:has(button[name='action_cic_open_extend']))",
        },
        {
            content: "Approve as head of department",
            trigger: "button[name='action_cic_approve_department']",
            run: "click",
        },
        {
            content: "His approval is recorded",
            trigger: ".o_field_widget[name='cic_department_approval_id']:contains('cic_test_head')",
        },
    ],
});

tours.add("cic_registry_secretary_extend_tour", {
    steps: () => [
        {
            content: "Extend the term (OG 27/2002 art. 9)",
            trigger: "button[name='action_cic_open_extend']",
            run: "click",
        },
        {
            content: "The new due date is shown before confirming",
            trigger: ".modal .o_field_widget[name='new_due_date']:not(:empty)",
        },
        {
            content: "Confirm the extension",
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            content: "Extended once: the button is gone",
            trigger:
                "body:not(:has(.modal-dialog)) .o_action_manager .o_form_view:not(:has(button[name='action_cic_open_extend']))",
        },
    ],
});

tours.add("cic_registry_mayor_approve_tour", {
    steps: () => [
        openAnswerTab(),
        {
            content: "Final approval (head of the authority)",
            trigger: "button[name='action_cic_approve_head']",
            run: "click",
        },
        {
            content: "The mayor's approval is recorded",
            trigger: ".o_field_widget[name='cic_head_approval_id']:contains('Primar Jurnal')",
        },
    ],
});

tours.add("cic_registry_clerk_dispatch_tour", {
    steps: () => [
        openAnswerTab(),
        {
            content: "Dispatch the approved answer",
            trigger: "button[name='action_cic_dispatch_answer']",
            run: "click",
        },
        {
            content: "The answer letter is registered with the entry",
            trigger: ".o_field_widget[name='cic_answer_ids'] .o_data_row",
        },
        {
            content: "The entry is closed: nothing is left to dispatch",
            trigger: ".o_form_view:not(:has(button[name='action_cic_dispatch_answer']))",
        },
    ],
});
