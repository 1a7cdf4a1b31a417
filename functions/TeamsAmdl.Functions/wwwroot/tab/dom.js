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

    window.TabDom = { $: $, el: el, formatDate: formatDate };
})();
