/** @odoo-module **/
// The yearly appraisal campaign as its users do it in the browser (Romanian UI):
// HR runs the campaign and records the evaluator's and the countersigner's parts,
// the employee writes his self-assessment, signs and contests his own appraisal.
import {registry} from "@web/core/registry";

const tours = registry.category("web_tour.tours");
const EMPLOYEE = "Angajat Jurnal HR";
const FORM = ".o_form_view";

function save() {
    return [
        {
            content: "Save",
            trigger: `${FORM} .o_form_button_save`,
            run: "click",
        },
        {
            content: "Saved",
            trigger: `${FORM} .o_form_saved`,
        },
    ];
}

function button(name, content) {
    return [
        {
            content,
            trigger: `${FORM} .o_form_statusbar button[name='${name}']`,
            run: "click",
        },
        {
            content: `${content}: done`,
            trigger: `${FORM}:not(:has(.o_form_statusbar button[name='${name}']))`,
        },
    ];
}

function officialTab() {
    return [
        {
            content: "Open the official appraisal",
            trigger: `${FORM} .o_notebook a.nav-link[name='cic_appraisal']`,
            run: "click",
        },
    ];
}

function textField(name, text) {
    return [
        {
            content: `Write ${name}`,
            trigger: `${FORM} .o_field_widget[name='${name}'] textarea`,
            run: `edit ${text}`,
        },
    ];
}

function htmlField(name, text) {
    return [
        {
            content: `Write ${name}`,
            trigger: `${FORM} .o_field_widget[name='${name}'] .odoo-editor-editable > :first-child`,
            run: `editor ${text}`,
        },
    ];
}

tours.add("cic_hr_campaign_tour", {
    steps: () => [
        {
            content: "New campaign",
            trigger: ".o_list_view .o_list_button_add",
            run: "click",
        },
        {
            content: "Evaluated year",
            trigger: `${FORM} .o_field_widget[name='year'] input`,
            run: "edit 2019",
        },
        {
            content: "Scope: the department",
            trigger: `${FORM} .o_field_widget[name='department_ids'] input`,
            run: "edit Urbanism Jurnal HR",
        },
        {
            content: "Choose the department",
            trigger: ".o-autocomplete--dropdown-item a:contains(Urbanism Jurnal HR)",
            run: "click",
        },
        ...save(),
        {
            content: "The year reads 2019 (no thousands separator)",
            trigger: `${FORM} .o_field_widget[name='year'] input:value(2019)`,
        },
        {
            content: "The title names the year",
            trigger: `${FORM} .o_field_widget[name='name'] input:value(Evaluare 2019)`,
        },
        {
            content: "Create the appraisals",
            trigger: `${FORM} .o_form_statusbar button[name='action_generate']`,
            run: "click",
        },
        {
            content: "The campaign is in progress",
            trigger: `${FORM} .o_statusbar_status button[data-value='open'].o_arrow_button_current`,
        },
        {
            content: "The year, now read-only, reads 2019",
            trigger: `${FORM} .o_field_widget[name='year'] span:contains(/^2019$/)`,
        },
        {
            content: "Open the campaign's appraisals",
            trigger: `${FORM} button[name='action_open_appraisals']`,
            run: "click",
        },
        {
            content: "Open the employee's appraisal",
            trigger: `.o_list_view .o_data_row td:contains(${EMPLOYEE})`,
            run: "click",
        },
        ...officialTab(),
        ...htmlField("cic_objectives", "Răspuns în termen la toate petițiile."),
        ...save(),
        ...button("action_cic_objectives_done", "Objectives set"),
        {
            content: "The evaluator's report is next",
            trigger: `${FORM} .o_form_statusbar button[name='action_cic_submit_report']`,
        },
    ],
});

tours.add("cic_hr_self_assessment_tour", {
    steps: () => [
        {
            content: "My appraisals: only mine",
            trigger: `.o_list_view:not(:has(.o_data_row:contains(Coleg Jurnal HR))) .o_data_row td:contains(${EMPLOYEE})`,
            run: "click",
        },
        ...htmlField("employee_feedback", "Am răspuns în termen la 120 de petiții."),
        ...save(),
    ],
});

