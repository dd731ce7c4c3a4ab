/* Copyright 2026 CIC Suite
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import { fill, press } from "@odoo/hoot-dom";
import { registry } from "@web/core/registry";

const tours = registry.category("web_tour.tours");
const MAX_TABS = 80;

/* Presses Tab (keyboard events on the focused element, as a keyboard user
 * does) until the element matching `selector` has the focus. A group of radio
 * buttons is one Tab stop in a browser, not in hoot: its other buttons are
 * passed within the same Tab. */
async function tabTo(selector) {
    for (let i = 0; i < MAX_TABS; i++) {
        const current = document.activeElement;
        if (current && current.matches(selector)) {
            return;
        }
        await press("Tab");
        while (
            current?.type === "radio" &&
            document.activeElement?.type === "radio" &&
            document.activeElement.name === current.name &&
            document.activeElement !== current
        ) {
            await press("Tab");
        }
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

/* The ring a keyboard user sees on the focused element (or on the label
 * drawn in place of a visually hidden radio button). */
function assertVisibleFocus(element) {
    const shown = element.matches(".btn-check")
        ? element.parentElement.querySelector(`label[for="${element.id}"]`)
        : element;
    const style = window.getComputedStyle(shown);
    if (style.outlineStyle === "none" || parseFloat(style.outlineWidth) < 2) {
        throw new Error(`the focused ${element.id || element.tagName} has no visible outline`);
    }
}

/* Enter on the focused submit button, as a browser handles it: the keydown
 * event, then, unless a script prevented it, the form's submission by that
 * button (hoot's press("Enter") would post the form with fetch instead). */
async function enterOn(selector) {
    await tabTo(selector);
    const button = document.activeElement;
    assertVisibleFocus(button);
    const init = { key: "Enter", code: "Enter", bubbles: true, cancelable: true };
    if (button.dispatchEvent(new KeyboardEvent("keydown", init))) {
        button.form.requestSubmit(button);
    }
}

/* Tab to a checkbox or radio button and choose it with Space, as a browser
 * handles it: keydown and keyup, then a click unless a script prevented it
 * (hoot's press(" ") would also type the space into the input's value). */
async function spaceOn(selector) {
    await tabTo(selector);
    const input = document.activeElement;
    assertVisibleFocus(input);
    const init = { key: " ", code: "Space", bubbles: true, cancelable: true };
    const down = input.dispatchEvent(new KeyboardEvent("keydown", init));
    if (input.dispatchEvent(new KeyboardEvent("keyup", init)) && down) {
        input.click();
    }
    if (!input.checked) {
        throw new Error(`Space did not choose ${selector}`);
    }
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
            run: () => spaceOn("#cic_consent"),
        },
        {
            content: "Tab to the submit button, whose focus is visible, and press Enter",
            trigger: "button.o_cic_submit",
            run: () => enterOn("button.o_cic_submit"),
            expectUnloadPage: true,
        },
        { trigger: ".o_cic_registration_number:contains('/')" },
    ],
});

/* A citizen books an audience in the booking calendar with the keyboard alone:
 * Tab to the first free slot, Space to choose it, the subject, the consent box,
 * Enter on the booking button. */
tours.add("cic_portal_keyboard_audience_tour", {
    steps: () => [
        {
            content: "Tab to the first free slot and choose it with Space",
            trigger: "label.o_cic_slot",
            run: () => spaceOn("input.btn-check[name='slot']"),
        },
        typeInto("#cic_audience_subject", "Tour audiență tastatură"),
        {
            content: "Tab to the consent box and tick it with Space",
            trigger: "#cic_audience_consent",
            run: () => spaceOn("#cic_audience_consent"),
        },
        {
            content: "Tab to the booking button and press Enter",
            trigger: "button.o_cic_book",
            run: () => enterOn("button.o_cic_book"),
            expectUnloadPage: true,
        },
        { trigger: ".o_cic_audience_state" },
    ],
});
