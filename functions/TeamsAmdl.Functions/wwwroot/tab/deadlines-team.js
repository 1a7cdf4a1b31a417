/*
 * Fristen, part two (issue 16): "Überfällig im Team" (R-TN-2, GET api/deadlines/overdue: own team; Koordination and
 * management may pick any team or all) and the LAP contact form (R-TN-3, POST api/deadlines/{number}/contacts/entry: one
 * participant's personal contacts in one month, checked like a line of the Träger's CSV), with the recorded months and the
 * "unter 2" flag. Both live inside the "Fristen" section that deadlines.js shows; signs in through tab.js.
 */
(function () {
    "use strict";

    var state = { authHeaders: null, contacts: [] };
    var $ = TabDom.$, el = TabDom.el, formatDate = TabDom.formatDate;

    async function api(path, options) {
        return TabDom.fetchJson(path, await state.authHeaders(false), options);
    }

    async function start(detail) {
        state.authHeaders = detail.authHeaders;
        await Promise.all([loadTeam(null), loadContacts()]);
    }

    // ---- Überfällig im Team ----

    async function loadTeam(team) {
        var table = $("overdue-team-table");
        table.setAttribute("aria-busy", "true");
        var res = await api("/api/deadlines/overdue" + (team ? "?team=" + encodeURIComponent(team) : ""));
        table.setAttribute("aria-busy", "false");
        TabDom.showMessage("overdue-team-message", null);
        if (!res.ok) {
            // 403 without a team of one's own: the view is not for this account.
            $("overdue-team").hidden = res.status === 403 && !team;
            TabDom.showMessage("overdue-team-message", TabDom.problemText(res), "error");
            return;
        }
        renderTeam(res.body);
        $("overdue-team").hidden = false;
    }

    /** "2 Anwesenheitszeiten, 1 Erwartungsbogen". */
    function counts(list) {
        return list.map(function (c) { return c.count + " " + c.label; }).join(", ");
    }

    function renderTeam(view) {
        var select = $("overdue-team-select");
        select.innerHTML = "";
        if (view.allTeams) select.add(new Option("Alle Teams", ""));
        view.teams.forEach(function (t) { select.add(new Option(t.name, t.id)); });
        select.value = view.team || "";
        $("overdue-team-pick").hidden = select.options.length < 2;

        $("overdue-team-summary").textContent = view.teamName + ": " + (view.total === 0 ? "keine überfälligen Fristen."
            : (view.total === 1 ? "1 überfällige Frist" : view.total + " überfällige Fristen") + " – " + counts(view.counts) + ".");
        var table = $("overdue-team-table");
        Array.prototype.slice.call(table.tBodies).forEach(function (b) { b.remove(); });
        view.measures.forEach(function (m) {
            var body = el("tbody");
            body.dataset.measure = m.measure;
            var head = el("tr", "group-row");
            var th = el("th", null, m.measureTitle + " (" + m.measure + ")");
            th.scope = "rowgroup";
            th.colSpan = 3;
            th.appendChild(el("span", "cell-sub", " · " + counts(m.counts)));
            head.appendChild(th);
            body.appendChild(head);
            m.items.forEach(function (d) {
                var tr = el("tr");
                tr.dataset.key = d.measure + "|" + d.key;
                var label = el("th", null, d.label);
                label.scope = "row";
                tr.appendChild(label);
                tr.appendChild(el("td", null, d.customerRef || ("Monat " + formatDate(d.event).slice(3))));
                tr.appendChild(el("td", null, formatDate(d.due)));
                body.appendChild(tr);
            });
            table.appendChild(body);
        });
        $("overdue-team-empty").hidden = view.measures.length > 0;
    }

    // ---- Kontaktdichte (LAP) ----

    async function loadContacts(keepMeasure) {
        var res = await api("/api/deadlines/contacts");
        state.contacts = res.ok ? res.body : [];
        $("lap-contacts").hidden = state.contacts.length === 0;
        if (state.contacts.length === 0) return;
        var select = $("contact-measure");
        select.innerHTML = "";
        state.contacts.forEach(function (m) { select.add(new Option(m.measureTitle + " (" + m.measure + ")", m.measure)); });
        if (keepMeasure) select.value = keepMeasure;
        renderContacts();
    }

    function current() {
        var number = $("contact-measure").value;
        return state.contacts.filter(function (m) { return m.measure === number; })[0];
    }

    function renderContacts() {
        var m = current();
        if (!m) return;
        var refs = $("contact-ref");
        var picked = refs.value;
        refs.innerHTML = "";
        m.participants.forEach(function (r) { refs.add(new Option(r, r)); });
        if (m.participants.indexOf(picked) >= 0) refs.value = picked;
        var body = document.querySelector("#contact-table tbody");
        body.innerHTML = "";
        m.months.forEach(function (c) {
            var tr = el("tr");
            tr.dataset.key = c.customerRef + "|" + c.month;
            var th = el("th", null, c.customerRef);
            th.scope = "row";
            tr.appendChild(th);
            tr.appendChild(el("td", null, c.monthLabel));
            tr.appendChild(el("td", null, String(c.personal)));
            tr.appendChild(el("td", null, String(c.other)));
            var note = el("td");
            note.appendChild(c.below ? el("span", "badge badge-missing", "unter 2") : document.createTextNode("–"));
            if (c.remark) note.appendChild(el("span", "cell-sub", " " + c.remark));
            tr.appendChild(note);
            body.appendChild(tr);
        });
        $("contact-empty").hidden = m.months.length > 0;
    }

    async function saveContact() {
        var m = current();
        if (!m) return;
        var count = $("contact-count").value;
        var ref = $("contact-ref").value;
        $("contact-save").disabled = true;
        var res = await api("/api/deadlines/" + encodeURIComponent(m.measure) + "/contacts/entry", {
            method: "POST",
            json: { customerRef: ref, month: $("contact-month").value || null, personal: count === "" ? null : Number(count), note: $("contact-note").value },
        });
        $("contact-save").disabled = false;
        if (!res.ok) {
            TabDom.showMessage("contact-message", TabDom.problemText(res), "error");
            return;
        }
        var month = $("contact-month").value.split("-").reverse().join(".");
        $("contact-count").value = "";
        $("contact-note").value = "";
        await loadContacts(m.measure);
        TabDom.showMessage("contact-message", "Kontakte für " + ref + " im Monat " + month + " gespeichert" +
            (res.body.belowMinimum.length > 0 ? " – weniger als 2 persönliche Kontakte." : "."));
    }

    document.addEventListener("DOMContentLoaded", function () {
        $("overdue-team-select").addEventListener("change", function (e) { loadTeam(e.target.value || null); });
        $("contact-measure").addEventListener("change", renderContacts);
        $("contact-form").addEventListener("submit", function (e) { e.preventDefault(); saveContact(); });
    });
    document.addEventListener("teamsamdl:signedin", function (e) { start(e.detail); });
})();
