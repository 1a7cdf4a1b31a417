/*
 * Fristen in the tab (issue 16, SPEC §8): one list per person of what is due, overdue and done, the same data the bot's
 * "meine aufgaben" shows (done ones only on request). The measure's Betreuung and Koordination tick what arrived ("Eingegangen"); IFKs see the
 * Erwartungs- and Feedbackbogen of their own customers. Signs in through tab.js ("teamsamdl:signedin").
 */
(function () {
    "use strict";

    var state = { me: null, authHeaders: null, items: [], editing: null };
    var STATUS = { Open: "offen", Overdue: "überfällig", Done: "eingegangen" };

    var $ = TabDom.$, el = TabDom.el, formatDate = TabDom.formatDate;

    async function api(path, options) {
        return TabDom.fetchJson(path, await state.authHeaders(false), options);
    }

    function message(text, kind) { TabDom.showMessage("deadlines-message", text, kind); }

    function has(role) { return state.me.roles.indexOf(role) >= 0; }

    async function start(detail) {
        state.me = detail.me;
        state.authHeaders = detail.authHeaders;
        var section = $("deadlines");
        // Teamleitung and management: the team's overdue list below (deadlines-team.js).
        if (!has("Koordinator") && !has("Betreuer") && !has("Ifk") && !has("Teamleitung") && !has("KoordinierendeFuehrungskraft")
            && !has("Geschaeftsleitung")) {
            section.hidden = true;
            return;
        }
        message(null);
        await load();
        section.hidden = false;
    }

    async function load() {
        var table = $("deadlines-table");
        table.setAttribute("aria-busy", "true");
        var res = await api("/api/deadlines");
        table.setAttribute("aria-busy", "false");
        if (!res.ok) {
            state.items = [];
            render();
            message(res.body && res.body.title ? res.body.title : "Die Fristen konnten nicht geladen werden (HTTP " + res.status + ").", "error");
            return;
        }
        state.items = res.body;
        render();
    }

    /** "Feedbackbogen TN-0104-01" or "Anwesenheitszeiten 11.2026": what a row is about, also in the button's name. */
    function subject(d) {
        return d.label + " " + (d.customerRef || formatDate(d.event).slice(3));
    }

    function render() {
        var body = document.querySelector("#deadlines-table tbody");
        body.innerHTML = "";
        // What arrived leaves the list; "Erledigte anzeigen" brings it back.
        var shown = state.items.filter(function (d) { return d.status !== "Done" || $("deadlines-done").checked; });
        shown.forEach(function (d) { body.appendChild(row(d)); });
        $("deadlines-empty").hidden = shown.length > 0;
        var overdue = state.items.filter(function (d) { return d.status === "Overdue"; }).length;
        $("deadlines-summary").textContent = overdue === 0 ? "Keine überfälligen Fristen." : overdue === 1 ? "1 Frist ist überfällig." : overdue + " Fristen sind überfällig.";
    }

    function row(d) {
        var tr = el("tr", d.status === "Overdue" ? "row-overdue" : null);
        tr.dataset.key = d.measure + "|" + d.key;
        var th = el("th", null, d.label);
        th.scope = "row";
        tr.appendChild(th);
        var who = el("td", null, d.customerRef || ("Monat " + formatDate(d.event).slice(3)));
        // R-TN-1/2: the customer's expectation beside the Erwartungs- and the Feedbackbogen.
        if (d.expectation) who.appendChild(el("span", "cell-sub", " Erwartung: „" + d.expectation + "“" + (d.targetDate ? " bis " + formatDate(d.targetDate) : "")));
        tr.appendChild(who);
        tr.appendChild(el("td", null, d.measureTitle + " (" + d.measure + ")"));
        var due = el("td", null, formatDate(d.due));
        if (d.lockedFrom) due.appendChild(el("span", "cell-sub", " (ab " + formatDate(d.lockedFrom) + " gesperrt)"));
        tr.appendChild(due);
        tr.appendChild(el("td", null, (STATUS[d.status] || d.status) + (d.receivedOn ? " am " + formatDate(d.receivedOn) : "")));
        var act = el("td");
        if (d.canMark && d.status !== "Done") {
            var button = el("button", "button small", "Eingegangen");
            button.type = "button";
            button.setAttribute("aria-label", "Eingegangen: " + subject(d) + " (" + d.measure + ")");
            button.addEventListener("click", function () { markReceived(d, button); });
            act.appendChild(button);
        }
        if (d.kind === "Erwartungsbogen" && d.status !== "Done" && d.ifkId === state.me.id) {
            var record = el("button", "button small", "Erwartung erfassen");
            record.type = "button";
            record.setAttribute("aria-label", "Erwartung erfassen: " + subject(d) + " (" + d.measure + ")");
            record.addEventListener("click", function () { openExpectation(d); });
            act.appendChild(record);
        }
        tr.appendChild(act);
        return tr;
    }

    async function markReceived(d, button) {
        button.disabled = true;
        var res = await api("/api/deadlines/" + encodeURIComponent(d.measure) + "/received", { method: "POST", json: { key: d.key } });
        if (!res.ok) {
            button.disabled = false;
            message(res.body && res.body.title ? res.body.title : "Der Eingang wurde nicht gespeichert (HTTP " + res.status + ").", "error");
            return;
        }
        await load();
        message(subject(d) + " als eingegangen markiert.");
        $("deadlines-title").focus();
    }

    function openExpectation(d) {
        state.editing = d;
        $("exp-subject").textContent = subject(d) + " · " + d.measureTitle + " (" + d.measure + "), Eintritt " + formatDate(d.event);
        $("exp-text").value = "";
        $("exp-target").value = "";
        $("exp-form").hidden = false;
        $("exp-title").focus();
    }

    async function saveExpectation() {
        var d = state.editing;
        if (!d) return;
        $("exp-save").disabled = true;
        var res = await api("/api/deadlines/" + encodeURIComponent(d.measure) + "/expectations", {
            method: "POST", json: { customerRef: d.customerRef, expectation: $("exp-text").value, targetDate: $("exp-target").value || null },
        });
        $("exp-save").disabled = false;
        if (!res.ok) {
            message(res.body && res.body.title ? res.body.title : "Der Erwartungsbogen wurde nicht gespeichert (HTTP " + res.status + ").", "error");
            return;
        }
        state.editing = null;
        $("exp-form").hidden = true;
        await load();
        message("Erwartungsbogen " + d.customerRef + " gespeichert und in der e-Akte abgelegt.");
        $("deadlines-title").focus();
    }

    document.addEventListener("DOMContentLoaded", function () {
        $("exp-form").addEventListener("submit", function (e) { e.preventDefault(); saveExpectation(); });
        $("exp-cancel").addEventListener("click", function () { state.editing = null; $("exp-form").hidden = true; });
        // Another demo user (Development): hidden until tab.js has signed them in.
        $("dev-user").addEventListener("change", function () { $("deadlines").hidden = true; });
        $("deadlines-done").addEventListener("change", render);
    });
    document.addEventListener("teamsamdl:signedin", function (e) { start(e.detail); });
})();
