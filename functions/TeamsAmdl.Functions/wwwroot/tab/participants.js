/*
 * Teilnehmende of a measure in the tab (issue 13, R-SEC-1/2): pseudonymous customer references only.
 *
 *  - Betreuung and Koordination of a measure see all its participants, record entries from confirmed place requests and
 *    exits with their last day. IFKs see only their own customers (the server filters); everyone else sees nothing.
 *  - Signs in through tab.js: it announces the signed-in user with the event "teamsamdl:signedin" and lends its
 *    authHeaders (Teams SSO token or, in Development, X-Dev-User).
 *  - UB/InbeQ: each row shows the phase and since when; the deciders record a phase change ("Phase"), whose end makes the
 *    LuV due in Fristen. LAP: a Nachbetreuung begun in the predecessor project is shown with its hint once over.
 *  - ?massnahme=<number> preselects a measure.
 */
(function () {
    "use strict";

    var state = { me: null, authHeaders: null, measures: [], measure: null, participants: [], exiting: null, seq: 0 };
    var STATUS = { Active: "nimmt teil", Upcoming: "Eintritt folgt", Exited: "ausgetreten" };
    var REASON = { RegulaeresEnde: "reguläres Ende", Abbruch: "Abbruch", Nichtantritt: "Nichtantritt" };

    var $ = TabDom.$, el = TabDom.el, formatDate = TabDom.formatDate;

    /** Today in Berlin as yyyy-mm-dd (the server's calendar). */
    function today() {
        return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
    }

    async function api(path, options) {
        return TabDom.fetchJson(path, await state.authHeaders(false), options);
    }

    var problemText = TabDom.problemText;

    function message(text, kind) { TabDom.showMessage("participants-message", text, kind); }

    function has(role) { return state.me.roles.indexOf(role) >= 0; }

    /** Deciders of a measure: its Betreuung and Koordination, and every Koordinator (as the server decides). */
    function decides(m) {
        return !!m && (m.betreuer.id === state.me.id || m.koordinator.id === state.me.id || has("Koordinator"));
    }

    // ---- start ------------------------------------------------------------------------------------------------------

    async function start(detail) {
        state.me = detail.me;
        state.authHeaders = detail.authHeaders;
        var section = $("participants");
        if (!has("Koordinator") && !has("Betreuer") && !has("Ifk")) {
            section.hidden = true;
            return;
        }
        var res = await api("/api/measures");
        if (!res.ok) {
            section.hidden = true;
            return;
        }
        // Betreuung: their measures; Koordination and IFKs: all (an IFK sees their own customers in each).
        state.measures = res.body.filter(function (m) {
            return has("Koordinator") || has("Ifk") || m.betreuer.id === state.me.id || m.koordinator.id === state.me.id;
        });
        $("participants-scope").textContent = has("Koordinator") || state.measures.some(decides)
            ? "Sie sehen alle Teilnehmenden der Maßnahmen, die Sie betreuen oder koordinieren, und erfassen Eintritte und Austritte."
            : "Sie sehen die Teilnehmenden, für die Sie den Platz angefragt haben.";
        var select = $("participants-measure");
        select.innerHTML = "";
        state.measures.forEach(function (m) { select.add(new Option(m.title + " (" + m.number + ")", m.number)); });
        var wanted = new URLSearchParams(location.search).get("massnahme");
        if (wanted && state.measures.some(function (m) { return m.number === wanted; })) select.value = wanted;
        section.hidden = state.measures.length === 0;
        message(null);
        if (state.measures.length) await load(select.value);
    }

    async function load(number) {
        var seq = ++state.seq;
        state.measure = state.measures.filter(function (m) { return m.number === number; })[0] || null;
        var table = $("participants-table");
        table.setAttribute("aria-busy", "true");
        var res = await api("/api/measures/" + encodeURIComponent(number) + "/participants");
        if (seq !== state.seq) return;
        table.setAttribute("aria-busy", "false");
        if (!res.ok) {
            state.participants = [];
            render();
            message(problemText(res), "error");
            return;
        }
        state.participants = res.body;
        render();
        await loadEntryForm();
    }

    function render() {
        var m = state.measure;
        $("participants-caption").textContent = "Teilnehmende: " + (m ? m.title + " (" + m.number + ")" : "") + " – nur pseudonyme Kundenreferenzen";
        var body = document.querySelector("#participants-table tbody");
        body.innerHTML = "";
        state.participants.forEach(function (p) { body.appendChild(row(p)); });
        $("participants-empty").hidden = state.participants.length > 0;
    }

    function row(p) {
        var tr = el("tr");
        tr.dataset.ref = p.customerRef;
        var th = el("th", null, p.customerRef);
        th.scope = "row";
        tr.appendChild(th);
        tr.appendChild(el("td", null, formatDate(p.entry)));
        var last = el("td", null, formatDate(p.lastDay));
        if (!p.exit && p.plannedEnd) last.appendChild(el("span", "cell-sub", " (verlängert)"));
        tr.appendChild(last);
        var stand = el("td", null, (STATUS[p.status] || p.status) + (p.exitReason ? " (" + (REASON[p.exitReason] || p.exitReason) + ")" : ""));
        appendPhase(stand, p);
        tr.appendChild(stand);
        tr.appendChild(el("td", null, p.ifkId === state.me.id ? "Sie" : (p.ifkId || "–")));
        var act = el("td");
        if (decides(state.measure) && !p.exit) {
            var button = el("button", "button small", "Austritt");
            button.type = "button";
            button.setAttribute("aria-label", "Austritt erfassen: " + p.customerRef);
            button.addEventListener("click", function () { openExit(p, button); });
            act.appendChild(button);
        }
        if (decides(state.measure) && p.phase) {
            var phase = el("button", "button small", "Phase");
            phase.type = "button";
            phase.setAttribute("aria-label", "Phasenwechsel erfassen: " + p.customerRef);
            phase.addEventListener("click", function () { openPhase(p, phase); });
            act.appendChild(phase);
        }
        tr.appendChild(act);
        return tr;
    }

    // ---- UB phases and LAP Nachbetreuung (R-TN-3/4) ----------------------------------------------------------------

    /** UB: the phase and since when (and the 8-week hint); LAP: a Nachbetreuung begun in the predecessor project. */
    function appendPhase(cell, p) {
        if (p.phase) cell.appendChild(el("div", "cell-sub phase", p.phaseLabel + " seit " + formatDate(p.phaseSince)));
        if (p.phaseHint) cell.appendChild(el("div", "cell-sub phase-hint", p.phaseHint));
        if (p.nachbetreuungSince) cell.appendChild(el("div", "cell-sub", "Nachbetreuung seit " + formatDate(p.nachbetreuungSince)));
        if (p.nachbetreuungHint) cell.appendChild(el("div", "cell-sub phase-hint", p.nachbetreuungHint));
    }

    function openPhase(p, opener) {
        state.phasing = p;
        state.phaseOpener = opener;
        $("phase-title").textContent = "Phasenwechsel erfassen: " + p.customerRef;
        $("phase-current").textContent = "Bisher: " + p.phaseLabel + " seit " + formatDate(p.phaseSince) + ".";
        // Forward E → Q → S, or back from S to Q: the server decides, this only preselects the usual next phase.
        $("phase-to").value = p.phase === "Qualifizierung" ? "Stabilisierung" : "Qualifizierung";
        var date = $("phase-from");
        date.max = today();
        date.min = p.entry;
        date.value = date.max;
        $("phase-error").hidden = true;
        $("phase-dialog").showModal();
        $("phase-to").focus();
    }

    async function savePhase(e) {
        e.preventDefault();
        var p = state.phasing;
        var save = $("phase-save");
        save.disabled = true;
        try {
            var res = await api("/api/measures/" + encodeURIComponent(state.measure.number) + "/participants/" + encodeURIComponent(p.customerRef) + "/phase", {
                method: "PUT", json: { phase: $("phase-to").value, from: $("phase-from").value || null }
            });
            if (!res.ok) {
                var error = $("phase-error");
                error.textContent = problemText(res);
                error.hidden = false;
                error.focus();
                return;
            }
            $("phase-dialog").close();
            await load(state.measure.number);
            message(res.body.customerRef + ": " + res.body.phaseLabel + " ab " + formatDate(res.body.phaseSince) + " erfasst.");
        } finally {
            save.disabled = false;
        }
    }

    // ---- entry ------------------------------------------------------------------------------------------------------

    async function loadEntryForm() {
        var form = $("entry-form");
        var m = state.measure;
        if (!decides(m)) {
            form.hidden = true;
            return;
        }
        var res = await api("/api/freeplaces/requests");
        var confirmed = res.ok ? res.body.filter(function (r) {
            return r.measure === m.number && r.status === "Confirmed" && !r.enteredOn;
        }) : [];
        var select = $("entry-request");
        select.innerHTML = "";
        confirmed.forEach(function (r) {
            select.add(new Option(r.customerRef + (r.entryDate ? " (Platz ab " + formatDate(r.entryDate) + ")" : ""), r.customerRef));
        });
        if (confirmed.length === 0) select.add(new Option("Keine bestätigte Platzanfrage offen", ""));
        select.disabled = confirmed.length === 0;
        $("entry-save").disabled = confirmed.length === 0;
        var date = $("entry-date");
        date.max = today();
        if (!date.value || date.value > date.max) date.value = date.max;
        $("entry-date-hint").textContent = m.kind === "DiaAm"
            ? "DIA-AM: nur an den Eintrittsterminen (alle 14 Tage ab Maßnahmebeginn)."
            : m.kind === "UbInbeq" ? "UB/InbeQ: Eintritte nur bis " + formatDate(m.intakeDeadline) + " (erste 12 Monate)." : "";
        form.hidden = false;
    }

    async function enter(e) {
        e.preventDefault();
        var ref = $("entry-request").value;
        if (!ref) return;
        var button = $("entry-save");
        button.disabled = true;
        try {
            var res = await api("/api/measures/" + encodeURIComponent(state.measure.number) + "/participants", {
                method: "POST", json: { customerRef: ref, entryDate: $("entry-date").value || null }
            });
            if (!res.ok) {
                message(problemText(res), "error");
                return;
            }
            await load(state.measure.number);
            message("Eintritt von " + res.body.customerRef + " zum " + formatDate(res.body.entry) + " erfasst.");
        } finally {
            button.disabled = $("entry-request").value === "";
        }
    }

    // ---- exit -------------------------------------------------------------------------------------------------------

    function openExit(p, opener) {
        state.exiting = p;
        state.exitOpener = opener;
        $("exit-title").textContent = "Austritt erfassen: " + p.customerRef;
        var date = $("exit-date");
        date.max = today();
        date.min = p.entry;
        date.value = date.max;
        $("exit-reason").value = "RegulaeresEnde";
        $("exit-error").hidden = true;
        $("exit-dialog").showModal();
        date.focus();
    }

    async function saveExit(e) {
        e.preventDefault();
        var p = state.exiting;
        var save = $("exit-save");
        save.disabled = true;
        try {
            var res = await api("/api/measures/" + encodeURIComponent(state.measure.number) + "/exits", {
                method: "POST", json: { customerRef: p.customerRef, exitDate: $("exit-date").value || null, reason: $("exit-reason").value }
            });
            if (!res.ok) {
                var error = $("exit-error");
                error.textContent = problemText(res);
                error.hidden = false;
                error.focus();
                return;
            }
            $("exit-dialog").close();
            await load(state.measure.number);
            // Honest timing (issue 14): outside working hours the alert is held, and the message says until when.
            var alert = res.body.alert;
            message(res.body.message + (alert && alert.alerted
                ? " Die IFKs werden über den freien Platz informiert" + (alert.delivery ? " (" + alert.delivery + ")." : ".")
                : ""));
        } finally {
            save.disabled = false;
        }
    }

    document.addEventListener("DOMContentLoaded", function () {
        $("participants-measure").addEventListener("change", function () { message(null); load($("participants-measure").value); });
        $("entry-form").addEventListener("submit", enter);
        $("exit-form").addEventListener("submit", saveExit);
        $("exit-cancel").addEventListener("click", function () { $("exit-dialog").close(); });
        $("phase-form").addEventListener("submit", savePhase);
        $("phase-cancel").addEventListener("click", function () { $("phase-dialog").close(); });
        $("phase-dialog").addEventListener("close", function () {
            if (state.phaseOpener && document.body.contains(state.phaseOpener)) state.phaseOpener.focus();
        });
        // Another demo user (Development): hidden until tab.js has signed them in.
        $("dev-user").addEventListener("change", function () { $("participants").hidden = true; });
        $("exit-dialog").addEventListener("close", function () {
            if (state.exitOpener && document.body.contains(state.exitOpener)) state.exitOpener.focus();
        });
    });
    document.addEventListener("teamsamdl:signedin", function (e) { start(e.detail); });
})();
