/* Copyright 2026 CIC Suite
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import { registry } from "@web/core/registry";

/* A citizen withdraws his request (retragere): the button opens a confirmation
 * dialog, the request is withdrawn only once he ticks the confirmation. */
registry.category("web_tour.tours").add("cic_portal_withdraw_tour", {
    url: "/my/requests",
    steps: () => [
        {
            trigger: ".o_cic_request_row:contains('Tour retragere') a",
            run: "click",
            expectUnloadPage: true,
        },
        { trigger: "button.o_cic_withdraw_open", run: "click" },
        { trigger: "#cic_withdraw_modal.show #cic_withdraw_confirm", run: "click" },
        {
            trigger: "#cic_withdraw_modal.show button.o_cic_withdraw_submit",
            run: "click",
            expectUnloadPage: true,
        },
        { trigger: ".o_cic_withdrawn_message" },
        { trigger: ".o_cic_withdrawal_date" },
        { trigger: "body:not(:has(button.o_cic_withdraw_open))" },
    ],
});
