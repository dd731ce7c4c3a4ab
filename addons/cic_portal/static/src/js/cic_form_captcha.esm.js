/** @odoo-module **/
// Copyright 2026 CIC Suite
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
// The CIC online forms send a reCAPTCHA token (Odoo's google_recaptcha) once its
// keys are set in Settings; without keys the form is sent as it is.
import publicWidget from "@web/legacy/js/public/public_widget";
import {ReCaptcha} from "@google_recaptcha/js/recaptcha";

publicWidget.registry.CicFormCaptcha = publicWidget.Widget.extend({
    selector: "form.o_cic_request_form",
    events: {submit: "_onSubmit"},

    init() {
        this._super(...arguments);
        this._recaptcha = new ReCaptcha();
    },

    async willStart() {
        return this._recaptcha.loadLibs();
    },

    async _onSubmit(ev) {
        if (
            !this._recaptcha._publicKey ||
            this.el.querySelector("input[name='recaptcha_token_response']")
        ) {
            return;
        }
        ev.preventDefault();
        const result = await this._recaptcha.getToken("cic_form");
        const input = document.createElement("input");
        input.type = "hidden";
        input.name = "recaptcha_token_response";
        input.value = result.token || "";
        this.el.appendChild(input);
        this.el.submit();
    },
});