tours.add("cic_hr_report_tour", {
    steps: () => [
        {
            content: "HR reads the employee's self-assessment",
            trigger: `${FORM} .o_field_widget[name='employee_feedback']:contains(120 de petiții)`,
        },
        ...officialTab(),
        {
            content: "Mark the first criterion",
            trigger: `${FORM} .o_field_widget[name='cic_mark_ids'] .o_data_row:eq(0) td[name='mark']`,
            run: "click",
        },
        {
            content: "Mark 4",
            trigger: `${FORM} .o_field_widget[name='cic_mark_ids'] .o_data_row:eq(0) td[name='mark'] input`,
            run: "edit 4",
        },
        {
            content: "Mark the second criterion",
            trigger: `${FORM} .o_field_widget[name='cic_mark_ids'] .o_data_row:eq(1) td[name='mark']`,
            run: "click",
        },
        {
            content: "Mark 5",
            trigger: `${FORM} .o_field_widget[name='cic_mark_ids'] .o_data_row:eq(1) td[name='mark'] input`,
            run: "edit 5",
        },
        ...textField("cic_results", "Registrul ținut la zi."),
        ...textField("cic_training_needs", "Legea 544/2001"),
        ...textField("cic_next_objectives", "Portalul cetățeanului"),
        ...save(),
        ...button("action_cic_submit_report", "Submit the report"),
        {
            content: "Score and rating computed",
            trigger: `${FORM} .o_field_widget[name='cic_rating']:contains(Bine)`,
        },
        {
            content: "Interview date",
            trigger: `${FORM} .o_field_widget[name='cic_interview_date'] input`,
            run: "edit 15.01.2020",
        },
        ...save(),
        ...button("action_cic_interview_done", "Interview held"),
        {
            content: "HR may record a refusal to sign, not sign for the employee",
            trigger: `${FORM} .o_form_statusbar:has(button[name='action_cic_employee_refused']):not(:has(button[name='action_cic_employee_sign']))`,
        },
    ],
});

tours.add("cic_hr_sign_tour", {
    steps: () => [
        ...officialTab(),
        {
            content: "The employee signs; the evaluator's buttons are not his",
            trigger: `${FORM} .o_form_statusbar:has(button[name='action_cic_employee_sign']):not(:has(button[name='action_cic_employee_refused'])):not(:has(button[name='action_cic_amend_report']))`,
        },
        ...textField("cic_employee_comment", "De acord."),
        ...save(),
        ...button("action_cic_employee_sign", "Sign"),
        {
            content: "Signed today",
            trigger: `${FORM} .o_field_widget[name='cic_employee_signed_date']:not(:empty)`,
        },
    ],
});

tours.add("cic_hr_countersign_tour", {
    steps: () => [
        ...officialTab(),
        ...button("action_cic_countersign", "Countersign"),
        {
            content: "Countersigned: the contestation term runs",
            trigger: `${FORM} .o_field_widget[name='cic_contest_deadline']:not(:empty)`,
        },
        {
            content: "Only the employee contests",
            trigger: `${FORM} .o_form_statusbar:has(button[name='action_cic_close']):not(:has(button[name='action_cic_contest']))`,
        },
    ],
});

tours.add("cic_hr_contest_tour", {
    steps: () => [
        ...officialTab(),
        {
            content: "The employee contests; closing is HR's",
            trigger: `${FORM} .o_form_statusbar:has(button[name='action_cic_contest']):not(:has(button[name='action_cic_close']))`,
        },
        ...textField("cic_contest_reason", "Comunicarea a fost foarte bună."),
        ...save(),
        ...button("action_cic_contest", "Contest"),
    ],
});

tours.add("cic_hr_decision_tour", {
    steps: () => [
        {
            content: "Open the campaign's appraisals",
            trigger: `${FORM} button[name='action_open_appraisals']`,
            run: "click",
        },
        {
            content: "Open the contested appraisal",
            trigger: `.o_list_view .o_data_row td:contains(${EMPLOYEE})`,
            run: "click",
        },
        ...officialTab(),
        {
            content: "Decision: rating changed",
            trigger: `${FORM} .o_field_widget[name='cic_decision'] select`,
            run: 'select "changed"',
        },
        {
            content: "Rating after decision",
            trigger: `${FORM} .o_field_widget[name='cic_decision_rating'] select`,
            run: 'select "very_good"',
        },
        ...textField("cic_decision_note", "Contestația este admisă."),
        ...save(),
        ...button("action_cic_decide", "Record the decision"),
        {
            content: "Final rating after the decision",
            trigger: `${FORM} .o_field_widget[name='cic_final_rating']:contains(Foarte bine)`,
        },
        {
            content: "Back to the campaign",
            trigger: ".o_breadcrumb .breadcrumb-item a[data-tooltip$='form']",
            run: "click",
        },
        ...button("action_close", "Close the campaign"),
        {
            content: "The campaign is closed",
            trigger: `${FORM} .o_statusbar_status button[data-value='closed'].o_arrow_button_current`,
        },
        {
            content: "Print the campaign report",
            trigger: `${FORM} .o_form_statusbar button:contains(Tipărește raportul)`,
        },
    ],
});
