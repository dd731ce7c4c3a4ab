/* Copyright 2026 CIC Suite
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import { registry } from "@web/core/registry";

const tours = registry.category("web_tour.tours");

function fill(selector, value) {
    return { trigger: selector, run: `edit ${value}` };
}

function click(selector, unload = false) {
    return unload
        ? { trigger: selector, run: "click", expectUnloadPage: true }
        : { trigger: selector, run: "click" };
}

/* A citizen pays the fee of a service online and then sees the document. */
tours.add("cic_portal_payment_tour", {
    url: "/my/requests",
    steps: () => [
        click(".o_cic_request_row a:contains('/')", true),
        { trigger: ".o_cic_locked_document" },
        click("a.o_cic_pay", true),
        click("a[data-bs-target='#pay_with']"),
        fill("#pay_with #customer_input", "4242424242424242"),
        click("#pay_with button[name='o_payment_submit_button']", true),
        {
            trigger: ".o_portal_invoice_sidebar:not(:has(a[data-bs-target='#pay_with']))",
            timeout: 30000,
        },
        {
            trigger: "body",
            run() {
                window.location.href = "/my/requests";
            },
            expectUnloadPage: true,
        },
        click(".o_cic_request_row a:contains('/')", true),
        { trigger: ".o_cic_released_link" },
        { trigger: ".o_cic_payment_receipt" },
    ],
});
