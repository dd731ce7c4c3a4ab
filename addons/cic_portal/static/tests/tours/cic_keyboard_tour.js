/* Copyright 2026 CIC Suite
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import { fill, press } from "@odoo/hoot-dom";
import { registry } from "@web/core/registry";

const tours = registry.category("web_tour.tours");
const MAX_TABS = 80;

/* Presses Tab (keyboard events on the focused element, as a keyboard user
 * does) until the element matching `selector` has the focus. */
async function tabTo(selector) {
    for (let i = 0; i < MAX_TABS; i++) {
        if (document.activeElement && document.activeElement.matches(selector)) {
            return;
        }
        await press("Tab");
    }
    throw new Error(`${selector} cannot be reached with the Tab key`);
}

/* Tab to a field, then type its value (key by key, into the focused field). */
function typeInto(selector, value) {
    return {
        content: `Tab to ${selector} and type`,
        trigger: selector,
        async run() {
            await tabTo(selector);
            await fill(value);
        },
    };
}

/* A visitor files a petition with the keyboard alone: Tab from field to field,
 * Space on the consent box, Enter on the submit button. */
tours.add("cic_portal_keyboard_petition_tour", {
    url: "/cic/form/petition",
    steps: () => [
        typeInto("#cic_first_name", "Ion"),
        typeInto("#cic_last_name", "Tastatura"),
        typeInto("#cic_email", "ion.tastatura@example.com"),
        typeInto("#cic_street", "Strada Mare"),
        typeInto("#cic_street_number", "3"),
        typeInto("#cic_locality", "Exemplu"),
        typeInto("#cic_county", "Brașov"),
        typeInto("#cic_subject", "Tour petiție tastatură"),
        typeInto("#cic_message", "Trimisă fără mouse."),
        {
            content: "Tab to the consent box and tick it with Space",
            trigger: "#cic_consent",
            async run() {
                await tabTo("#cic_consent");
                await press(" ");
                if (!document.activeElement.checked) {
                    throw new Error("Space did not tick the consent box");
                }
            },
        },
        {
            content: "Tab to the submit button, whose focus is visible, and press Enter",
            trigger: "button.o_cic_submit",
            async run() {
                await tabTo("button.o_cic_submit");
                const button = document.activeElement;
                const style = window.getComputedStyle(button);
                if (style.outlineStyle === "none" || parseFloat(style.outlineWidth) < 2) {
                    throw new Error("the focused submit button has no visible outline");
                }
                await press("Enter");
                // hoot's Enter dispatches an untrusted submit event, which a browser
                // ignores: do what the browser does on a real Enter keypress.
                button.form.requestSubmit(button);
            },
            expectUnloadPage: true,
        },
        { trigger: ".o_cic_registration_number:contains('/')" },
    ],
});
