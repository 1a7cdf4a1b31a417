/*
 * "Bewertungen" in the coordinator's tab (issue 14): start a rating request (measure, kind, assessors) — an open request
 * for the same measure and assessor is shown and refused by the API (409), never created twice —, the overview per
 * request (who has answered, who not, deadline, next automatic reminder), "Jetzt erinnern" (one Idempotency-Key per
 * click), close, and the results (averages, auffällig values with Begründung/Handlungsempfehlung, the filed
 * Bewertungsbogen). Signs in like the other panels (teamsamdl:signedin from tab.js) and loads when its panel is shown.
 */
(function () {
    "use strict";

    var KINDS = [["WaehrendDerMassnahme", "Während der Maßnahme"], ["NachMassnahmeende", "Nach Maßnahmeende"], ["Anlassbezogen", "Anlassbezogen"]];
    var state = { authHeaders: null, loaded: false, requests: [], measures: [], assessors: [], selected: null, closing: null, links: [] };
    var $ = TabDom.$, el = TabDom.el, formatDate = TabDom.formatDate;
    var dateTime = new Intl.DateTimeFormat("de-DE", { day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "Europe/Berlin" });

    async function api(path, options) {
        return TabDom.fetchJson("/api" + path, state.authHeaders ? await state.authHeaders() : {}, options);
    }

    var problemText = TabDom.problemText;

    function show(id, text) {
        $(id).textContent = text || "";
        $(id).hidden = !text;
    }

    function berlinDateTime(iso) {
        var d = iso ? new Date(iso) : null;
        return d && !isNaN(d.getTime()) ? dateTime.format(d) + " Uhr" : "–";
    }

    function berlinDate(iso) {
        var d = iso ? new Date(iso) : null;
        return d && !isNaN(d.getTime()) ? dateTime.format(d).split(",")[0] : "–";
    }

    /** An average as the cards show it: two decimals, cut (not rounded), decimal comma. */
    function average(v) {
        if (v === null || v === undefined) return "–";
        return (Math.floor(Number(v) * 100 + 1e-9) / 100).toFixed(2).replace(".", ",");
    }

    function newKey() {
        if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
        return String(Date.now()) + Math.random().toString(16).slice(2);
    }

    function answeredText(r) { return r.submittedCount + " von " + r.assessorCount + " beantwortet"; }

    // ---- load -------------------------------------------------------------------------------------------------

    async function load() {
        state.loaded = true;
        var results = await Promise.all([api("/measures"), api("/ratings/assessors"), loadRequests()]);
        if (!results[0].ok || !results[1].ok) {
            show("rt-alert", problemText(results[0].ok ? results[1] : results[0]));
            return;
        }
        state.measures = results[0].body;
        state.assessors = results[1].body;
        var select = $("rt-measure");
        select.innerHTML = "";
        select.add(new Option("– bitte wählen –", ""));
        state.measures.forEach(function (m) { select.add(new Option(m.title + " (" + m.number + ")", m.number)); });
        var box = $("rt-assessors");
        box.innerHTML = "";
        state.assessors.forEach(function (a) {
            var label = el("label", "check");
            var input = el("input");
            input.type = "checkbox";
            input.value = a.id;
            input.name = "assessor";
            label.appendChild(input);
            label.appendChild(el("span", null, a.name));
            box.appendChild(label);
        });
        showOpenHint();
    }

    async function loadRequests() {
        var res = await api("/ratings/requests?max=200");
        if (!res.ok) {
            show("rt-alert", problemText(res));
            return res;
        }
        state.requests = res.body;
        renderList();
        showOpenHint();
        return res;
    }

    function renderList() {
        var body = document.querySelector("#rt-table tbody");
        body.innerHTML = "";
        state.requests.forEach(function (r) {
            var tr = el("tr");
            tr.dataset.id = r.id;
            var name = el("td");
            name.appendChild(el("div", "cell-title", r.measureTitle));
            name.appendChild(el("div", "cell-sub", r.measureNumber + " · " + r.traeger));
            tr.appendChild(name);
            tr.appendChild(el("td", null, r.kindName));
            tr.appendChild(el("td", null, berlinDate(r.sentAt)));
            tr.appendChild(el("td", null, formatDate(r.deadline)));
            tr.appendChild(el("td", null, answeredText(r)));
            tr.appendChild(el("td", null, r.status === "Closed" ? "geschlossen" : "offen"));
            var actions = el("td");
            var open = el("button", "button small", "Öffnen");
            open.type = "button";
            open.setAttribute("aria-label", "Öffnen: " + r.measureTitle + " (" + r.id + ")");
            open.addEventListener("click", function () { openDetail(r.id); });
            actions.appendChild(open);
            tr.appendChild(actions);
            body.appendChild(tr);
        });
        $("rt-empty").hidden = state.requests.length > 0;
    }

    /** Names the open requests of the chosen measure next to the assessor choice (the duplicate check made visible). */
    function showOpenHint() {
        var measure = $("rt-measure").value;
        var hints = [];
        state.requests.filter(function (r) { return r.status === "Open" && r.measureNumber === measure; }).forEach(function (r) {
            r.assessors.forEach(function (a) {
                hints.push(a.name + " (" + r.id + ", gesendet am " + berlinDate(r.sentAt) + ", " + (a.status === "Submitted" ? "beantwortet" : "offen") + ")");
            });
        });
        $("rt-open-hint").textContent = hints.length
            ? "Offene Anfrage für diese Maßnahme an: " + hints.join("; ") + ". Diese Personen werden nicht noch einmal angefragt."
            : "";
        $("rt-open-hint").hidden = hints.length === 0;
    }

    // ---- create -----------------------------------------------------------------------------------------------

    async function create(e) {
        e.preventDefault();
        show("rt-form-error", null);
        var assessorIds = Array.prototype.map.call(document.querySelectorAll("#rt-assessors input:checked"), function (i) { return i.value; });
        var body = { measureNumber: $("rt-measure").value, kind: $("rt-kind").value, assessorIds: assessorIds };
        if ($("rt-note").value.trim()) body.note = $("rt-note").value.trim();
        $("rt-send").disabled = true;
        try {
            var res = await api("/ratings/requests", { method: "POST", json: body, headers: { "Idempotency-Key": state.createKey || (state.createKey = newKey()) } });
            if (!res.ok) {
                state.createKey = null; // refused: nothing was created, the next attempt is a new request
                show("rt-form-error", problemText(res));
                $("rt-form-error").focus();
                return;
            }
            state.createKey = null;
            show("rt-alert", null);
            show("rt-status", "Bewertungsanfrage für „" + res.body.measureTitle + "“ an " + res.body.assessors.length + " Bewerter:innen gesendet (" +
                res.body.id + "); die Karten werden sofort zugestellt. Frist: " + formatDate(res.body.deadline) + ".");
            $("rt-form").reset();
            await loadRequests();
            await openDetail(res.body.id);
        } finally {
            $("rt-send").disabled = false;
        }
    }

    // ---- detail -----------------------------------------------------------------------------------------------

    function revokeLinks() {
        state.links.forEach(function (u) { URL.revokeObjectURL(u); });
        state.links = [];
    }

    async function openDetail(id) {
        var res = await api("/ratings/requests/" + encodeURIComponent(id));
        if (!res.ok) {
            show("rt-alert", problemText(res));
            return;
        }
        revokeLinks();
        show("rt-form-error", null);
        var r = res.body;
        state.selected = r;
        $("rt-detail-title").textContent = "Bewertungsanfrage: " + r.measureTitle + " (" + r.measureNumber + ")";
        var closed = r.status === "Closed";
        $("rt-detail-sub").textContent = r.kindName + " · " + r.traeger + " · gesendet am " + berlinDate(r.sentAt) + " · Frist " + formatDate(r.deadline) +
            (closed ? " · geschlossen am " + berlinDateTime(r.closedAt) : r.daysLeft >= 0 ? " (noch " + r.daysLeft + " Tage)" : " (überfällig)") + " · " + r.id;
        $("rt-progress").textContent = answeredText(r);
        $("rt-remind").hidden = closed;
        $("rt-close").hidden = closed;
        $("rt-remind").disabled = r.submittedCount === r.assessorCount;

        var body = document.querySelector("#rt-assessor-table tbody");
        body.innerHTML = "";
        r.assessors.forEach(function (a) {
            var tr = el("tr");
            tr.dataset.assessor = a.id;
            tr.appendChild(el("td", null, a.name));
            var stand = a.status === "Submitted" ? "beantwortet am " + berlinDateTime(a.submittedAt)
                : a.status === "Closed" ? "nicht beantwortet (Anfrage geschlossen)"
                : "nicht beantwortet (" + a.answered + " von " + a.questionCount + " Fragen)" + (a.overdue ? " – überfällig" : "");
            tr.appendChild(el("td", null, stand));
            tr.appendChild(el("td", null, a.nextReminder ? a.nextReminder.delivery : "–"));
            tr.appendChild(el("td", null, a.status === "Submitted"
                ? "Hard Facts " + average(a.hardAverage) + " · Soft Facts " + average(a.softAverage) + (a.auffaellig ? " · auffällig" : " · unauffällig")
                : "–"));
            body.appendChild(tr);
        });
        renderResults(r);
        $("rt-detail").hidden = false;
    }

    function renderResults(r) {
        var box = $("rt-results");
        box.innerHTML = "";
        var submitted = r.assessors.filter(function (a) { return a.status === "Submitted"; });
        if (!submitted.length) {
            box.appendChild(el("p", "empty", "Noch keine Ergebnisse: niemand hat die Bewertung abgegeben."));
            return;
        }
        submitted.forEach(function (a) {
            var article = el("article", "rt-result");
            article.setAttribute("aria-label", "Ergebnis von " + a.name);
            article.appendChild(el("h4", null, a.name + (a.auffaellig ? " – auffällig" : " – unauffällig")));
            article.appendChild(el("p", null, "Durchschnitt Hard Facts: " + average(a.hardAverage) + " · Durchschnitt Soft Facts: " + average(a.softAverage)));
            if (a.flags && a.flags.length) {
                var list = el("ul", "rt-flags");
                a.flags.forEach(function (f) {
                    var li = el("li");
                    li.appendChild(el("strong", null, f.title));
                    li.appendChild(el("div", null, "Begründung/Erläuterung: " + (f.begruendung || "–")));
                    li.appendChild(el("div", null, "Handlungsempfehlung: " + (f.handlungsempfehlung || "–")));
                    list.appendChild(li);
                });
                article.appendChild(list);
            }
            if (a.eAkte) {
                var p = el("p", "hint");
                p.appendChild(document.createTextNode("Abgelegt in der e-Akte: " + a.eAkte.path + " · "));
                var link = el("a", null, "Bewertungsbogen von " + a.name + " (PDF)");
                p.appendChild(link);
                article.appendChild(p);
                loadDocument(a, link);
            } else {
                article.appendChild(el("p", "hint", "Der Bewertungsbogen wird gerade für die e-Akte erstellt."));
            }
            box.appendChild(article);
        });
    }

    /** The PDF needs the sign-in header, so it is fetched and linked as a blob URL (no token in any address). */
    async function loadDocument(a, link) {
        var headers = state.authHeaders ? await state.authHeaders() : {};
        var res = await fetch(a.eAkte.document, { headers: Object.assign({ "Accept": "application/pdf" }, headers) });
        if (!res.ok) {
            link.replaceWith(document.createTextNode("Bewertungsbogen nicht abrufbar (HTTP " + res.status + ")."));
            return;
        }
        var url = URL.createObjectURL(await res.blob());
        state.links.push(url);
        link.href = url;
        link.target = "_blank";
        link.rel = "noopener";
        link.download = a.eAkte.path.split("/").pop();
    }

    async function remind() {
        var r = state.selected;
        if (!r) return;
        $("rt-remind").disabled = true;
        try {
            // One key per click: a retried request of this click reminds nobody twice; the next click reminds again.
            var res = await api("/ratings/requests/" + encodeURIComponent(r.id) + "/remind", { method: "POST", headers: { "Idempotency-Key": newKey() } });
            if (!res.ok) {
                show("rt-alert", problemText(res));
                return;
            }
            show("rt-alert", null);
            show("rt-status", "Erinnerung an " + res.body.reminded.join(", ") + " gesendet – " + res.body.delivery.delivery + ".");
        } finally {
            $("rt-remind").disabled = false;
        }
    }

    function askClose() {
        var r = state.selected;
        if (!r) return;
        state.closing = r;
        var open = r.assessorCount - r.submittedCount;
        $("rt-close-text").textContent = "„" + r.measureTitle + "“ (" + r.id + "): " + answeredText(r) + ". " +
            (open > 0 ? open + " offene Bewertung(en) werden beendet; spätere Eingaben werden nicht mehr angenommen." : "Alle haben geantwortet.");
        $("rt-close-dialog").showModal();
    }

    async function confirmClose() {
        var r = state.closing;
        $("rt-close-dialog").close();
        if (!r) return;
        var res = await api("/ratings/requests/" + encodeURIComponent(r.id) + "/close", { method: "POST" });
        if (!res.ok) {
            show("rt-alert", problemText(res));
            return;
        }
        show("rt-alert", null);
        show("rt-status", "Bewertungsanfrage „" + r.measureTitle + "“ geschlossen (" + answeredText(res.body) + ").");
        await loadRequests();
        await openDetail(r.id);
    }

    // ---- wiring -----------------------------------------------------------------------------------------------

    document.addEventListener("teamsamdl:signedin", function (e) {
        state.authHeaders = e.detail.authHeaders;
        state.loaded = false;
        $("rt-detail").hidden = true;
        var panel = $("panel-ratings");
        if (panel && !panel.hidden && e.detail.me.isCoordinator) load();
    });

    document.addEventListener("DOMContentLoaded", function () {
        var panel = $("panel-ratings");
        if (!panel) return;
        new MutationObserver(function () {
            if (!panel.hidden && !$("app").hidden && !state.loaded) load();
        }).observe(panel, { attributes: true, attributeFilter: ["hidden"] });
        $("rt-measure").addEventListener("change", showOpenHint);
        $("rt-form").addEventListener("submit", create);
        $("rt-refresh").addEventListener("click", async function () {
            await loadRequests();
            if (state.selected) await openDetail(state.selected.id);
        });
        $("rt-remind").addEventListener("click", remind);
        $("rt-close").addEventListener("click", askClose);
        $("rt-close-ok").addEventListener("click", confirmClose);
        $("rt-close-cancel").addEventListener("click", function () { $("rt-close-dialog").close(); });
        var kind = $("rt-kind");
        KINDS.forEach(function (k) { kind.add(new Option(k[1], k[0])); });
    });
})();
