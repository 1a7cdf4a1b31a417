/*
 * Qualitätskalender of the tab (issue 15, items 1–3 and 7): what is due in a date range (inspections and Mängel deadlines,
 * plus whatever further calendar sources the server has), filtered by team and type; per measure its inspections with
 * "Termin bestätigen", "Prüfung erfassen" (findings, COSACH contact type, Mängel) and the Mängel steps the signed-in
 * person may take. Signs in through tab.js ("teamsamdl:signedin"). ?pruefung=<number> opens a measure's inspections.
 */
(function () {
    "use strict";

    var $ = TabDom.$, el = TabDom.el, formatDate = TabDom.formatDate;
    var state = { me: null, authHeaders: null, measure: null, inspections: [], recording: null };
    var VIEW_ROLES = ["Koordinator", "KoordinierendeFuehrungskraft", "Betreuer", "FachkraftSqs", "Teamleitung", "Geschaeftsleitung"];
    var ACTIONS = {
        Stufe1: "Mängelschreiben mit Frist (Stufe 1)",
        FristVersaeumt: "Frist versäumt",
        Stufe2: "REZ unterrichten (Stufe 2)",
        LeitungInformieren: "Bereichs-/Geschäftsleitung informieren",
        Behoben: "Als behoben schließen"
    };

    function has(role) { return state.me.roles.indexOf(role) >= 0; }
    function canTrack() { return has("Koordinator") || has("KoordinierendeFuehrungskraft") || has("Betreuer"); }
    function canAnnounce() { return has("Koordinator") || has("KoordinierendeFuehrungskraft"); }

    async function api(path, options) {
        return TabDom.fetchJson(path, await state.authHeaders(false), options);
    }

    var problemText = TabDom.problemText;

    function message(text, kind) { TabDom.showMessage("quality-message", text, kind); }

    /** yyyy-mm-dd in Berlin, shifted by days. */
    function isoDay(offsetDays, base) {
        var d = base ? new Date(base + "T12:00:00Z") : new Date();
        d.setUTCDate(d.getUTCDate() + (offsetDays || 0));
        return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin", year: "numeric", month: "2-digit", day: "2-digit" }).format(d);
    }

    // ---- calendar ---------------------------------------------------------------------------------------------------

    async function start(detail) {
        state.me = detail.me;
        state.authHeaders = detail.authHeaders;
        var section = $("quality");
        section.hidden = !VIEW_ROLES.some(has);
        if (section.hidden) return;
        if (!section.dataset.wired) wire();
        var types = await api("/api/quality/calendar/types");
        var typeSelect = $("qc-type");
        typeSelect.length = 1;
        if (types.ok) types.body.forEach(function (t) { typeSelect.add(new Option(t.name, t.id)); });
        var teams = await api("/api/digest/teams");
        var teamSelect = $("qc-team");
        teamSelect.length = 1;
        if (teams.ok) teams.body.forEach(function (t) { teamSelect.add(new Option(t.name, t.id)); });
        $("qa-form").hidden = true;
        await loadCalendar();
        var wanted = new URLSearchParams(location.search).get("pruefung");
        if (wanted) await openMeasure(wanted);
    }

    function wire() {
        $("quality").dataset.wired = "1";
        $("qc-form").addEventListener("submit", function (e) { e.preventDefault(); loadCalendar(); });
        $("qc-week").addEventListener("click", function () { range("week"); });
        $("qc-month").addEventListener("click", function () { range("month"); });
        $("qr-form").addEventListener("submit", function (e) { e.preventDefault(); saveRecording(); });
        $("qr-cancel").addEventListener("click", function () { $("qr-form").hidden = true; });
        $("qr-add").addEventListener("click", function () { addMangelRow(); });
        $("qa-form").addEventListener("submit", function (e) { e.preventDefault(); announce(); });
    }

    function range(kind) {
        var today = isoDay(0);
        if (kind === "week") {
            var dow = (new Date(today + "T12:00:00Z").getUTCDay() + 6) % 7;
            $("qc-from").value = isoDay(-dow, today);
            $("qc-to").value = isoDay(6 - dow, today);
        } else {
            $("qc-from").value = today.slice(0, 8) + "01";
            var next = new Date(Date.UTC(+today.slice(0, 4), +today.slice(5, 7), 0));
            $("qc-to").value = next.toISOString().slice(0, 10);
        }
        loadCalendar();
    }

    async function loadCalendar() {
        var q = [];
        ["from", "to", "team", "type"].forEach(function (k) {
            var v = $("qc-" + k).value;
            if (v) q.push(k + "=" + encodeURIComponent(v));
        });
        var res = await api("/api/quality/calendar" + (q.length ? "?" + q.join("&") : ""));
        var tbody = $("qc-table").querySelector("tbody");
        tbody.innerHTML = "";
        if (!res.ok) {
            message(problemText(res), "error");
            return;
        }
        res.body.forEach(function (e) {
            var tr = el("tr");
            tr.dataset.measure = e.measureNumber;
            tr.dataset.ref = e.ref || "";
            tr.dataset.type = e.type;
            tr.appendChild(el("td", null, formatDate(e.date)));
            tr.appendChild(el("td", null, e.typeText + " · " + e.title));
            tr.appendChild(el("td", null, e.measureTitle + " (" + e.measureNumber + ")"));
            tr.appendChild(el("td", null, e.traeger));
            tr.appendChild(el("td", null, e.team));
            tr.appendChild(el("td", null, e.statusText));
            var td = el("td");
            if (e.type !== "after-end-task") { // after-end tasks are done from their card or "meine aufgaben", not here
                var open = el("button", "button small", "Öffnen");
                open.type = "button";
                open.setAttribute("aria-label", "Prüfungen öffnen: " + e.measureNumber + " " + formatDate(e.date));
                open.addEventListener("click", function () { openMeasure(e.measureNumber); });
                td.appendChild(open);
            }
            tr.appendChild(td);
            tbody.appendChild(tr);
        });
        $("qc-empty").hidden = res.body.length > 0;
        $("qc-count").textContent = res.body.length === 1 ? "1 Eintrag" : res.body.length + " Einträge";
    }

    // ---- one measure --------------------------------------------------------------------------------------------------

    async function openMeasure(number) {
        state.measure = number;
        var res = await api("/api/measures/" + encodeURIComponent(number) + "/inspections");
        if (!res.ok) {
            message(problemText(res), "error");
            return;
        }
        state.inspections = res.body;
        $("qd").hidden = false;
        $("qd-title").textContent = "Prüfungen der Maßnahme " + number;
        $("qa-form").hidden = !canAnnounce();
        renderInspections();
        renderMaengel();
    }

    function renderInspections() {
        var tbody = $("qd-table").querySelector("tbody");
        tbody.innerHTML = "";
        state.inspections.forEach(function (i) {
            var tr = el("tr");
            tr.dataset.id = i.id;
            tr.appendChild(el("td", null, formatDate(i.date)));
            tr.appendChild(el("td", null, i.kindText + (i.note ? " – " + i.note : "")));
            tr.appendChild(el("td", null, i.statusText + (i.confirmedBy ? " (" + i.confirmedBy + ")" : "")));
            tr.appendChild(el("td", "qd-eakte", i.recording && i.recording.eAkte ? i.recording.eAkte : "–"));
            var td = el("td");
            if (i.status !== "recorded" && canTrack()) {
                if (i.status === "planned") td.appendChild(button("Termin bestätigen", function () { confirm(i); }));
                td.appendChild(button("Prüfung erfassen", function () { showRecording(i); }));
            }
            tr.appendChild(td);
            tbody.appendChild(tr);
        });
        $("qd-empty").hidden = state.inspections.length > 0;
    }

    function button(text, onClick) {
        var b = el("button", "button small", text);
        b.type = "button";
        b.addEventListener("click", onClick);
        return b;
    }

    function renderMaengel() {
        var list = $("qd-maengel");
        list.innerHTML = "";
        var all = [];
        state.inspections.forEach(function (i) { all = all.concat(i.maengel); });
        $("qd-maengel-empty").hidden = all.length > 0;
        all.forEach(function (m) {
            var li = el("li", "qd-mangel");
            li.dataset.mangel = m.id;
            li.appendChild(el("strong", null, m.description + (m.serious ? " (schwerwiegend)" : "")));
            li.appendChild(el("span", "qd-mangel-status", " · " + m.statusText + (m.deadline ? (m.status === "Stufe1" ? " · Frist " : " · Frist war ") + formatDate(m.deadline) : "")));
            if (m.letter) li.appendChild(el("p", "hint", "Mängelschreiben (Entwurf) in der e-Akte: " + m.letter));
            var actions = el("div", "qd-actions");
            m.actions.forEach(function (a) {
                if (a === "Stufe1") {
                    var id = "qm-deadline-" + m.id;
                    var label = el("label", null, "Frist zur Behebung: " + m.description);
                    label.htmlFor = id;
                    label.className = "visually-hidden";
                    var input = el("input", "field");
                    input.type = "date";
                    input.id = id;
                    actions.appendChild(label);
                    actions.appendChild(input);
                }
                actions.appendChild(button(ACTIONS[a] || a, function () { transition(m, a); }));
            });
            li.appendChild(actions);
            list.appendChild(li);
        });
    }

    async function confirm(i) {
        var res = await api("/api/measures/" + encodeURIComponent(state.measure) + "/inspections/" + encodeURIComponent(i.id) + "/confirm", { method: "POST" });
        if (!res.ok) return message(problemText(res), "error");
        message("Termin am " + formatDate(res.body.date) + " bestätigt.");
        await openMeasure(state.measure);
        await loadCalendar();
    }

    async function transition(m, action) {
        var body = { action: action };
        if (action === "Stufe1") body.deadline = $("qm-deadline-" + m.id).value || null;
        var res = await api("/api/measures/" + encodeURIComponent(state.measure) + "/maengel/" + encodeURIComponent(m.id) + "/transitions",
            { method: "POST", json: body });
        if (!res.ok) return message(problemText(res), "error");
        message("„" + m.description + "“: " + res.body.statusText + (res.body.status === "Stufe1" && res.body.deadline ? ", Frist " + formatDate(res.body.deadline) : "") + ".");
        await openMeasure(state.measure);
        await loadCalendar();
    }

    // ---- recording and ad-hoc inspections ---------------------------------------------------------------------------

    function showRecording(i) {
        state.recording = i;
        $("qr-title").textContent = "Prüfung erfassen: " + i.kindText + ", " + formatDate(i.date);
        $("qr-date").value = i.date;
        $("qr-attendees").value = "";
        $("qr-findings").value = "";
        $("qr-contact").value = "3";
        $("qr-maengel").innerHTML = "";
        addMangelRow();
        $("qr-form").hidden = false;
        $("qr-findings").focus();
    }

    function addMangelRow() {
        var box = $("qr-maengel");
        var n = box.children.length + 1;
        var row = el("div", "form-row qr-mangel");
        var id = "qr-mangel-" + n;
        var label = el("label", null, "Mangel " + n);
        label.htmlFor = id;
        var input = el("input", "field");
        input.id = id;
        input.maxLength = 1000;
        var check = el("label", "check");
        var cb = el("input");
        cb.type = "checkbox";
        cb.id = id + "-serious";
        check.appendChild(cb);
        check.appendChild(el("span", null, " Mangel " + n + " schwerwiegend"));
        row.appendChild(label);
        row.appendChild(input);
        row.appendChild(check);
        box.appendChild(row);
    }

    async function saveRecording() {
        var i = state.recording;
        var maengel = [];
        $("qr-maengel").querySelectorAll(".qr-mangel").forEach(function (row) {
            var text = row.querySelector("input.field").value.trim();
            if (text) maengel.push({ description: text, serious: row.querySelector("input[type=checkbox]").checked });
        });
        var attendees = $("qr-attendees").value.split(",").map(function (s) { return s.trim(); }).filter(Boolean);
        var res = await api("/api/measures/" + encodeURIComponent(state.measure) + "/inspections/" + encodeURIComponent(i.id) + "/record", {
            method: "POST",
            json: { date: $("qr-date").value || null, attendees: attendees, findings: $("qr-findings").value, contactType: +$("qr-contact").value, maengel: maengel }
        });
        if (!res.ok) return message(problemText(res), "error");
        $("qr-form").hidden = true;
        message("Prüfung vom " + formatDate(res.body.date) + " erfasst; Prüfbericht in der e-Akte: " + res.body.recording.eAkte);
        await openMeasure(state.measure);
        await loadCalendar();
    }

    async function announce() {
        var res = await api("/api/measures/" + encodeURIComponent(state.measure) + "/inspections", {
            method: "POST", json: { date: $("qa-date").value || null, note: $("qa-note").value || null }
        });
        if (!res.ok) return message(problemText(res), "error");
        message("Angekündigte Prüfung am " + formatDate(res.body.date) + " angelegt.");
        $("qa-date").value = "";
        $("qa-note").value = "";
        await openMeasure(state.measure);
        await loadCalendar();
    }

    document.addEventListener("teamsamdl:signedin", function (e) { start(e.detail); });
})();
