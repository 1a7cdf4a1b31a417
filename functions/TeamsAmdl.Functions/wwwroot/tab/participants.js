/*
 * Teilnehmende of a measure in the tab (issue 13, R-SEC-1/2): pseudonymous customer references only.
 *
 *  - Betreuung and Koordination of a measure see all its participants, record entries from confirmed place requests and
 *    exits with their last day. IFKs see only their own customers (the server filters); everyone else sees nothing.
 *  - Signs in through tab.js: it announces the signed-in user with the event "teamsamdl:signedin" and lends its
 *    authHeaders (Teams SSO token or, in Development, X-Dev-User).
 *  - UB/InbeQ: each row shows the phase and since when; the deciders record a phase change ("Phase"), whose end makes the
 *    LuV due in Fristen. LAP: the deciders record since when a Nachbetreuung runs (begun in the predecessor project,
 *    "Nachbetreuung seit"); the row shows it with its hint once over.
 *  - ?massnahme=<number> preselects a measure.
 */
(function () {
    "use strict";

    var state = { me: null, authHeaders: null, measures: [], measure: null, participants: [], seq: 0 };
    var dialogs = {};
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
            button.addEventListener("click", function () { dialogs.exit.open(p, button); });
            act.appendChild(button);
        }
        if (decides(state.measure) && p.phase) {
            var phase = el("button", "button small", "Phase");
            phase.type = "button";
            phase.setAttribute("aria-label", "Phasenwechsel erfassen: " + p.customerRef);
            phase.addEventListener("click", function () { dialogs.phase.open(p, phase); });
            act.appendChild(phase);
        }
        if (decides(state.measure) && state.measure.kind === "LapProjekt") {
            var nb = el("button", "button small", "Nachbetreuung seit");
            nb.type = "button";
            nb.setAttribute("aria-label", "Nachbetreuung seit erfassen: " + p.customerRef);
            nb.addEventListener("click", function () { dialogs.nachbetreuung.open(p, nb); });
            act.appendChild(nb);
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

    /** UB: preselects the usual next phase and today; returns the field to focus. */
    function preparePhase(p) {
        $("phase-title").textContent = "Phasenwechsel erfassen: " + p.customerRef;
        $("phase-current").textContent = "Bisher: " + p.phaseLabel + " seit " + formatDate(p.phaseSince) + ".";
        // Forward E → Q → S, or back from S to Q: the server decides, this only preselects the usual next phase.
        $("phase-to").value = p.phase === "Qualifizierung" ? "Stabilisierung" : "Qualifizierung";
        var date = $("phase-from");
        date.max = today();
        date.min = p.entry;
        date.value = date.max;
        return $("phase-to");
    }

    function sendPhase(p) {
        return api(participantPath(p) + "/phase", { method: "PUT", json: { phase: $("phase-to").value, from: $("phase-from").value || null } });
    }

    function phaseSaved(v) { return v.customerRef + ": " + v.phaseLabel + " ab " + formatDate(v.phaseSince) + " erfasst."; }

    /** LAP: the first day of the Nachbetreuung (in the predecessor project, so no lower bound here); correcting it shows the old one. */
    function prepareNachbetreuung(p) {
        $("nachbetreuung-title").textContent = "Nachbetreuung erfassen: " + p.customerRef;
        $("nachbetreuung-current").textContent = p.nachbetreuungSince
            ? "Bisher: Nachbetreuung seit " + formatDate(p.nachbetreuungSince) + "."
            : "Bisher ist keine Nachbetreuung erfasst.";
        var date = $("nachbetreuung-since");
        date.max = today();
        date.value = p.nachbetreuungSince || "";
        return date;
    }

    function sendNachbetreuung(p) {
        return api(participantPath(p) + "/nachbetreuung", { method: "PUT", json: { since: $("nachbetreuung-since").value || null } });
    }

    function nachbetreuungSaved(v) { return v.customerRef + ": Nachbetreuung seit " + formatDate(v.nachbetreuungSince) + " erfasst."; }

    function participantPath(p) {
        return "/api/measures/" + encodeURIComponent(state.measure.number) + "/participants/" + encodeURIComponent(p.customerRef);
    }

    // ---- row dialogs (Austritt, Phase, Nachbetreuung) ----------------------------------------------------------------

    /**
     * One modal dialog per row action, ids "<prefix>-dialog/-form/-error/-save/-cancel". prepare(p) fills it and returns the
     * field to focus; send(p) returns the API response; saved(body) the message once stored. A refusal shows the server's
     * German problem inside the dialog (the input stays); a success closes it and reloads the list. Focus returns to the opener.
     */
    function rowDialog(prefix, prepare, send, saved) {
        var current = { p: null, opener: null };
        var dialog = $(prefix + "-dialog"), error = $(prefix + "-error"), save = $(prefix + "-save");
        $(prefix + "-form").addEventListener("submit", async function (e) {
            e.preventDefault();
            save.disabled = true;
            try {
                var res = await send(current.p);
                if (!res.ok) {
                    error.textContent = problemText(res);
                    error.hidden = false;
                    error.focus();
                    return;
                }
                dialog.close();
                await load(state.measure.number);
                message(saved(res.body));
            } finally {
                save.disabled = false;
            }
        });
        $(prefix + "-cancel").addEventListener("click", function () { dialog.close(); });
        dialog.addEventListener("close", function () {
            if (current.opener && document.body.contains(current.opener)) current.opener.focus();
        });
        return {
            open: function (p, opener) {
                current.p = p;
                current.opener = opener;
                var focus = prepare(p);
                error.hidden = true;
                dialog.showModal();
                focus.focus();
            }
        };
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

    function prepareExit(p) {
        $("exit-title").textContent = "Austritt erfassen: " + p.customerRef;
        var date = $("exit-date");
        date.max = today();
        date.min = p.entry;
        date.value = date.max;
        $("exit-reason").value = "RegulaeresEnde";
        return date;
    }

    function sendExit(p) {
        return api("/api/measures/" + encodeURIComponent(state.measure.number) + "/exits", {
            method: "POST", json: { customerRef: p.customerRef, exitDate: $("exit-date").value || null, reason: $("exit-reason").value }
        });
    }

    /** Honest timing (issue 14): outside working hours the alert is held, and the message says until when. */
    function exitSaved(v) {
        var alert = v.alert;
        return v.message + (alert && alert.alerted
            ? " Die IFKs werden über den freien Platz informiert" + (alert.delivery ? " (" + alert.delivery + ")." : ".")
            : "");
    }

    document.addEventListener("DOMContentLoaded", function () {
        $("participants-measure").addEventListener("change", function () { message(null); load($("participants-measure").value); });
        $("entry-form").addEventListener("submit", enter);
        dialogs.exit = rowDialog("exit", prepareExit, sendExit, exitSaved);
        dialogs.phase = rowDialog("phase", preparePhase, sendPhase, phaseSaved);
        dialogs.nachbetreuung = rowDialog("nachbetreuung", prepareNachbetreuung, sendNachbetreuung, nachbetreuungSaved);
        // Another demo user (Development): hidden until tab.js has signed them in.
        $("dev-user").addEventListener("change", function () { $("participants").hidden = true; });
    });
    document.addEventListener("teamsamdl:signedin", function (e) { start(e.detail); });
})();
