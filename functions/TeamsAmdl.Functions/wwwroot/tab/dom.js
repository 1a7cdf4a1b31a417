// DOM helpers shared by the tab's scripts (tab.js, measures.js, participants.js): loaded first, no dependencies.
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

    window.TabDom = { $: $, el: el, formatDate: formatDate, fetchJson: fetchJson };
})();
