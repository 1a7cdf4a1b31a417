/*
 * "Maßnahmen verwalten" in the coordinator's tab (issue 13): list, create/edit form with the API's German errors next to
 * each field, close (archive), Träger, and the CSV import of the Maßnahmeübersicht (dry run table, then apply).
 * Kept apart from tab.js: it signs in the same way (X-Dev-User from the demo picker in Development, otherwise the
 * Teams SSO token) and loads when its tab panel is first shown.
 */
(function () {
    "use strict";

    var FIELDS = ["number", "title", "kind", "traegerId", "location", "legalBasis", "start", "end", "places", "minimumPlaces",
        "maxOccupancy", "averageOccupancy", "teilnahmemonate", "betreuerId", "koordinatorId", "teamId", "targetGroup"];
    var NUMBERS = { places: true, minimumPlaces: true, maxOccupancy: true, averageOccupancy: true, teilnahmemonate: true };
    var ACTIONS = { create: "neu", update: "geändert", unchanged: "unverändert", error: "Fehler" };
    var state = { loaded: false, editing: null, measures: [], traeger: [], file: null };

    var $ = TabDom.$, el = TabDom.el, formatDate = TabDom.formatDate;

    async function authHeaders() {
        var picker = $("dev-user");
        if (picker && !$("dev-login").hidden && picker.value) return { "X-Dev-User": picker.value };
        if (window.microsoftTeams && microsoftTeams.authentication) {
            return { "Authorization": "Bearer " + await microsoftTeams.authentication.getAuthToken() };
        }
        return {};
    }

    /** Calls the API; returns { ok, status, body }. */
    async function api(path, options) {
        return TabDom.fetchJson("/api" + path, await authHeaders(), options);
    }

    var problemText = TabDom.problemText;

    function showAlert(text) {
        $("mm-alert").textContent = text || "";
        $("mm-alert").hidden = !text;
    }

    function showStatus(text) {
        $("mm-status").textContent = text || "";
        $("mm-status").hidden = !text;
    }

    // ---- list -------------------------------------------------------------------------------------------------

    async function load() {
        state.loaded = true;
        await Promise.all([loadMeasures(), loadTraeger()]);
    }

    async function loadMeasures() {
        var res = await api("/measures" + ($("mm-show-closed").checked ? "?includeClosed=true" : ""));
        if (!res.ok) {
            showAlert(problemText(res));
            return;
        }
        state.measures = res.body;
        var body = document.querySelector("#mm-table tbody");
        body.innerHTML = "";
        res.body.forEach(function (m) {
            var tr = el("tr");
            tr.dataset.number = m.number;
            var name = el("td");
            name.appendChild(el("div", "cell-title", m.title));
            name.appendChild(el("div", "cell-sub", m.number));
            tr.appendChild(name);
            tr.appendChild(el("td", null, m.kindLabel));
            tr.appendChild(el("td", null, m.traeger.name));
            tr.appendChild(el("td", null, formatDate(m.start) + " – " + formatDate(m.end)));
            tr.appendChild(el("td", "num", String(m.capacity.places)));
            tr.appendChild(el("td", null, m.closed ? "geschlossen seit " + formatDate(m.closedOn) : m.intakeOpen ? m.freePlaces + " frei" : "keine Aufnahme"));
            var actions = el("td");
            if (!m.closed) {
                var edit = el("button", "button small", "Bearbeiten");
                edit.type = "button";
                edit.setAttribute("aria-label", "Bearbeiten: " + m.title + " (" + m.number + ")");
                edit.addEventListener("click", function () { openForm(m); });
                var close = el("button", "button small subtle", "Schließen");
                close.type = "button";
                close.setAttribute("aria-label", "Schließen: " + m.title + " (" + m.number + ")");
                close.addEventListener("click", function () { closeMeasure(m); });
                actions.appendChild(edit);
                actions.appendChild(close);
            }
            tr.appendChild(actions);
            body.appendChild(tr);
        });
        $("mm-caption").textContent = "Maßnahmen des Jobcenters (" + res.body.length + ")";
    }

    function closeMeasure(m) {
        state.closing = m;
        $("mm-close-text").textContent = "„" + m.title + "“ (" + m.number + ") wird archiviert: Sie bleibt lesbar, bietet aber keine Plätze mehr an " +
            "und erscheint nicht mehr in Listen und Benachrichtigungen. Gelöscht wird nichts.";
        $("mm-close-dialog").showModal();
    }

    async function confirmClose() {
        var m = state.closing;
        $("mm-close-dialog").close();
        if (!m) return;
        var res = await api("/measures/" + encodeURIComponent(m.number) + "/close", { method: "POST" });
        if (!res.ok) {
            showAlert(problemText(res));
            return;
        }
        showAlert(null);
        showStatus("Maßnahme „" + m.number + "“ geschlossen.");
        await loadMeasures();
    }

    // ---- form -------------------------------------------------------------------------------------------------

    function applyKind() {
        var kind = $("mf-kind").value;
        Array.prototype.forEach.call(document.querySelectorAll("#mm-form [data-kinds]"), function (row) {
            var kinds = row.dataset.kinds;
            row.hidden = kinds === "other" ? kind === "DiaAm" : kinds.split(",").indexOf(kind) < 0;
        });
    }

    function clearErrors() {
        FIELDS.forEach(function (f) {
            $("mf-" + f + "-error").textContent = "";
            $("mf-" + f).removeAttribute("aria-invalid");
        });
        $("mm-form-error").hidden = true;
    }

    function fillTraegerSelect(selected) {
        var select = $("mf-traegerId");
        select.innerHTML = "";
        select.add(new Option("– bitte wählen –", ""));
        state.traeger.forEach(function (t) { select.add(new Option(t.name, t.id)); });
        select.value = selected || "";
    }

    function openForm(m) {
        state.editing = m ? m.number : null;
        clearErrors();
        showStatus(null);
        $("mm-form-title").textContent = m ? "Maßnahme bearbeiten: " + m.title : "Neue Maßnahme";
        fillTraegerSelect(m && m.traeger.id);
        var values = m ? {
            number: m.number, title: m.title, kind: m.kind, location: m.location, legalBasis: m.legalBasis, start: m.start, end: m.end,
            places: m.kind === "DiaAm" ? "" : m.capacity.places, minimumPlaces: m.kind === "UbInbeq" ? m.capacity.minimumPlaces : "",
            maxOccupancy: m.kind === "DiaAm" ? m.capacity.places : "", averageOccupancy: m.capacity.averageOccupancy,
            teilnahmemonate: m.capacity.contractedTm, betreuerId: m.betreuer.id, koordinatorId: m.koordinator.id, teamId: m.team.id,
            targetGroup: m.targetGroup
        } : { kind: "Einkaufsmassnahme" };
        FIELDS.forEach(function (f) {
            if (f === "traegerId") return;
            var v = values[f];
            $("mf-" + f).value = v === undefined || v === null ? "" : v;
        });
        $("mf-number").readOnly = !!m;
        $("mf-kind").disabled = !!m;
        applyKind();
        $("mm-form").hidden = false;
        $(m ? "mf-title" : "mf-number").focus();
    }

    function formBody() {
        var body = {};
        FIELDS.forEach(function (f) {
            var input = $("mf-" + f);
            if (input.closest("[data-kinds]") && input.closest("[data-kinds]").hidden) return;
            var v = input.value.trim();
            if (v === "") return;
            body[f] = NUMBERS[f] ? Number(v) : v;
        });
        if (state.editing) delete body.number;
        return body;
    }

    async function saveForm(e) {
        e.preventDefault();
        clearErrors();
        var editing = state.editing;
        var res = editing
            ? await api("/measures/" + encodeURIComponent(editing), { method: "PUT", json: formBody() })
            : await api("/measures", { method: "POST", json: formBody() });
        if (!res.ok) {
            var errors = (res.body && res.body.errors) || [];
            var first = null;
            errors.forEach(function (err) {
                var target = $("mf-" + err.field + "-error");
                if (!target) return;
                target.textContent = target.textContent ? target.textContent + " " + err.message : err.message;
                $("mf-" + err.field).setAttribute("aria-invalid", "true");
                first = first || $("mf-" + err.field);
            });
            $("mm-form-error").textContent = problemText(res);
            $("mm-form-error").hidden = false;
            (first || $("mm-form-error")).focus();
            return;
        }
        $("mm-form").hidden = true;
        showAlert(null);
        showStatus(editing ? "Maßnahme „" + res.body.number + "“ gespeichert." : "Maßnahme „" + res.body.number + "“ angelegt.");
        await loadMeasures();
    }

    // ---- Träger -----------------------------------------------------------------------------------------------

    async function loadTraeger() {
        var res = await api("/traeger");
        if (!res.ok) return;
        state.traeger = res.body;
        var list = $("tr-list");
        list.innerHTML = "";
        res.body.forEach(function (t) { list.appendChild(el("li", null, t.name + (t.city ? " (" + t.city + ")" : "") + " · " + t.id)); });
    }

    async function saveTraeger(e) {
        e.preventDefault();
        ["name", "city", "contactEmail", "id"].forEach(function (f) { $("tr-" + f + "-error").textContent = ""; });
        var res = await api("/traeger", { method: "POST", json: { name: $("tr-name").value, city: $("tr-city").value, contactEmail: $("tr-contactEmail").value } });
        if (!res.ok) {
            var errors = (res.body && res.body.errors) || [];
            if (!errors.length) showAlert(problemText(res));
            errors.forEach(function (err) {
                var target = $("tr-" + err.field + "-error") || $("tr-name-error");
                target.textContent = err.message;
            });
            return;
        }
        showAlert(null);
        showStatus("Träger „" + res.body.name + "“ angelegt.");
        $("tr-form").reset();
        await loadTraeger();
    }

    // ---- import -----------------------------------------------------------------------------------------------

    function readFile(file) {
        return new Promise(function (resolve, reject) {
            var reader = new FileReader();
            reader.onload = function () { resolve(reader.result); };
            reader.onerror = function () { reject(reader.error); };
            reader.readAsArrayBuffer(file);
        });
    }

    async function runImport(dryRun) {
        var file = $("im-file").files[0];
        if (!file) {
            $("im-summary").textContent = "Bitte zuerst eine CSV-Datei wählen.";
            return;
        }
        $("im-apply").disabled = true;
        var bytes = await readFile(file);
        var res = await api("/import/measures?dryRun=" + (dryRun ? "true" : "false"),
            { method: "POST", body: bytes, headers: { "Content-Type": "text/csv" } });
        var report = res.body && (res.body.report || (res.body.results ? res.body : null));
        if (!report) {
            $("im-summary").textContent = problemText(res);
            $("im-wrap").hidden = true;
            return;
        }
        renderReport(report, res.ok ? report.message : problemText(res));
        $("im-apply").disabled = !(dryRun && res.ok && report.errorCount === 0 && report.created + report.changed > 0);
        if (!dryRun && res.ok) await loadMeasures();
    }

    function renderReport(report, message) {
        $("im-summary").textContent = message;
        var body = document.querySelector("#im-table tbody");
        body.innerHTML = "";
        // Errors that belong to no data line (encoding, columns) come first.
        report.errors.filter(function (e) { return !report.results.some(function (l) { return l.line === e.line; }); })
            .forEach(function (e) { body.appendChild(row(e.line, "", "error", [(e.column ? e.column + ": " : "") + e.message])); });
        report.results.forEach(function (l) {
            var notes = l.errors.length
                ? l.errors.map(function (e) { return (e.column ? e.column + ": " : "") + e.message; })
                : l.changes;
            body.appendChild(row(l.line, l.number || "", l.action, notes));
        });
        $("im-wrap").hidden = body.children.length === 0;
    }

    function row(line, number, action, notes) {
        var tr = el("tr", action === "error" ? "im-row-error" : null);
        tr.dataset.line = String(line);
        tr.appendChild(el("td", "num", String(line)));
        tr.appendChild(el("td", null, number));
        tr.appendChild(el("td", action === "error" ? "im-error" : null, ACTIONS[action] || action));
        var cell = el("td");
        notes.forEach(function (n) { cell.appendChild(el("div", action === "error" ? "im-error" : null, n)); });
        tr.appendChild(cell);
        return tr;
    }

    // ---- wiring -----------------------------------------------------------------------------------------------

    document.addEventListener("DOMContentLoaded", function () {
        var panel = $("panel-measures");
        if (!panel) return;
        var observer = new MutationObserver(function () {
            if (!panel.hidden && !$("app").hidden && !state.loaded) load();
        });
        observer.observe(panel, { attributes: true, attributeFilter: ["hidden"] });
        observer.observe($("app"), { attributes: true, attributeFilter: ["hidden"] });
        $("dev-user").addEventListener("change", function () { state.loaded = false; });
        $("mm-show-closed").addEventListener("change", loadMeasures);
        $("mm-new").addEventListener("click", function () { openForm(null); });
        $("mf-kind").addEventListener("change", applyKind);
        $("mf-cancel").addEventListener("click", function () { $("mm-form").hidden = true; $("mm-new").focus(); });
        $("mm-form").addEventListener("submit", saveForm);
        $("mm-close-ok").addEventListener("click", confirmClose);
        $("mm-close-cancel").addEventListener("click", function () { $("mm-close-dialog").close(); });
        $("tr-form").addEventListener("submit", saveTraeger);
        $("im-dry").addEventListener("click", function () { runImport(true); });
        $("im-apply").addEventListener("click", function () { runImport(false); });
        $("im-file").addEventListener("change", function () { $("im-apply").disabled = true; $("im-summary").textContent = ""; });
    });
})();
