/** @odoo-module **/
// The CIC clerk schedules an audience request on the first free slot.
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("cic_audience_schedule_tour", {
    steps: () => [
        {
            content: "Open the slot picker",
            trigger: ".o_form_view button[name='action_schedule']",
            run: "click",
        },
        {
            content: "Book the first free slot",
            trigger: ".modal .o_data_row:first-child button[name='action_book']",
            run: "click",
        },
        {
            content: "The request is scheduled",
            trigger:
                ".o_form_view .o_statusbar_status button[data-value='scheduled'].o_arrow_button_current",
        },
        {
            content: "The calendar event is linked",
            trigger: ".o_form_view .o_field_widget[name='event_id'] a, .o_form_view .o_field_widget[name='event_id'] span:not(:empty)",
        },
    ],
});
