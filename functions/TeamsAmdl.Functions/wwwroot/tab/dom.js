// DOM helpers shared by the tab's scripts (tab.js, measures.js, participants.js, ratings.js, quality.js, …): loaded first, no dependencies.
(function () {
    "use strict";

    function $(id) { return document.getElementById(id); }

    function el(tag, className, text) {
        var e = document.createElement(tag);
        if (className) e.className = className;
        if (text !== undefined && text !== null) e.textContent = text;
        return e;
    }

    /** yyyy-mm-dd → dd.mm.yyyy (the one German date format of the tab); "–" when there is none. */
    function formatDate(iso) {
        if (!iso) return "–";
        var p = String(iso).split("-");
        return p.length === 3 ? p[2] + "." + p[1] + "." + p[0] : String(iso);
    }

    /** fetch with JSON in (options.json) and out: { ok, status, body } where body is the parsed JSON, the text, or null. */
    async function fetchJson(url, headers, options) {
        options = options || {};
        headers = Object.assign({ "Accept": "application/json" }, options.headers || {}, headers || {});
        var body = options.body;
        if (options.json !== undefined) {
            headers["Content-Type"] = "application/json";
            body = JSON.stringify(options.json);
        }
        var response = await fetch(url, { method: options.method || "GET", headers: headers, body: body });
        var text = await response.text();
        var parsed = null;
        if (text) {
            try { parsed = JSON.parse(text); } catch (e) { parsed = text; }
        }
        return { ok: response.ok, status: response.status, body: parsed };
    }

    /** The German text for a failed call: the server's problem title, else a sentence naming the status. */
    function problemText(res) {
        if (res.body && typeof res.body === "object" && res.body.title) return res.body.title;
        if (res.status === 401) return "Nicht angemeldet oder Anmeldung abgelaufen.";
        if (res.status === 403) return "Dafür fehlt Ihnen die Berechtigung.";
        return "Der Server antwortete mit HTTP " + res.status + ".";
    }

    /** Replaces the message in the box <boxId>: kind "error" is a warning bar read out as an alert; none clears it. */
    function showMessage(boxId, text, kind) {
        var box = $(boxId);
        box.innerHTML = "";
        if (!text) return;
        var p = el("p", "message-bar " + (kind === "error" ? "message-warning" : "message-success"), text);
        if (kind === "error") p.setAttribute("role", "alert");
        box.appendChild(p);
    }

    window.TabDom = { $: $, el: el, formatDate: formatDate, fetchJson: fetchJson, problemText: problemText, showMessage: showMessage };
})();
