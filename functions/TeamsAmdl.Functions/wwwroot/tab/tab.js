/*
 * Maßnahmeinfo tab (personal tab and configurable channel tab) for coordinators (R-INFO-2).
 *
 *  - Sign-in: inside Teams, Teams SSO through @microsoft/teams-js (authentication.getAuthToken()); the token goes to
 *    the API as a bearer token and the app validates it. Outside Teams, and only when the app runs in Development,
 *    a demo-user picker sends the X-Dev-User header instead (teams-js is then not even loaded).
 *  - Wochenmeldungen: this week's input per measure (eingegangen/fehlt), filters by team, measure kind and status,
 *    edit in a dialog (ETag: a concurrent change is shown as "inzwischen geändert von …", nothing is overwritten).
 *  - Vorschau & Veröffentlichen: the digest cards rendered with the official Adaptive Cards renderer and the Teams
 *    host config; publish to channels and/or 1:1 to IFKs and Teamleitungen, with a confirmation naming missing inputs.
 *  - Verlauf: earlier digests (cards and the PDF queued for the e-Akte).
 */
(function () {
    "use strict";

    var API = "/api/digest";
    var state = {
        auth: { mode: null, devUser: null },
        teams: null,          // Teams context (app.getContext())
        me: null,
        week: null,           // week key shown
        data: null,           // last /weeks response
        targets: null,
        publishId: null,
        followSeq: 0,         // the publication whose progress is shown (a newer one stops the older poll)
        confirmAction: null,  // what the confirmation dialog's OK does
        previewStale: true,
        editing: null,        // measure being edited
        loadSeq: 0
    };
    var dateFormat = new Intl.DateTimeFormat("de-DE", { day: "2-digit", month: "2-digit", year: "numeric" });
    // "21.11.2026, 11:05 Uhr": the one date-time format of the tab and the cards (dateStyle short would give "21.11.26").
    var dateTimeFormat = new Intl.DateTimeFormat("de-DE", { day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "Europe/Berlin" });

    var $ = TabDom.$, el = TabDom.el, formatDate = TabDom.formatDate;

    function formatDateTime(iso) {
        var d = iso ? new Date(iso) : null;
        return d && !isNaN(d.getTime()) ? dateTimeFormat.format(d) + " Uhr" : "";
    }

    function setStatus(text, kind) {
        var s = $("status");
        s.textContent = text || "";
        s.dataset.kind = kind || "";
    }

    function showAlert(text) {
        var a = $("alert");
        a.textContent = text || "";
        a.hidden = !text;
    }

    function newId() {
        if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
        var b = new Uint8Array(16);
        crypto.getRandomValues(b);
        return Array.prototype.map.call(b, function (x) { return ("0" + x.toString(16)).slice(-2); }).join("");
    }

    function withTimeout(promise, ms) {
        return Promise.race([promise, new Promise(function (_, reject) {
            setTimeout(function () { reject(new Error("timeout")); }, ms);
        })]);
    }

    // ---- sign-in and API ----------------------------------------------------------------------------------------

    async function authHeaders(forceRefresh) {
        if (state.auth.mode === "teams") {
            var token = await microsoftTeams.authentication.getAuthToken(forceRefresh ? { silent: false } : undefined);
            return { "Authorization": "Bearer " + token };
        }
        if (state.auth.mode === "dev" && state.auth.devUser) return { "X-Dev-User": state.auth.devUser };
        return {};
    }

    /** Calls the API; returns { ok, status, body }. A 401 inside Teams retries once with a fresh token. */
    async function api(path, options, retried) {
        options = options || {};
        var headers = Object.assign({ "Accept": "application/json" }, options.headers || {}, await authHeaders(retried));
        if (options.json !== undefined) {
            headers["Content-Type"] = "application/json";
            options.body = JSON.stringify(options.json);
        }
        var response = await fetch(API + path, { method: options.method || "GET", headers: headers, body: options.body });
        if (response.status === 401 && state.auth.mode === "teams" && !retried) return api(path, options, true);
        var text = await response.text();
        var body = null;
        if (text) {
            try { body = JSON.parse(text); } catch (e) { body = text; }
        }
        return { ok: response.ok, status: response.status, body: body };
    }

    var problemText = TabDom.problemText;

    /** Loads teams-js only where it is used: it contacts the Teams CDN when it loads (not wanted in the local demo). */
    function loadTeamsJs() {
        if (window.microsoftTeams) return Promise.resolve(true);
        return new Promise(function (resolve) {
            var script = document.createElement("script");
            script.src = "/tab/lib/MicrosoftTeams.min.js";
            script.onload = function () { resolve(!!window.microsoftTeams); };
            script.onerror = function () { resolve(false); };
            document.head.appendChild(script);
        });
    }

    async function detectTeams() {
        if (!await loadTeamsJs()) return false;
        var framed = window.parent !== window || !!window.nativeInterface;
        try {
            await withTimeout(microsoftTeams.app.initialize(), framed ? 8000 : 2500);
        } catch (e) {
            return false;
        }
        try {
            state.teams = await microsoftTeams.app.getContext();
            applyTheme(state.teams && state.teams.app && state.teams.app.theme);
            microsoftTeams.app.registerOnThemeChangeHandler(applyTheme);
            microsoftTeams.app.notifySuccess();
        } catch (e) { /* context is optional */ }
        return true;
    }

    /** Teams theme (teams-js; outside Teams ?theme=dark|contrast): page colours and the cards' host config follow it. */
    function applyTheme(theme) {
        var next = theme === "dark" ? "dark" : theme === "contrast" ? "contrast" : "default";
        if (document.documentElement.dataset.theme === next) return;
        document.documentElement.dataset.theme = next;
        state.previewStale = true;
        if (!$("panel-publish").hidden && state.week) loadPreview();
    }

    function hostConfigUrl() {
        var theme = document.documentElement.dataset.theme;
        return "/tab/hostconfigs/teams-" + (theme === "dark" ? "dark" : theme === "contrast" ? "contrast" : "light") + ".json";
    }

    async function startDevLogin() {
        var res = await fetch("/api/dev/users");
        var users = res.ok ? await res.json() : [];
        var select = $("dev-user");
        select.innerHTML = "";
        select.add(new Option("– bitte wählen –", ""));
        users.sort(function (a, b) {
            var ak = a.roles.indexOf("Koordinator") >= 0 ? 0 : 1, bk = b.roles.indexOf("Koordinator") >= 0 ? 0 : 1;
            return ak - bk || a.displayName.localeCompare(b.displayName, "de");
        });
        users.forEach(function (u) {
            select.add(new Option(u.displayName + " · " + u.roles.join(", ") + " (" + u.id + ")", u.id));
        });
        $("dev-login").hidden = false;
        var wanted = new URLSearchParams(location.search).get("user") || sessionStorage.getItem("teamsamdl-dev-user");
        select.addEventListener("change", function () { chooseDevUser(select.value); });
        if (wanted && users.some(function (u) { return u.id === wanted; })) {
            select.value = wanted;
            await chooseDevUser(wanted);
        } else {
            setStatus("Bitte oben einen Demo-Benutzer wählen (außerhalb von Teams, nur in der Entwicklung).");
        }
    }

    async function chooseDevUser(id) {
        state.auth.devUser = id || null;
        if (id) sessionStorage.setItem("teamsamdl-dev-user", id);
        $("app").hidden = true;
        $("readonly").hidden = true;
        if (!id) return;
        await loadMe();
    }

    async function loadMe() {
        var res = await api("/me");
        if (!res.ok) {
            showAlert("Anmeldung fehlgeschlagen: " + problemText(res));
            return;
        }
        showAlert(null);
        state.me = res.body;
        $("who").textContent = "Angemeldet als " + state.me.displayName;
        // participants.js (its own section) signs in the same way.
        document.dispatchEvent(new CustomEvent("teamsamdl:signedin", { detail: { me: state.me, authHeaders: authHeaders } }));
        if (window.TeamsAmdlStaff) window.TeamsAmdlStaff.show(!!state.me.isCoordinator, function () { return authHeaders(false); });
        if (state.me.isCoordinator) {
            $("readonly").hidden = true;
            $("app").hidden = false;
            await loadWeek(state.week || initialWeek());
            loadTargets();
        } else {
            $("app").hidden = true;
            await loadLatest();
        }
    }

    function initialWeek() {
        var q = new URLSearchParams(location.search).get("woche");
        var sub = state.teams && state.teams.page && state.teams.page.subPageId;
        return q || sub || "current";
    }

    // ---- week and inputs ----------------------------------------------------------------------------------------

    function filterQuery() {
        var q = [];
        if ($("filter-team").value) q.push("team=" + encodeURIComponent($("filter-team").value));
        if ($("filter-kind").value) q.push("kind=" + encodeURIComponent($("filter-kind").value));
        if ($("filter-state").value) q.push("state=" + encodeURIComponent($("filter-state").value));
        return q.length ? "?" + q.join("&") : "";
    }

    async function loadWeek(week) {
        var seq = ++state.loadSeq;
        var body = document.querySelector("#measures tbody");
        body.parentElement.setAttribute("aria-busy", "true");
        var res = await api("/weeks/" + encodeURIComponent(week) + filterQuery());
        if (seq !== state.loadSeq) return;
        body.parentElement.setAttribute("aria-busy", "false");
        if (!res.ok) {
            showAlert(problemText(res));
            return;
        }
        showAlert(null);
        var weekChanged = state.week !== res.body.week;
        state.data = res.body;
        state.week = res.body.week;
        if (weekChanged) {
            state.publishId = null;
            $("publish-result").innerHTML = "";
            $("history-detail").hidden = true;
        }
        state.previewStale = true;
        renderWeek();
        if (!$("panel-publish").hidden) loadPreview();
    }

    function fillFilter(select, items, valueOf, labelOf, allLabel) {
        var current = select.value;
        select.innerHTML = "";
        select.add(new Option(allLabel, ""));
        items.forEach(function (i) { select.add(new Option(labelOf(i), valueOf(i))); });
        if (current && items.some(function (i) { return valueOf(i) === current; })) select.value = current;
    }

    function renderWeek() {
        var d = state.data;
        $("week-title").textContent = "Maßnahmeinfo " + d.label + (d.week === d.current ? " (aktuelle Woche)" : "");
        $("week-range").textContent = "Woche vom " + formatDate(d.monday) + " bis " + formatDate(d.sunday) +
            " · Anfrage an die Betreuung " + formatDateTime(d.requestAt);
        $("this-week").disabled = d.week === d.current;

        var counts = $("counts");
        counts.innerHTML = "";
        [[d.counts.measures, "Maßnahmen"], [d.counts.answered, "eingegangen"], [d.counts.missing, "fehlen"], [d.counts.edited, "bearbeitet"]]
            .forEach(function (c) {
                var li = el("li");
                li.appendChild(el("strong", null, String(c[0])));
                li.appendChild(document.createTextNode(" " + c[1]));
                counts.appendChild(li);
            });

        var preset = new URLSearchParams(location.search).get("team");
        fillFilter($("filter-team"), d.teams, function (t) { return t.id; }, function (t) { return t.name; }, "Alle Teams");
        if (preset && !state.presetApplied && d.teams.some(function (t) { return t.id === preset; })) {
            state.presetApplied = true;
            $("filter-team").value = preset;
            loadWeek(state.week);
            return;
        }
        fillFilter($("filter-kind"), d.kinds, function (k) { return k.id; }, function (k) { return k.label; }, "Alle Arten");

        var body = document.querySelector("#measures tbody");
        body.innerHTML = "";
        d.measures.forEach(function (m) { body.appendChild(renderRow(m)); });
        $("no-rows").hidden = d.measures.length > 0;
        $("measures-caption").textContent = "Wochenmeldungen je Maßnahme, " + d.label + ": " + d.counts.shown + " von " + d.counts.measures + " angezeigt";
    }

    function badge(m) {
        var cls = { Missing: "badge-missing", Confirmed: "badge-confirmed", Corrected: "badge-corrected", Edited: "badge-edited" }[m.state] || "";
        var b = el("span", "badge " + cls, m.stateLabel);
        var who = m.input ? (m.state === "Edited" ? "bearbeitet von " + m.input.editedBy + ", " + formatDateTime(m.input.editedAt)
            : "von " + m.input.submittedBy + ", " + formatDateTime(m.input.submittedAt)) : "noch keine Meldung";
        b.title = who;
        var wrap = el("div");
        wrap.appendChild(b);
        wrap.appendChild(el("span", "cell-sub", m.input ? who : "Systemwerte"));
        return wrap;
    }

    function renderRow(m) {
        var tr = el("tr");
        tr.dataset.number = m.number;
        var th = el("th");
        th.scope = "row";
        th.appendChild(el("div", "cell-title", m.title));
        th.appendChild(el("div", "cell-sub", m.number + " · " + m.traeger + ", " + m.location));
        tr.appendChild(th);
        var teamKind = el("td");
        teamKind.appendChild(el("div", null, m.team.name));
        teamKind.appendChild(el("div", "cell-sub", m.kindLabel));
        tr.appendChild(teamKind);
        tr.appendChild(el("td", null, m.betreuer.name));
        var st = el("td");
        st.appendChild(badge(m));
        tr.appendChild(st);

        var occ = el("td", "num", m.effective.occupied + "/" + m.capacity);
        if (m.input && m.effective.occupied !== m.system.occupied) occ.appendChild(el("span", "system-hint", "System: " + m.system.occupied));
        tr.appendChild(occ);
        tr.appendChild(el("td", "num" + (m.effective.freePlaces > 0 ? " free-yes" : ""), String(m.effective.freePlaces)));
        var next = el("td", null, m.effective.nextEntryDate ? formatDate(m.effective.nextEntryDate) : (m.intakeOpen ? "–" : "keine Aufnahme"));
        tr.appendChild(next);
        tr.appendChild(el("td", "remarks", m.effective.remarks || "–"));
        var act = el("td");
        var button = el("button", "button small", "Bearbeiten");
        button.type = "button";
        button.setAttribute("aria-label", "Bearbeiten: " + m.title + " (" + m.number + ")");
        button.addEventListener("click", function () { openEdit(m, button); });
        act.appendChild(button);
        tr.appendChild(act);
        return tr;
    }

    // ---- edit dialog --------------------------------------------------------------------------------------------

    function fillEdit(m) {
        state.editing = m;
        $("edit-title").textContent = m.title;
        $("edit-sub").textContent = m.number + " · " + m.kindLabel + " · " + m.traeger + " · Betreuung: " + m.betreuer.name;
        $("edit-system").textContent = "Laut System: " + m.system.occupied + " von " + m.capacity + " Plätzen belegt, " + m.system.freePlaces +
            " frei, " + (m.system.nextEntryDate ? "nächster Einstieg " + formatDate(m.system.nextEntryDate) : "kein Einstiegstermin") +
            (m.system.reserved ? ", " + m.system.reserved + " reserviert" : "") + ".";
        $("edit-occupied-label").textContent = "Belegte Plätze (von " + m.capacity + ")";
        var occ = $("edit-occupied");
        occ.max = String(m.capacity);
        occ.value = String(m.effective.occupied);
        var next = $("edit-next");
        next.value = m.effective.nextEntryDate || "";
        next.min = m.minEntryDate;
        next.disabled = !m.intakeOpen;
        $("edit-next-hint").textContent = !m.intakeOpen ? "Keine Aufnahme mehr (letzter Einstieg " + formatDate(m.intakeDeadline) + ")."
            : m.entryOnGrid ? "DIA-AM: nur an den 14-tägigen Einstiegsterminen." : "Leer lassen, wenn kein Termin feststeht.";
        $("edit-remarks").value = m.effective.remarks || "";
        ["occupied", "next", "remarks"].forEach(function (f) { fieldError(f, null); });
    }

    function openEdit(m, opener) {
        fillEdit(m);
        $("edit-conflict").hidden = true;
        state.editOpener = opener;
        $("edit-dialog").showModal();
        $("edit-occupied").focus();
    }

    function closeEdit() {
        $("edit-dialog").close();
    }

    function fieldError(field, message) {
        var map = { occupied: "edit-occupied", nextEntryDate: "edit-next", next: "edit-next", remarks: "edit-remarks" };
        var input = $(map[field]);
        var error = $(map[field] + "-error");
        if (!input || !error) return;
        error.textContent = message || "";
        if (message) input.setAttribute("aria-invalid", "true");
        else input.removeAttribute("aria-invalid");
    }

    async function saveEdit(e) {
        e.preventDefault();
        var m = state.editing;
        ["occupied", "next", "remarks"].forEach(function (f) { fieldError(f, null); });
        var occText = $("edit-occupied").value.trim();
        if (occText === "" || !/^\d+$/.test(occText)) {
            fieldError("occupied", "Bitte eine ganze Zahl von 0 bis " + m.capacity + " eingeben.");
            $("edit-occupied").focus();
            return;
        }
        var save = $("edit-save");
        save.disabled = true;
        try {
            var res = await api("/weeks/" + encodeURIComponent(state.week) + "/measures/" + encodeURIComponent(m.number), {
                method: "PUT",
                json: {
                    occupied: parseInt(occText, 10),
                    nextEntryDate: $("edit-next").disabled ? null : ($("edit-next").value || null),
                    remarks: $("edit-remarks").value,
                    etag: m.input ? m.input.etag : null
                }
            });
            if (res.ok) {
                closeEdit();
                setStatus("Gespeichert: " + m.title + ".");
                await loadWeek(state.week);
                var row = document.querySelector('#measures tr[data-number="' + CSS.escape(m.number) + '"]');
                if (row) {
                    row.classList.add("just-saved");
                    var b = row.querySelector("button");
                    if (b) b.focus();
                }
                return;
            }
            if (res.status === 409 && res.body && res.body.code === "changed_meanwhile") {
                // Nothing was overwritten: show who changed it and load the current values (with their ETag).
                var conflict = $("edit-conflict");
                conflict.textContent = res.body.title;
                conflict.hidden = false;
                if (res.body.current) fillEdit(res.body.current);
                conflict.focus();
                loadWeek(state.week);
                return;
            }
            if (res.status === 400 && res.body && res.body.errors) {
                res.body.errors.forEach(function (er) { fieldError(er.field, er.message); });
                var first = document.querySelector('#edit-form [aria-invalid="true"]');
                if (first) first.focus();
                return;
            }
            $("edit-conflict").textContent = problemText(res);
            $("edit-conflict").hidden = false;
        } finally {
            save.disabled = false;
        }
    }

    // ---- tabs -----------------------------------------------------------------------------------------------------

    function selectTab(tab, focus) {
        var tabs = Array.prototype.slice.call(document.querySelectorAll('[role="tab"]'));
        tabs.forEach(function (t) {
            var selected = t === tab;
            t.setAttribute("aria-selected", selected ? "true" : "false");
            t.tabIndex = selected ? 0 : -1;
            $(t.getAttribute("aria-controls")).hidden = !selected;
        });
        if (focus) tab.focus();
        if (tab.id === "tab-publish" && state.previewStale) loadPreview();
        if (tab.id === "tab-history") loadHistory();
    }

    function onTabKey(e) {
        var tabs = Array.prototype.slice.call(document.querySelectorAll('[role="tab"]'));
        var i = tabs.indexOf(e.currentTarget);
        var next = null;
        if (e.key === "ArrowRight") next = tabs[(i + 1) % tabs.length];
        else if (e.key === "ArrowLeft") next = tabs[(i - 1 + tabs.length) % tabs.length];
        else if (e.key === "Home") next = tabs[0];
        else if (e.key === "End") next = tabs[tabs.length - 1];
        if (next) {
            e.preventDefault();
            selectTab(next, true);
        }
    }

    // ---- preview and publish --------------------------------------------------------------------------------------

    async function renderCards(container, cards, label) {
        container.innerHTML = "";
        for (var i = 0; i < cards.length; i++) {
            var frame = el("article", "card-frame");
            frame.setAttribute("aria-label", label(i, cards.length));
            var host = el("div", "teams-card");
            frame.appendChild(host);
            container.appendChild(frame);
            if (!window.CardHarness) {
                host.textContent = "Der Kartenrenderer fehlt (tab/lib).";
                continue;
            }
            var result = await CardHarness.render(cards[i], host, { hostConfigUrl: hostConfigUrl() });
            if (result.problems.length) {
                var p = el("p", "card-problems", "Hinweise des Renderers: " + result.problems.map(function (x) { return x.message; }).join("; "));
                frame.appendChild(p);
            }
        }
    }

    async function loadPreview() {
        if (!state.week) return;
        var preview = $("preview");
        preview.setAttribute("aria-busy", "true");
        $("preview-info").textContent = "Vorschau wird erstellt …";
        var res = await api("/weeks/" + encodeURIComponent(state.week) + "/preview");
        if (!res.ok) {
            preview.setAttribute("aria-busy", "false");
            $("preview-info").textContent = problemText(res);
            return;
        }
        state.previewStale = false;
        var b = res.body;
        var largest = Math.max.apply(null, b.parts.map(function (p) { return p.bytes; }));
        $("preview-info").textContent = b.measures + " Maßnahmen in " + b.parts.length + (b.parts.length === 1 ? " Nachricht" : " Nachrichten") +
            " (größte " + (largest / 1024).toFixed(1).replace(".", ",") + " KB, höchstens " + Math.round(b.maxBytes / 1024) + " KB je Nachricht)" +
            (b.condensed ? " · gekürzte Fassung, " + b.hiddenCount + " Maßnahmen nur gezählt" : "") + "." +
            (b.published ? " Diese Woche wurde " + b.published.text + " (von " + b.published.publishedBy + "); erneut senden nur als Korrektur." : "");
        var missing = $("preview-missing");
        missing.textContent = b.missingMessage || "";
        missing.hidden = !b.missingMessage;
        await renderCards(preview, b.parts.map(function (p) { return p.card; }), function (i, n) {
            return "Vorschau Nachricht " + (i + 1) + " von " + n;
        });
        preview.setAttribute("aria-busy", "false");
    }

    async function loadTargets() {
        var res = await api("/targets");
        if (!res.ok) return;
        state.targets = res.body;
        $("ifk-count").textContent = String(res.body.ifk);
        $("tl-count").textContent = String(res.body.teamleitung);
        var list = $("channel-list");
        list.innerHTML = "";
        var here = state.teams && state.teams.channel && state.teams.channel.id;
        res.body.channels.forEach(function (c, i) {
            var label = el("label", "check");
            var box = el("input");
            box.type = "checkbox";
            box.name = "channel";
            box.value = c.id;
            box.id = "channel-" + i;
            if (here && here === c.id) box.checked = true;
            label.appendChild(box);
            label.appendChild(el("span", null, c.name));
            list.appendChild(label);
        });
        if (res.body.channels.length === 0) list.appendChild(el("p", "hint", "Der Bot ist noch in keinem Teamkanal installiert."));
        var hint = "";
        if (here && !res.body.channels.some(function (c) { return c.id === here; }))
            hint = "In diesem Kanal ist der Bot nicht installiert, daher kann hier nicht gepostet werden. So beheben: Team › „Apps verwalten“ › TeamsAmdl hinzufügen.";
        else hint = "Es werden nur Kanäle angeboten, in deren Team der Bot installiert ist.";
        $("channel-hint").textContent = hint;
    }

    function selectedChannels() {
        return Array.prototype.slice.call(document.querySelectorAll('#channel-list input[name="channel"]:checked'))
            .map(function (b) { return b.value; });
    }

    /**
     * Publishing is a job: the request answers 202 at once with the publication's id; the progress is polled from
     * /publications/{id} until every message and document is final. A week published before asks
     * "Als Korrektur erneut senden?" (409 already_published) and is then sent marked as a correction.
     */
    async function publish(confirmMissing, correction) {
        var channels = selectedChannels();
        var ifk = $("to-ifk").checked;
        var tl = $("to-tl").checked;
        var result = $("publish-result");
        if (channels.length === 0 && !ifk && !tl) {
            result.innerHTML = "";
            result.appendChild(el("p", "message-bar message-warning", "Bitte mindestens einen Kanal oder einen Empfängerkreis wählen."));
            return;
        }
        state.publishId = state.publishId || newId();
        var button = $("publish-btn");
        button.disabled = true;
        setStatus("Maßnahmeinfo wird veröffentlicht …");
        try {
            var res = await api("/weeks/" + encodeURIComponent(state.week) + "/publish", {
                method: "POST",
                json: { publishId: state.publishId, channels: channels, ifk: ifk, teamleitung: tl, confirmMissing: !!confirmMissing, correction: !!correction }
            });
            if (res.status === 409 && res.body && res.body.code === "missing_inputs") {
                setStatus("");
                askConfirmation(res.body, "Nicht alle Wochenmeldungen liegen vor", "Trotzdem veröffentlichen", function () { publish(true, correction); });
                return;
            }
            if (res.status === 409 && res.body && res.body.code === "already_published") {
                setStatus("");
                askConfirmation(res.body, "Diese Woche ist bereits veröffentlicht", "Als Korrektur erneut senden", function () { publish(confirmMissing, true); });
                return;
            }
            result.innerHTML = "";
            if (!res.ok) {
                setStatus("Nicht veröffentlicht.", "error");
                var msg = el("p", "message-bar message-warning", problemText(res));
                msg.setAttribute("role", "alert");
                result.appendChild(msg);
                return;
            }
            state.publishId = null; // the next click starts a new publication
            await followPublication(res.body.id);
        } finally {
            button.disabled = false;
        }
    }

    /** Polls the publication's progress and shows it until it is finished (then its counts, problems and retry). */
    async function followPublication(id) {
        var seq = ++state.followSeq;
        var result = $("publish-result");
        while (seq === state.followSeq) {
            var res = await api("/publications/" + encodeURIComponent(id));
            if (seq !== state.followSeq) return;
            if (!res.ok) {
                result.innerHTML = "";
                result.appendChild(el("p", "message-bar message-warning", problemText(res)));
                return;
            }
            showProgress(res.body);
            if (res.body.finished || res.body.canRetry) return;
            await new Promise(function (r) { setTimeout(r, 700); });
        }
    }

    function showProgress(p) {
        var result = $("publish-result");
        result.innerHTML = "";
        var ok = p.complete;
        var box = el("div", "message-bar " + (ok ? "message-success" : p.finished || p.canRetry ? "message-warning" : "message-info"));
        var title = "Maßnahmeinfo " + p.weekLabel + (p.correction ? " (Korrektur)" : "") +
            (ok ? " veröffentlicht." : p.finished || p.canRetry ? " teilweise veröffentlicht." : " wird veröffentlicht …");
        box.appendChild(el("strong", null, title));
        var bar = el("progress", "publish-progress");
        bar.max = 100;
        bar.value = p.percent;
        bar.id = "publish-progress";
        var label = el("label", "visually-hidden", "Fortschritt der Veröffentlichung");
        label.htmlFor = bar.id;
        box.appendChild(label);
        box.appendChild(bar);
        var line = el("p", "progress-text", p.text + " (" + p.percent + " %)");
        line.id = "publish-progress-text";
        box.appendChild(line);
        var ul = el("ul");
        ul.appendChild(el("li", null, p.publishedText.charAt(0).toUpperCase() + p.publishedText.slice(1)));
        if (p.parts) ul.appendChild(el("li", null, (p.parts === 1 ? "1 Nachricht" : p.parts + " Nachrichten") + " je Person" + (p.condensed ? " (gekürzte Fassung)" : "")));
        if (p.recipients) ul.appendChild(el("li", null, "1:1 an " + p.recipients + " Personen"));
        p.channels.forEach(function (c) {
            ul.appendChild(el("li", null, c.name + ": " + (c.status === "sent" ? "gepostet" : c.message)));
        });
        if (p.documents.total) ul.appendChild(el("li", null, p.documents.done + " von " + p.documents.total + " Maßnahmeinfo-Dokumenten (je Maßnahme) in der e-Akte abgelegt"));
        (p.filingProblems || []).forEach(function (x) { ul.appendChild(el("li", null, "e-Akte: " + x)); });
        box.appendChild(ul);
        if (p.problems.length) {
            var problems = el("ul", "problems");
            problems.setAttribute("role", "alert");
            p.problems.forEach(function (x) { problems.appendChild(el("li", null, x)); });
            box.appendChild(problems);
        }
        if (p.canRetry) {
            var retry = el("button", "button", "Erneut versuchen");
            retry.type = "button";
            retry.addEventListener("click", async function () {
                retry.disabled = true;
                var r = await api("/publications/" + encodeURIComponent(p.id) + "/retry", { method: "POST" });
                if (!r.ok && r.status !== 409) setStatus(problemText(r), "error");
                await followPublication(p.id);
            });
            box.appendChild(retry);
        }
        result.appendChild(box);
        if (p.finished || p.canRetry) {
            setStatus(ok ? "Veröffentlicht." : "Teilweise veröffentlicht.");
            state.previewStale = true;
        }
    }

    function askConfirmation(problem, title, okText, onOk) {
        $("confirm-title").textContent = title;
        $("confirm-ok").textContent = okText;
        $("confirm-text").textContent = problem.title;
        var list = $("confirm-list");
        list.innerHTML = "";
        (problem.missing || []).forEach(function (m) { list.appendChild(el("li", null, m.number + " – " + m.title)); });
        list.hidden = !(problem.missing || []).length;
        state.confirmAction = onOk;
        var dialog = $("confirm-dialog");
        dialog.showModal();
        $("confirm-cancel").focus();
    }

    // ---- history and read-only view --------------------------------------------------------------------------------

    async function loadHistory() {
        var res = await api("/history");
        var body = document.querySelector("#history tbody");
        body.innerHTML = "";
        if (!res.ok) {
            showAlert(problemText(res));
            return;
        }
        $("history-empty").hidden = res.body.length > 0;
        res.body.forEach(function (h) {
            var tr = el("tr");
            var th = el("th", null, h.label);
            th.scope = "row";
            tr.appendChild(th);
            tr.appendChild(el("td", null, formatDateTime(h.publishedAt) + " von " + h.publishedBy));
            tr.appendChild(el("td", "num", String(h.measures)));
            tr.appendChild(el("td", "num", String(h.parts)));
            var to = [];
            h.channels.forEach(function (c) { to.push(c.name + (c.status === "sent" ? "" : " (" + (c.status === "pending" ? "läuft" : "fehlgeschlagen") + ")")); });
            if (h.recipients) to.push(h.recipients + " Personen 1:1" + (h.deliveredMessages != null ? " (" + h.deliveredMessages + " von " + h.messages + " Nachrichten zugestellt)" : ""));
            if (h.correction) to.push("als Korrektur");
            tr.appendChild(el("td", null, to.join(", ") || "–"));
            tr.appendChild(el("td", null, h.filedDocuments != null ? h.filedDocuments + " von " + h.filingDocuments + " Dokumenten abgelegt" : h.filingStatus || "–"));
            var act = el("td");
            var show = el("button", "button small", "Anzeigen");
            show.type = "button";
            show.setAttribute("aria-label", "Maßnahmeinfo " + h.label + " vom " + formatDateTime(h.publishedAt) + " anzeigen");
            show.addEventListener("click", function () { showHistory(h.id); });
            var pdf = el("button", "button small", "PDF");
            pdf.type = "button";
            pdf.setAttribute("aria-label", "PDF der Maßnahmeinfo " + h.label + " öffnen");
            pdf.addEventListener("click", function () { openDocument(h.id, h.documentName); });
            act.appendChild(show);
            act.appendChild(document.createTextNode(" "));
            act.appendChild(pdf);
            tr.appendChild(act);
            body.appendChild(tr);
        });
    }

    async function showHistory(id) {
        var res = await api("/history/" + encodeURIComponent(id));
        if (!res.ok) {
            showAlert(problemText(res));
            return;
        }
        var detail = $("history-detail");
        detail.hidden = false;
        $("history-detail-title").textContent = "Maßnahmeinfo " + res.body.digest.label + ", veröffentlicht am " +
            formatDateTime(res.body.digest.publishedAt) + " von " + res.body.digest.publishedBy;
        await renderCards($("history-cards"), res.body.parts, function (i, n) { return "Nachricht " + (i + 1) + " von " + n; });
        detail.scrollIntoView({ block: "start" });
    }

    async function openDocument(id, name) {
        var headers = await authHeaders(false);
        var response = await fetch(API + "/history/" + encodeURIComponent(id) + "/document", { headers: headers });
        if (!response.ok) {
            showAlert("Das Dokument konnte nicht geladen werden (HTTP " + response.status + ").");
            return;
        }
        var url = URL.createObjectURL(await response.blob());
        var a = el("a");
        a.href = url;
        a.download = name || "Massnahmeinfo.pdf";
        document.body.appendChild(a);
        a.click();
        a.remove();
        setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
    }

    async function loadLatest() {
        $("readonly").hidden = false;
        var res = await api("/latest");
        var container = $("readonly-cards");
        container.innerHTML = "";
        if (!res.ok) {
            container.appendChild(el("p", "empty", problemText(res)));
            return;
        }
        await renderCards(container, res.body.parts, function (i, n) { return "Nachricht " + (i + 1) + " von " + n; });
    }

    // ---- start --------------------------------------------------------------------------------------------------

    function wire() {
        $("prev-week").addEventListener("click", function () { if (state.data && state.data.previous) loadWeek(state.data.previous); });
        $("next-week").addEventListener("click", function () { if (state.data && state.data.next) loadWeek(state.data.next); });
        $("this-week").addEventListener("click", function () { loadWeek("current"); });
        ["filter-team", "filter-kind", "filter-state"].forEach(function (id) {
            $(id).addEventListener("change", function () { loadWeek(state.week); });
        });
        Array.prototype.forEach.call(document.querySelectorAll('[role="tab"]'), function (t) {
            t.addEventListener("click", function () { selectTab(t, false); });
            t.addEventListener("keydown", onTabKey);
        });
        $("edit-form").addEventListener("submit", saveEdit);
        $("edit-cancel").addEventListener("click", closeEdit);
        $("edit-dialog").addEventListener("close", function () {
            if (state.editOpener && document.body.contains(state.editOpener)) state.editOpener.focus();
        });
        $("preview-refresh").addEventListener("click", loadPreview);
        $("publish-form").addEventListener("submit", function (e) { e.preventDefault(); publish(false, false); });
        $("confirm-cancel").addEventListener("click", function () { $("confirm-dialog").close(); $("publish-btn").focus(); });
        $("confirm-ok").addEventListener("click", function () {
            $("confirm-dialog").close();
            var action = state.confirmAction;
            state.confirmAction = null;
            if (action) action();
        });
    }

    document.addEventListener("DOMContentLoaded", async function () {
        applyTheme(new URLSearchParams(location.search).get("theme"));
        wire();
        var env = { devLogin: false };
        try {
            var r = await fetch(API + "/env");
            if (r.ok) env = await r.json();
        } catch (e) { /* offline */ }
        var framed = window.parent !== window || !!window.nativeInterface;
        if ((framed || !env.devLogin) && await detectTeams()) {
            state.auth.mode = "teams";
            await loadMe();
            return;
        }
        if (env.devLogin) {
            state.auth.mode = "dev";
            await startDevLogin();
            return;
        }
        $("signin").hidden = false;
    });
})();
