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

/* A visitor files a petition, then follows it with number and access code. */
tours.add("cic_portal_petition_tour", {
    url: "/cic/form/petition",
    steps: () => {
        // Steps are rebuilt on each page load: keep the values in the session.
        const store = window.sessionStorage;
        return [
            fill("#cic_first_name", "Ion"),
            fill("#cic_last_name", "Turistul"),
            fill("#cic_email", "ion.turistul@example.com"),
            fill("#cic_street", "Strada Lungă"),
            fill("#cic_street_number", "7"),
            fill("#cic_locality", "Exemplu"),
            fill("#cic_county", "Brașov"),
            fill("#cic_subject", "Tour petiție iluminat public"),
            fill("#cic_message", "Becul din fața blocului nu funcționează."),
            click("#cic_consent"),
            click("button.o_cic_submit", true),
            {
                trigger: ".o_cic_registration_number:contains('/')",
                run() {
                    const number = document.querySelector(".o_cic_registration_number");
                    const code = document.querySelector(".o_cic_access_code");
                    store.setItem("cic_number", number.textContent.trim());
                    store.setItem("cic_code", code.textContent.trim());
                },
            },
            click("a[href='/cic/track']", true),
            {
                trigger: "#cic_track_number",
                run() {
                    document.querySelector("#cic_track_number").value =
                        store.getItem("cic_number");
                    document.querySelector("#cic_track_code").value = store.getItem("cic_code");
                },
            },
            click(".o_cic_track_form button[type='submit']", true),
            { trigger: ".o_cic_track_result .o_cic_status" },
        ];
    },
});

/* A citizen with an account files a request for public information. */
tours.add("cic_portal_foi_tour", {
    url: "/cic/form/foi_request",
    steps: () => [
        { trigger: "#cic_first_name:value(Ana)" },
        fill("#cic_subject", "Tour 544 contracte de salubrizare"),
        fill("#cic_message", "Vă rog să-mi comunicați contractul de salubrizare în vigoare."),
        click("#cic_consent"),
        click("button.o_cic_submit", true),
        { trigger: ".o_cic_registration_number:contains('/')" },
    ],
});

/* The same citizen finds the answer in /my/requests and downloads it. */
tours.add("cic_portal_answer_tour", {
    url: "/my/requests",
    steps: () => [
        click(".o_cic_request_row a:first", true),
        { trigger: ".o_cic_released_link:contains('raspuns-544.pdf')" },
    ],
});

/* A citizen books an audience, then cancels it. */
tours.add("cic_portal_audience_tour", {
    url: "/cic/audience",
    steps: () => [
        click(".o_cic_choose_official:first", true),
        click("label.o_cic_slot:first"),
        fill("#cic_audience_subject", "Tour audiență teren agricol"),
        click("#cic_audience_consent"),
        click("button.o_cic_book", true),
        { trigger: ".o_cic_audience_state" },
        click("button.o_cic_audience_cancel", true),
        { trigger: ".o_cic_audience_cancelled" },
    ],
});

/* A visitor reads a draft act under consultation and sends a recommendation. */
tours.add("cic_portal_transparency_tour", {
    url: "/cic/transparency",
    steps: () => [
        click(".o_cic_draft_link:contains('Tur proiect parcări')", true),
        click("a.o_cic_recommend", true),
        { trigger: "select#cic_draft_id:has(option:checked:contains('Tur proiect parcări'))" },
        fill("#cic_first_name", "Dana"),
        fill("#cic_last_name", "Mureșan"),
        fill("#cic_email", "dana.muresan@example.com"),
        fill("#cic_subject", "Tarif redus pentru rezidenți"),
        fill("#cic_message", "Propun un abonament anual redus pentru locatarii străzii."),
        click("#cic_consent"),
        click("button.o_cic_submit", true),
        { trigger: ".o_cic_registration_number:contains('/')" },
    ],
});
