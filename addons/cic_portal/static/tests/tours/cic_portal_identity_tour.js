/* Copyright 2026 CIC Suite
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import { registry } from "@web/core/registry";

/* A visitor files a petition for an organisation (OG 27/2002 art. 2): the
 * organisation block appears only once "legal person" is chosen. */
registry.category("web_tour.tours").add("cic_portal_legal_petition_tour", {
    url: "/cic/form/petition",
    steps: () => [
        {
            trigger: "#cic_person_type_natural:checked",
            run() {
                const block = document.querySelector(".o_cic_legal_block");
                if (block.getClientRects().length) {
                    throw new Error("The organisation block is shown for a natural person.");
                }
            },
        },
        { trigger: "#cic_person_type_legal", run: "click" },
        { trigger: "#cic_org_name", run: "edit Asociația Tur Bloc B2" },
        { trigger: "#cic_org_cui", run: "edit RO13548146" },
        { trigger: "#cic_represented_collective", run: "edit Locatarii blocului B2" },
        { trigger: "#cic_first_name", run: "edit Maria" },
        { trigger: "#cic_last_name", run: "edit Reprezentanta" },
        { trigger: "#cic_email", run: "edit maria.reprezentanta@example.com" },
        { trigger: "#cic_street", run: "edit Strada Scurtă" },
        { trigger: "#cic_street_number", run: "edit 2" },
        { trigger: "#cic_locality", run: "edit Exemplu" },
        { trigger: "#cic_county", run: "edit Brașov" },
        { trigger: "#cic_subject", run: "edit Tur petiție asociație" },
        { trigger: "#cic_message", run: "edit Solicităm repararea aleii din fața blocului." },
        { trigger: "#cic_consent", run: "click" },
        { trigger: "button.o_cic_submit", run: "click", expectUnloadPage: true },
        { trigger: ".o_cic_registration_number:contains('/')" },
    ],
});
