/** @odoo-module **/
// Copyright 2026 CIC Suite
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
// A form sent back with errors: the error summary (role="alert") receives the
// focus, so that keyboard and screen-reader users start from the message.
import publicWidget from "@web/legacy/js/public/public_widget";

publicWidget.registry.CicErrorFocus = publicWidget.Widget.extend({
    selector: ".o_cic_error_summary",

    start() {
        this.el.focus();
        return this._super(...arguments);
    },
});
