/*
 * The IFK's settings in the tab (issue 14): which free-place alerts reach them (teams, kinds, locations; nothing ticked
 * means all), when alerts are delivered (working hours), and the muted measures with undo. The choices come from the
 * server (GET api/freeplaces/settings), which also checks every change against the teams, locations and measures that
 * exist (German errors shown as they come). Shown to IFKs only; signs in through tab.js (teamsamdl:signedin).
 */
(function () {
    "use strict";

    var state = { authHeaders: null, settings: null, subscription: null, lastMuted: null };
    var $ = TabDom.$, el = TabDom.el;

    async function api(path, options) {
        return TabDom.fetchJson("/api/freeplaces" + path, await state.authHeaders(), options);
    }

    var problemText = TabDom.problemText;

    function error(text) {
        $("ifk-error").textContent = text || "";
        $("ifk-error").hidden = !text;
        if (text) $("ifk-error").focus();
    }

    function status(text, undo) {
        var box = $("ifk-status");
        box.innerHTML = "";
        box.hidden = !text;
        if (!text) return;
        box.appendChild(document.createTextNode(text + " "));
        if (undo) {
            var b = el("button", "button small", "Rückgängig");
            b.type = "button";
            b.addEventListener("click", undo);
            box.appendChild(b);
        }
    }

    function checks(containerId, name, items, selected) {
        var box = $(containerId);
        box.innerHTML = "";
        items.forEach(function (item) {
            var label = el("label", "check");
            var input = el("input");
            input.type = "checkbox";
            input.name = name;
            input.value = item.id;
            input.checked = selected.indexOf(item.id) >= 0;
            label.appendChild(input);
            label.appendChild(el("span", null, item.name));
            box.appendChild(label);
        });
    }

    function checked(containerId) {
        return Array.prototype.map.call(document.querySelectorAll("#" + containerId + " input:checked"), function (i) { return i.value; });
    }

    function measureName(number) {
        var m = state.settings.measures.filter(function (x) { return x.id === number; })[0];
        return m ? m.name + " (" + number + ")" : number;
    }

    async function load() {
        var results = await Promise.all([api("/settings"), api("/subscription")]);
        if (!results[0].ok || !results[1].ok) {
            error(problemText(results[0].ok ? results[1] : results[0]));
            return;
        }
        state.settings = results[0].body;
        render(results[1].body);
        var list = $("ifk-measure-list");
        list.innerHTML = "";
        state.settings.measures.forEach(function (m) { list.appendChild(new Option(m.name, m.id)); });
        $("ifk-hours").textContent = "Zustellung: " + state.settings.deliveryHours + "." +
            (state.settings.deliverAtOnce ? " (Entwicklung: FreePlaces:DeliverAtOnce stellt sofort zu.)" : "");
        $("ifk-settings").hidden = false;
    }

    function render(sub) {
        state.subscription = sub;
        var s = state.settings;
        checks("ifk-teams", "team", s.teams, sub.teams);
        checks("ifk-kinds", "kind", s.kinds, sub.kinds);
        checks("ifk-locations", "location", s.locations.map(function (l) { return { id: l, name: l }; }), sub.locations);
        $("ifk-enabled").checked = sub.enabled;
        $("ifk-default").textContent = sub.isDefault ? "Sie erhalten zurzeit die Voreinstellung: alle Maßnahmen Ihres Teams." : "";
        var muted = $("ifk-muted");
        muted.innerHTML = "";
        sub.muted.forEach(function (number) {
            var li = el("li");
            li.appendChild(el("span", null, measureName(number) + " "));
            var b = el("button", "button small subtle", "Stummschaltung aufheben");
            b.type = "button";
            b.setAttribute("aria-label", "Stummschaltung aufheben: " + measureName(number));
            b.addEventListener("click", function () { setMuted(number, false); });
            li.appendChild(b);
            muted.appendChild(li);
        });
        $("ifk-muted-empty").hidden = sub.muted.length > 0;
    }

    async function save(e) {
        e.preventDefault();
        error(null);
        var res = await api("/subscription", { method: "PUT", json: {
            teams: checked("ifk-teams"), kinds: checked("ifk-kinds"), locations: checked("ifk-locations"), enabled: $("ifk-enabled").checked
        } });
        if (!res.ok) {
            error(problemText(res));
            return;
        }
        render(res.body);
        status("Einstellungen gespeichert. Neue Meldungen über freie Plätze richten sich ab sofort danach.");
    }

    async function setMuted(number, muted) {
        error(null);
        var res = await api("/subscription/mutes/" + encodeURIComponent(number), { method: muted ? "PUT" : "DELETE" });
        if (!res.ok) {
            error(problemText(res));
            return false;
        }
        render(res.body);
        var name = measureName(number);
        if (muted) status("„" + name + "“ stummgeschaltet.", function () { setMuted(number, false); });
        else status("Stummschaltung für „" + name + "“ aufgehoben.", function () { setMuted(number, true); });
        return true;
    }

    async function mute(e) {
        e.preventDefault();
        var number = $("ifk-mute-number").value.trim();
        if (!number) {
            error("Bitte eine Maßnahmenummer angeben.");
            return;
        }
        if (await setMuted(number, true)) $("ifk-mute-number").value = "";
    }

    document.addEventListener("teamsamdl:signedin", function (e) {
        state.authHeaders = e.detail.authHeaders;
        var ifk = (e.detail.me.roles || []).indexOf("Ifk") >= 0;
        $("ifk-settings").hidden = true;
        error(null);
        status(null);
        if (ifk) load();
    });

    document.addEventListener("DOMContentLoaded", function () {
        if (!$("ifk-settings")) return;
        $("ifk-form").addEventListener("submit", save);
        $("ifk-mute-form").addEventListener("submit", mute);
    });
})();
