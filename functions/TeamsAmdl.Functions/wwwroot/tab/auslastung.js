/*
 * Auslastung view in the Qualitätskalender part of the tab (issue 15 items 4/7, R-QA-5): the month's utilisation per
 * Einkaufsmaßnahme, DIA-AM and UB/InbeQ as the month-end card words it (GET /api/quality/utilisation): occupied/bought,
 * DIA-AM TM against plan, UB below the Mindestplatzzahl flagged as paid but empty. Teamleitung sees their team,
 * Geschäftsführung, koordinierende Führungskräfte, Fachkräfte SQS and Koordination all. Signs in through tab.js.
 */
(function () {
    "use strict";

    var $ = TabDom.$, el = TabDom.el;
    var ROLES = ["Teamleitung", "Geschaeftsleitung", "KoordinierendeFuehrungskraft", "FachkraftSqs", "Koordinator"];
    var state = { authHeaders: null };

    async function start(detail) {
        state.authHeaders = detail.authHeaders;
        var section = $("qu");
        section.hidden = !ROLES.some(function (r) { return detail.me.roles.indexOf(r) >= 0; });
        if (section.hidden) return;
        if (!section.dataset.wired) {
            section.dataset.wired = "1";
            $("qu-form").addEventListener("submit", function (e) { e.preventDefault(); load(); });
        }
        await load();
    }

    async function load() {
        var month = $("qu-month").value;
        var res = await TabDom.fetchJson("/api/quality/utilisation" + (month ? "?month=" + encodeURIComponent(month) : ""), await state.authHeaders(false));
        var tbody = $("qu-table").querySelector("tbody");
        tbody.innerHTML = "";
        $("qu-totals").innerHTML = "";
        if (!res.ok) {
            TabDom.showMessage("qu-message", TabDom.problemText(res), "error");
            return;
        }
        TabDom.showMessage("qu-message", null);
        var v = res.body;
        $("qu-month").value = v.month;
        $("qu-title").textContent = v.title;
        $("qu-scope").textContent = v.scope;
        $("qu-neutral").textContent = v.neutral;
        v.totals.forEach(function (t) {
            var li = el("li");
            li.appendChild(el("strong", null, t.label + ": "));
            li.appendChild(document.createTextNode(t.value));
            $("qu-totals").appendChild(li);
        });
        v.rows.forEach(function (r) {
            var tr = el("tr", r.flagged ? "qu-flagged" : null);
            tr.dataset.measure = r.number;
            [r.title + " (" + r.number + ")", r.kind, r.traeger, r.team, r.occupied, r.rate, r.note].forEach(function (text) { tr.appendChild(el("td", null, text)); });
            tbody.appendChild(tr);
        });
        $("qu-empty").textContent = v.empty || "";
        $("qu-empty").hidden = !v.empty;
    }

    document.addEventListener("teamsamdl:signedin", function (e) { start(e.detail); });
})();
